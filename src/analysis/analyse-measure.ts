// Analyses one measure's series: splits it into segments at the rebase dates, computes the
// centre and limits of the chosen chart per segment, applies the MDC point rules and the
// Anhøj runs analysis per segment, and derives the icons and the narrative. Pure; never throws
// on missing, constant or short data.
//
// Decisions beyond the references (RULES.md part D, and these):
// - Segments: a new segment starts AT each rebase date that is a data date (after the first
//   point); other rebase dates have no effect. Segments are numbered 0, 1, … with no gaps.
// - XmR follows NHSRplotthedots; a mean moving range of 0 or none gives null limits.
// - `segments[].runs` is filled for every chart: Anhøj runs around the segment's centre line
//   (XmR: the mean, as qicharts2's I chart; run: the median; P/U: the weighted centre; C: the
//   mean count). Points after `baseline_points` are tested against the fixed centre.
// - P/U/C: centre and 3-sigma limits as qicharts2 (per-point limits, P clipped to [0, 1], lower
//   limits of U and C at least 0; `baseline_points` = qicharts2 `freeze`, rebase = `part`).
//   Point rules are the same four MDC rules: outside the 3-sigma limits, 7-point trend, 2 of 3
//   beyond the 2-sigma lines (two-thirds of the way to the limits) on one side, 7-point shift.
//   Rows without both numerator and denominator (or with a denominator <= 0) are missing.
// - Run charts: no limits, so only the shift (around the median) and trend rules mark points,
//   and there is no assurance icon (null) even with a target.
// - `multiplier` scales the plotted values, centre and limits of every chart type (qicharts2
//   `multiply`); the rules are applied to the scaled values.
import { cLines, pLines, runLines, uLines, type PointLines } from "./spc/attribute.js";
import { assuranceIcon, variationIcon } from "./spc/icons.js";
import { applyRules } from "./spc/rules.js";
import { runsAnalysis } from "./spc/runs.js";
import { xmrLimits } from "./spc/xmr.js";
import { narrative, type NarrativeMeta } from "./narrative.js";
import type {
  AnalysedPoint,
  MeasureAnalysis,
  Segment,
  SpcChart,
  SpcInputPoint,
  SpcOptions,
} from "./types.js";

export interface AnalyseMeasureInput {
  id: string;
  chart: SpcChart;
  points: readonly SpcInputPoint[];
  options: SpcOptions;
  meta: NarrativeMeta;
}

const num = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

/** Start index of each segment: 0, then every later point whose date is a rebase date. */
export function segmentStarts(dates: readonly string[], rebase: readonly string[]): number[] {
  const set = new Set(rebase);
  const starts = [0];
  for (let i = 1; i < dates.length; i++) if (set.has(dates[i]!)) starts.push(i);
  return starts;
}

function linesFor(
  chart: SpcChart,
  y: (number | null)[],
  numer: (number | null)[],
  denom: (number | null)[],
  fix: number | null,
  screen: boolean,
): PointLines {
  switch (chart) {
    case "run":
      return runLines(y, fix);
    case "p":
      return pLines(numer, denom, fix);
    case "u":
      return uLines(numer, denom, fix);
    case "c":
      return cLines(y, fix);
    case "xmr": {
      const l = xmrLimits(y, { fix, screen });
      const fill = (v: number | null) => new Array<number | null>(y.length).fill(v);
      return {
        centre: fill(l.centre),
        lower: fill(l.lower),
        upper: fill(l.upper),
        nearLower: fill(l.nearLower),
        nearUpper: fill(l.nearUpper),
      };
    }
  }
}

export function analyseMeasure(input: AnalyseMeasureInput): MeasureAnalysis {
  const { id, chart, options } = input;
  let ordered = true;
  for (let i = 1; i < input.points.length && ordered; i++) {
    ordered = input.points[i - 1]!.date <= input.points[i]!.date;
  }
  const sorted = ordered
    ? input.points
    : [...input.points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const k = options.multiplier;
  const ratio = chart === "p" || chart === "u";
  const numer: (number | null)[] = [];
  const denom: (number | null)[] = [];
  const raw: (number | null)[] = [];
  for (const p of sorted) {
    if (ratio) {
      const a = num(p.numerator);
      const b = num(p.denominator);
      const ok = a !== null && b !== null && b > 0;
      numer.push(ok ? a : null);
      denom.push(ok ? b : null);
      raw.push(ok ? a / b : null);
    } else raw.push(num(p.value));
  }
  const scaleAll = (a: (number | null)[]) => (k === 1 ? a : a.map((x) => (x === null ? x : x * k)));
  const dates = sorted.map((p) => p.date);
  const starts = segmentStarts(dates, options.rebase);
  const points: AnalysedPoint[] = [];
  const segments: Segment[] = [];
  starts.forEach((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1]! : sorted.length;
    const whole = starts.length === 1;
    const seg = (a: (number | null)[]) => (whole ? a : a.slice(start, end));
    const yRaw = seg(raw);
    const lines = linesFor(
      chart,
      yRaw,
      ratio ? seg(numer) : numer,
      ratio ? seg(denom) : denom,
      options.baseline_points,
      options.screen_outliers,
    );
    const y = scaleAll(yRaw);
    const scaled = {
      y,
      centre: scaleAll(lines.centre),
      lower: scaleAll(lines.lower),
      upper: scaleAll(lines.upper),
      nearLower: scaleAll(lines.nearLower),
      nearUpper: scaleAll(lines.nearUpper),
    };
    const rules = applyRules(scaled, options.improvement);
    for (let i = 0; i < y.length; i++) {
      const src = sorted[start + i]!;
      const { rule, point_type } = rules[i]!;
      const date = src.date;
      const value = y[i]!;
      const segment = index;
      const centre = scaled.centre[i]!;
      const lower = scaled.lower[i]!;
      const upper = scaled.upper[i]!;
      // Field order is the JSON contract's: date, value, numerator?, denominator?, segment, …
      // (object literals, not a spread: twice as fast on a million points).
      points.push(
        src.numerator === undefined && src.denominator === undefined
          ? { date, value, segment, centre, lower, upper, rule, point_type }
          : {
              date,
              value,
              numerator: num(src.numerator),
              denominator: num(src.denominator),
              segment,
              centre,
              lower,
              upper,
              rule,
              point_type,
            },
      );
    }
    const n = end - start;
    segments.push({
      index,
      start: dates[start] ?? "",
      n,
      trial_limits: n < options.min_points,
      runs: runsAnalysis(y, scaled.centre),
    });
  });

  const last = points[points.length - 1];
  const analysis: MeasureAnalysis = {
    id,
    chart,
    options,
    points,
    segments,
    variation: variationIcon(last?.point_type, options.improvement),
    assurance:
      chart === "run"
        ? null
        : assuranceIcon(
            options.target,
            options.improvement,
            last?.lower ?? null,
            last?.upper ?? null,
          ),
    trial_limits: segments[segments.length - 1]?.trial_limits ?? false,
    narrative: "",
  };
  analysis.narrative = narrative(analysis, input.meta);
  return analysis;
}
