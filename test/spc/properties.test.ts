// Property tests of the SPC engine (fast-check): shift and scale equivariance, constant
// series, direction symmetry, runs invariance to points on the centre line, and totality.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseMeasure } from "../../src/analysis/analyse-measure.js";
import type {
  MeasureAnalysis,
  SpcChart,
  SpcInputPoint,
  SpcOptions,
} from "../../src/analysis/types.js";
import { runsAnalysis } from "../../src/analysis/spc/runs.js";
import { defaultOptions } from "./vectors.js";

const dates = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const y = 2020 + Math.floor(i / 12);
    return `${y}-${String((i % 12) + 1).padStart(2, "0")}-01`;
  });

function run(
  values: (number | null)[],
  chart: SpcChart = "xmr",
  options: Partial<SpcOptions> = {},
  extra: (i: number) => Partial<SpcInputPoint> = () => ({}),
): MeasureAnalysis {
  const ds = dates(values.length);
  return analyseMeasure({
    id: "m",
    chart,
    points: values.map((value, i) => ({ date: ds[i]!, value, ...extra(i) })),
    options: { ...defaultOptions, ...options },
    meta: { name: "m", unit: "", frequency: "monthly" },
  });
}

const near = (a: number | null, b: number | null, scale: number) => {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));
};

const series = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 });
const withNulls = fc.array(
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x + 0),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  { maxLength: 50 },
);
const chartArb = fc.constantFrom<SpcChart>("xmr", "run", "p", "u", "c");
const optionsArb = fc.record({
  improvement: fc.constantFrom("increase" as const, "decrease" as const, "neutral" as const),
  target: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
  screen_outliers: fc.boolean(),
  baseline_points: fc.option(fc.integer({ min: 12, max: 30 }), { nil: null }),
  rebase: fc.array(fc.constantFrom(...dates(50), "1999-01-01"), { maxLength: 3 }),
  multiplier: fc.constantFrom(1, 100, 1000),
});

describe("SPC properties", () => {
  it("adding a constant shifts centre and limits by it", () => {
    fc.assert(
      fc.property(
        series,
        fc.integer({ min: -10000, max: 10000 }),
        fc.boolean(),
        (ys, c, screen) => {
          const a = run(ys, "xmr", { screen_outliers: screen });
          const b = run(
            ys.map((y) => y + c),
            "xmr",
            { screen_outliers: screen },
          );
          const scale = Math.max(...ys.map(Math.abs), Math.abs(c), 1);
          a.points.forEach((p, i) => {
            const q = b.points[i]!;
            expect(near(q.centre, p.centre === null ? null : p.centre + c, scale)).toBe(true);
            expect(near(q.lower, p.lower === null ? null : p.lower + c, scale)).toBe(true);
            expect(near(q.upper, p.upper === null ? null : p.upper + c, scale)).toBe(true);
          });
        },
      ),
    );
  });

  it("scaling by k > 0 scales centre and limits", () => {
    fc.assert(
      fc.property(series, fc.double({ min: 0.001, max: 1000, noNaN: true }), (ys, k) => {
        for (const chart of ["xmr", "run", "c"] as const) {
          const a = run(ys, chart);
          const b = run(
            ys.map((y) => y * k),
            chart,
          );
          const scale = Math.max(...ys.map(Math.abs), 1) * k;
          a.points.forEach((p, i) => {
            const q = b.points[i]!;
            const times = (x: number | null) => (x === null ? null : x * k);
            expect(near(q.centre, times(p.centre), scale)).toBe(true);
            if (chart !== "c") {
              // C chart limits are cl ± 3√cl: not scale-equivariant by design.
              expect(near(q.lower, times(p.lower), scale)).toBe(true);
              expect(near(q.upper, times(p.upper), scale)).toBe(true);
            }
          });
        }
      }),
    );
  });

  it("a constant series raises no signal, has no XmR limits and does not crash", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        chartArb,
        optionsArb,
        (value, n, chart, options) => {
          const a = run(new Array<number>(n).fill(value), chart, options, () => ({
            numerator: 3,
            denominator: 10,
          }));
          expect(a.points.every((p) => p.rule === null && p.point_type === "common_cause")).toBe(
            true,
          );
          expect(a.variation).toBe("common_cause");
          expect(a.segments.every((s) => !s.runs.signal && s.runs.useful === 0)).toBe(true);
          if (chart === "xmr") {
            expect(a.points.every((p) => p.lower === null && p.upper === null)).toBe(true);
            if (options.target !== null && options.improvement !== "neutral") {
              expect(a.assurance).toBe("inconsistent");
            }
          }
        },
      ),
    );
  });

  it("reversing the improvement direction swaps improvement and concern", () => {
    const swap: Record<string, string> = {
      special_cause_improvement: "special_cause_concern",
      special_cause_concern: "special_cause_improvement",
      common_cause: "common_cause",
    };
    const icon: Record<string, string> = {
      common_cause: "common_cause",
      improvement_high: "concern_high",
      concern_low: "improvement_low",
    };
    fc.assert(
      fc.property(series, chartArb, (ys, chart) => {
        const extra = (i: number) => ({ numerator: Math.abs(ys[i]!), denominator: 1000 + i });
        const up = run(ys, chart, { improvement: "increase" }, extra);
        const down = run(ys, chart, { improvement: "decrease" }, extra);
        up.points.forEach((p, i) => {
          expect(down.points[i]!.point_type).toBe(swap[p.point_type]);
          expect(down.points[i]!.rule).toBe(p.rule);
        });
        expect(down.variation).toBe(icon[up.variation]);
      }),
    );
  });

  it("runs statistics are invariant to adding points exactly on the centre line", () => {
    fc.assert(
      fc.property(series, fc.array(fc.nat({ max: 100 }), { maxLength: 10 }), (ys, positions) => {
        const before = run(ys, "run");
        const median = before.points[0]!.centre!;
        const more: number[] = [...ys];
        for (const p of positions) more.splice(p % (more.length + 1), 0, median);
        const after = run(more, "run");
        expect(after.points[0]!.centre).toBe(median);
        expect(after.segments[0]!.runs).toEqual(before.segments[0]!.runs);
        // And for any centre line, directly.
        const c = ys[0]!;
        const direct = runsAnalysis(
          ys,
          ys.map(() => c),
        );
        const withC = [...ys];
        for (const p of positions) withC.splice(p % (withC.length + 1), 0, c);
        expect(
          runsAnalysis(
            withC,
            withC.map(() => c),
          ),
        ).toEqual(direct);
      }),
    );
  });

  it("never throws on arbitrary series with missing values, and keeps every point", () => {
    fc.assert(
      fc.property(
        withNulls,
        chartArb,
        optionsArb,
        fc.integer({ min: 2, max: 20 }),
        (ys, chart, options, minPoints) => {
          const a = run(ys, chart, { ...options, min_points: minPoints }, (i) => ({
            numerator: ys[i] === null ? null : Math.abs(ys[i]!),
            denominator: i % 7 === 3 ? 0 : 50 + i,
          }));
          expect(a.points).toHaveLength(ys.length);
          expect(a.segments.reduce((s, g) => s + g.n, 0)).toBe(ys.length);
          expect(typeof a.narrative).toBe("string");
          for (const p of a.points) {
            for (const x of [p.value, p.centre, p.lower, p.upper]) {
              expect(x === null || Number.isFinite(x)).toBe(true);
            }
          }
          // Every field of every point is present in the JSON (no undefined that would be dropped).
          for (const p of a.points) expect(Object.values(p).includes(undefined)).toBe(false);
        },
      ),
    );
  });
});
