// inferFrequency reads the dates' gaps exactly as Date.UTC on Number(slice) of the parts does,
// for ISO dates and for anything else it may be given.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inferFrequency } from "../../src/analysis/narrative.js";

/** The former implementation, the reference. */
function reference(dates: readonly string[]): string {
  const days = dates.map(
    (d) =>
      Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86400000,
  );
  const gaps = days
    .slice(1)
    .map((d, i) => d - days[i]!)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  if (gaps.length === 0) return "monthly";
  const gap = gaps[Math.floor(gaps.length / 2)]!;
  return gap <= 1 ? "daily" : gap <= 8 ? "weekly" : gap <= 45 ? "monthly" : "quarterly";
}

describe("inferFrequency", () => {
  it("agrees with Date.UTC on the parts, for ISO dates and odd strings", () => {
    const iso = fc
      .date({
        min: new Date(Date.UTC(1, 0, 1)),
        max: new Date(Date.UTC(9999, 11, 31)),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const odd = fc.constantFrom(
      "2024-1-5",
      "2024-01",
      "0099-03-01",
      " 024-01-01",
      "abcd-ef-gh",
      "",
    );
    const date = fc.oneof({ weight: 9, arbitrary: iso }, { weight: 1, arbitrary: odd });
    fc.assert(
      fc.property(fc.array(date, { maxLength: 30 }), (dates) => {
        expect(inferFrequency(dates)).toBe(reference(dates));
        const sorted = [...dates].sort();
        expect(inferFrequency(sorted)).toBe(reference(sorted));
      }),
      { numRuns: 3000 },
    );
  });
});
