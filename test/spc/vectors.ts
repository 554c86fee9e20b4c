// Loads the reference vectors in shared/spc/vectors and compares an analysis with the outputs
// of NHSRplotthedots (XmR) and qicharts2 (run, I, P, U, C) at 1e-9 relative.
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { expect } from "vitest";
import { analyseMeasure } from "../../src/analysis/analyse-measure.js";
import { inferFrequency, type NarrativeMeta } from "../../src/analysis/narrative.js";
import type {
  MeasureAnalysis,
  RunsStatistics,
  SpcChart,
  SpcOptions,
} from "../../src/analysis/types.js";

export const VECTOR_DIR = path.resolve(import.meta.dirname, "../../../shared/spc/vectors");

type Num = number | null;
export interface NhsrPoint {
  x: string;
  y: Num;
  rebase_group: number;
  short_group_warning: boolean;
  mean: Num;
  lpl: Num;
  upl: Num;
  special_cause_type: string;
  point_type: string;
}
export interface QicPoint {
  x: string;
  y: Num;
  n?: Num;
  part: number;
  cl: Num;
  lcl: Num;
  ucl: Num;
}
export interface QicSummary {
  part: number;
  "n.obs": number;
  "n.useful": number;
  "longest.run": Num;
  "longest.run.max": Num;
  "n.crossings": Num;
  "n.crossings.min": Num;
  "runs.signal": number;
}
export interface Vector {
  id: string;
  input: {
    dates: string[];
    values: Num[];
    numerators?: number[];
    denominators?: number[];
    options: {
      improvement_direction: "increase" | "decrease" | "neutral";
      target?: number;
      rebase?: string[];
      fix_after_n_points?: number;
      screen_outliers: boolean;
      qicharts2: { charts: string[]; multiply?: number; part?: number; freeze?: number };
    };
  };
  expected: {
    NHSRplotthedots: {
      points: NhsrPoint[];
      icons: { variation: string; assurance?: string };
    };
    qicharts2: Record<string, { points: QicPoint[]; summary: QicSummary[] }>;
  };
}

export function loadVectors(): Vector[] {
  return readdirSync(VECTOR_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(VECTOR_DIR, f), "utf8")) as Vector);
}

/** Our chart type for each qicharts2 chart in a vector ("i" is compared through xmr). */
export const qicToChart: Record<string, SpcChart> = {
  run: "run",
  i: "xmr",
  p: "p",
  u: "u",
  c: "c",
};

export function closeTo(actual: Num | undefined, expected: Num, what: string): void {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  const a = actual as number;
  const tol = 1e-9 * Math.max(Math.abs(a), Math.abs(expected));
  if (Math.abs(a - expected) > tol) {
    expect.fail(`${what}: ${a} differs from ${expected} by more than 1e-9 relative`);
  }
}

const ruleOf = (type: string): string | null =>
  type === "Common Cause"
    ? null
    : /UCL|LCL/.test(type)
      ? "outside_limits"
      : /Trend/.test(type)
        ? "trend"
        : /2 in 3/.test(type)
          ? "two_of_three"
          : "shift";

/** XmR against NHSRplotthedots: lines, rule, point type, segment, trial limits and icons. */
export function compareXmr(v: Vector, a: MeasureAnalysis): void {
  const exp = v.expected.NHSRplotthedots;
  expect(a.points.length).toBe(exp.points.length);
  exp.points.forEach((e, i) => {
    const p = a.points[i]!;
    const at = `${v.id} point ${i + 1} (${e.x})`;
    expect(p.date, at).toBe(e.x.slice(0, 10));
    closeTo(p.value, e.y, `${at} value`);
    closeTo(p.centre, e.mean, `${at} centre`);
    closeTo(p.lower, e.lpl, `${at} lower`);
    closeTo(p.upper, e.upl, `${at} upper`);
    expect(p.rule, `${at} rule (${e.special_cause_type})`).toBe(ruleOf(e.special_cause_type));
    expect(p.point_type, `${at} point_type`).toBe(e.point_type);
    expect(p.segment, `${at} segment`).toBe(e.rebase_group);
    expect(a.segments[p.segment]!.trial_limits, `${at} trial limits`).toBe(e.short_group_warning);
  });
  expect(a.variation, `${v.id} variation`).toBe(exp.icons.variation);
  expect(a.assurance, `${v.id} assurance`).toBe(exp.icons.assurance ?? null);
  expect(a.trial_limits).toBe(exp.points[exp.points.length - 1]!.short_group_warning);
}

export function compareRuns(v: Vector, chart: string, a: MeasureAnalysis): void {
  const summary = v.expected.qicharts2[chart]!.summary;
  expect(a.segments.length, `${v.id} ${chart} parts`).toBe(summary.length);
  summary.forEach((s, i) => {
    const r: RunsStatistics = a.segments[i]!.runs;
    const at = `${v.id} ${chart} part ${s.part}`;
    expect(a.segments[i]!.n, `${at} n.obs`).toBe(s["n.obs"]);
    expect(
      {
        useful: r.useful,
        longest_run: r.longest_run,
        longest_run_max: r.longest_run_max,
        crossings: r.crossings,
        crossings_min: r.crossings_min,
        signal: r.signal,
      },
      at,
    ).toEqual({
      useful: s["n.useful"],
      longest_run: s["longest.run"],
      longest_run_max: s["longest.run.max"],
      crossings: s["n.crossings"],
      crossings_min: s["n.crossings.min"],
      signal: s["runs.signal"] === 1,
    });
  });
}

/** Centre and limits against a qicharts2 chart (run: centre only; limits are null). */
export function compareQicLines(v: Vector, chart: string, a: MeasureAnalysis): void {
  const exp = v.expected.qicharts2[chart]!.points;
  expect(a.points.length).toBe(exp.length);
  exp.forEach((e, i) => {
    const p = a.points[i]!;
    const at = `${v.id} ${chart} point ${i + 1}`;
    closeTo(p.value, e.y, `${at} value`);
    closeTo(p.centre, e.cl, `${at} centre`);
    expect(p.segment + 1, `${at} part`).toBe(e.part);
    if (chart !== "i") {
      closeTo(p.lower, e.lcl, `${at} lower`);
      closeTo(p.upper, e.ucl, `${at} upper`);
    }
  });
}

/** Options with every default, for tests to override. */
export const defaultOptions: SpcOptions = {
  improvement: "increase",
  target: null,
  rebase: [],
  baseline_points: null,
  screen_outliers: false,
  min_points: 13,
  multiplier: 1,
};

/** A vector's series analysed directly with the pure function (options as in the vector). */
export function analyseVector(
  v: Vector,
  chart: SpcChart,
  meta: Partial<NarrativeMeta> = {},
): MeasureAnalysis {
  const o = v.input.options;
  return analyseMeasure({
    id: v.id,
    chart,
    points: v.input.dates.map((date, i) => ({
      date,
      value: v.input.values[i] ?? null,
      ...(v.input.numerators
        ? { numerator: v.input.numerators[i]!, denominator: v.input.denominators![i]! }
        : {}),
    })),
    options: {
      improvement: o.improvement_direction,
      target: o.target ?? null,
      rebase: o.rebase ?? [],
      baseline_points: o.fix_after_n_points ?? null,
      screen_outliers: o.screen_outliers,
      min_points: 13,
      multiplier: chart === "u" || chart === "p" ? (o.qicharts2.multiply ?? 1) : 1,
    },
    meta: { name: v.id, unit: "", frequency: inferFrequency(v.input.dates), ...meta },
  });
}
