// The fast paths of the cell readers give exactly what the general rules give: plain decimal
// numbers read as Number(text) reads them (to the last bit, -0 as 0).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumber } from "../../src/load/values.js";

describe("parseNumber on plain decimals", () => {
  it("equals Number(text) for up to 15 characters of digits, a point and a sign", () => {
    const plain = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{0,15}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,14}$/)),
      )
      .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === null ? "" : `.${frac}`}`)
      .filter((t) => t.length < 16 && /\d/.test(t));
    fc.assert(
      fc.property(plain, (t) => {
        expect(Object.is(parseNumber(t, false), Number(t) + 0)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it("reads the hard cases exactly", () => {
    for (const t of [
      "0.1",
      "0.3",
      "95.411",
      "999999999999999",
      "0.000000000000001",
      "-0",
      "-0.0",
      ".5",
      "5.",
      "-.5",
      "9007199254.740993",
      "1.7976931348623",
    ]) {
      expect(Object.is(parseNumber(t, false), Number(t) + 0)).toBe(true);
    }
  });
});
