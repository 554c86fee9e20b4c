// Every reference vector through the pure analysis functions (the CLI path is in vectors-cli.test.ts).
import { describe, it } from "vitest";
import { analyseMeasure } from "../../src/analysis/analyse-measure.js";
import type { SpcChart, SpcInputPoint } from "../../src/analysis/types.js";
import {
  compareQicLines,
  compareRuns,
  compareXmr,
  loadVectors,
  qicToChart,
  type Vector,
} from "./vectors.js";

function analyse(v: Vector, chart: SpcChart) {
  const o = v.input.options;
  const points: SpcInputPoint[] = v.input.dates.map((date, i) => ({
    date,
    value: v.input.values[i] ?? null,
    ...(v.input.numerators
      ? { numerator: v.input.numerators[i]!, denominator: v.input.denominators![i]! }
      : {}),
  }));
  return analyseMeasure({
    id: v.id,
    chart,
    points,
    options: {
      improvement: o.improvement_direction,
      target: o.target ?? null,
      rebase: o.rebase ?? [],
      baseline_points: o.fix_after_n_points ?? null,
      screen_outliers: o.screen_outliers,
      min_points: 13,
      multiplier: chart === "u" || chart === "p" ? (o.qicharts2.multiply ?? 1) : 1,
    },
    meta: { name: v.id, unit: "", frequency: "monthly" },
  });
}

describe.each(loadVectors().map((v) => [v.id, v] as const))("vector %s", (_id, v) => {
  it("XmR equals NHSRplotthedots", () => compareXmr(v, analyse(v, "xmr")));
  for (const qic of v.input.options.qicharts2.charts) {
    it(`${qic} chart centre, limits and runs equal qicharts2`, () => {
      const a = analyse(v, qicToChart[qic]!);
      compareQicLines(v, qic, a);
      compareRuns(v, qic, a);
    });
  }
});
