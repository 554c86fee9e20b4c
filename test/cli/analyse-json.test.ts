// The analyse JSON writer prints exactly what JSON.stringify({ measures }, null, 2) prints: on
// random lists of flat objects (repeated and changing values, NaN, ±Infinity, -0, undefined,
// strings that need escapes, nested values, changing keys) and on whole measures.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MeasureAnalysis } from "../../src/analysis/types.js";
import { AnalysisJsonWriter, writeObjects } from "../../src/cli/commands/analyse-json.js";

const primitive = fc.oneof(
  fc.constantFrom(0, -0, 1, 1.5, NaN, Infinity, -Infinity, null, true, false, undefined),
  fc.double(),
  fc.integer(),
  fc.constantFrom("a", "common_cause", "2024-01-01", 'q"uote', "back\\slash", "\n", "é", "\ud800"),
  fc.string({ maxLength: 4 }),
);
const value = fc.oneof(
  { weight: 8, arbitrary: primitive },
  { weight: 1, arbitrary: fc.array(primitive, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom("x", "y"), primitive) },
);
const key = fc.constantFrom("date", "value", "segment", "centre", "rule", "1", 'k"ey');
/** Runs of objects that often repeat the keys and values of the object before. */
const objects = fc
  .array(fc.tuple(fc.dictionary(key, value, { maxKeys: 5 }), fc.nat(3)), { maxLength: 12 })
  .map((list) => {
    const out: unknown[] = [];
    for (const [o, repeat] of list) for (let r = 0; r <= repeat; r++) out.push({ ...o });
    return out;
  });

function written(items: readonly unknown[], depth: number): string {
  let out = "";
  writeObjects(items, depth, (t) => (out += t));
  return out;
}

describe("writeObjects", () => {
  it("prints a list of objects as JSON.stringify does, at any depth", () => {
    fc.assert(
      fc.property(fc.oneof(objects, fc.array(value, { maxLength: 6 })), fc.nat(4), (items, d) => {
        const want = JSON.stringify(items, null, 2).replaceAll("\n", `\n${"  ".repeat(d)}`);
        expect(written(items, d)).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  it("prints a few thousand points in pieces", () => {
    const points = Array.from({ length: 4500 }, (_, i) => ({
      date: `2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
      value: i % 7 === 0 ? null : i / 3,
      segment: i < 3000 ? 0 : 1,
      centre: i < 3000 ? 1.5 : 2.5,
      rule: i % 100 === 5 ? "shift" : null,
    }));
    const pieces: string[] = [];
    writeObjects(points, 3, (t) => pieces.push(t));
    expect(pieces.length).toBe(4500 / 250 + 1);
    expect(pieces.join("")).toBe(JSON.stringify(points, null, 2).replaceAll("\n", "\n      "));
  });
});

describe("writeObjects with numbers that come back", () => {
  it("prints each number as JSON.stringify does, whatever came before", () => {
    const cycle = [0, -0, 1.5, NaN, Infinity, -Infinity, 0.1 + 0.2, 1e21, 5e-324, -7];
    const many = Array.from({ length: 90_000 }, (_, i) => ({
      value: i < 20_000 ? cycle[i % cycle.length]! : i % 3 === 0 ? i / 7 : cycle[i % 10]!,
    }));
    expect(written(many, 1)).toBe(JSON.stringify(many, null, 2).replaceAll("\n", "\n  "));
    const unique = Array.from({ length: 80_000 }, (_, i) => ({ value: i / 3 }));
    expect(written(unique, 0)).toBe(JSON.stringify(unique, null, 2));
  });
});

const measure = fc.record({
  id: fc.constantFrom("m0", "falls", "\u0000points\u0000", 'a"b'),
  chart: fc.constantFrom("xmr", "run"),
  options: fc.record({
    target: fc.oneof(fc.constant(null), fc.double()),
    rebase: fc.array(fc.string()),
  }),
  points: objects,
  segments: fc.array(fc.dictionary(key, primitive), { maxLength: 2 }),
  narrative: fc.string(),
});

describe("AnalysisJsonWriter", () => {
  it("prints the measures as JSON.stringify({ measures }, null, 2) does", () => {
    fc.assert(
      fc.property(fc.array(measure, { maxLength: 3 }), (measures) => {
        let out = "";
        const w = new AnalysisJsonWriter((t) => (out += t));
        for (const m of measures) w.measure(m as unknown as MeasureAnalysis);
        w.end();
        expect(out).toBe(`${JSON.stringify({ measures }, null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });
});
