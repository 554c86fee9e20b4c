// Deterministic plain-English sentences (en-GB) about one measure's analysis: what the
// variation icon means, with dates; what the assurance icon means for the target; trial-limit,
// rebase, constant-series and missing-data caveats. Same analysis in, same words out.
import { formatPeriodDate } from "../common/calendar.js";
import { formatFixed } from "../common/numbers.js";
import type { Frequency } from "../schema/spotlight-schema.js";
import type { AnalysedPoint, MeasureAnalysis } from "./types.js";

export interface NarrativeMeta {
  name: string;
  unit: string;
  /** Decimal places for numbers; chosen from the size of each number when absent. */
  decimals?: number;
  frequency: Frequency;
  /** Rebase date (YYYY-MM-DD) → why the limits were recalculated. */
  rebaseReasons?: Record<string, string>;
}

const PERIODS: Record<Frequency, [string, string]> = {
  daily: ["day", "days"],
  weekly: ["week", "weeks"],
  monthly: ["month", "months"],
  quarterly: ["quarter", "quarters"],
};

/** en-GB number with thousands separators; `%` units are appended. */
export function formatNumber(x: number, meta: Pick<NarrativeMeta, "decimals" | "unit">): string {
  let digits = meta.decimals;
  if (digits === undefined) {
    const a = Math.abs(x);
    digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a === 0 ? 0 : 3 - Math.floor(Math.log10(a));
    digits = Math.min(digits, 10);
  }
  const text = formatFixed(x, digits, meta.decimals ?? 0);
  const unit = meta.unit.trim();
  return unit === "%" || unit.toLowerCase() === "percent" ? `${text}%` : text;
}

const countWords = [
  "no",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
];
const count = (n: number) => (n < countWords.length ? countWords[n]! : String(n));
const plural = (n: number, [one, many]: [string, string]) => `${count(n)} ${n === 1 ? one : many}`;

function listDates(dates: string[], frequency: Frequency): string {
  const shown = dates.slice(0, 3).map((d) => formatPeriodDate(d, frequency));
  if (dates.length > 3) shown.push(`${dates.length - 3} more`);
  return shown.length <= 1
    ? (shown[0] ?? "")
    : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/** The points at the end of the last segment on the same side of the centre (shift), or in one strict direction (trend). */
function finalRun(points: readonly AnalysedPoint[], rule: "shift" | "trend"): AnalysedPoint[] {
  const last = points[points.length - 1]!;
  const run: AnalysedPoint[] = [last];
  const side = (p: AnalysedPoint) =>
    p.value === null || p.centre === null ? 0 : Math.sign(p.value - p.centre);
  for (let i = points.length - 2; i >= 0; i--) {
    const p = points[i]!;
    const next = run[0]!;
    if (p.segment !== last.segment || p.value === null) break;
    if (rule === "shift" && (side(p) === 0 || side(p) !== side(last))) break;
    if (rule === "trend") {
      const step = Math.sign(next.value! - p.value);
      const dir = run.length > 1 ? Math.sign(run[1]!.value! - next.value!) : step;
      if (step === 0 || step !== dir) break;
    }
    run.unshift(p);
  }
  return run;
}

function centreName(a: MeasureAnalysis): string {
  return a.chart === "run"
    ? "median"
    : a.chart === "xmr" || a.chart === "c"
      ? "average"
      : "centre line";
}

function variationSentence(a: MeasureAnalysis, meta: NarrativeMeta): string {
  const points = a.points;
  const last = points[points.length - 1]!;
  const num = (x: number) => formatNumber(x, meta);
  const when = (p: AnalysedPoint) => formatPeriodDate(p.date, meta.frequency);
  const periods = PERIODS[meta.frequency];
  const label =
    last.point_type === "special_cause_improvement"
      ? "Special cause improvement"
      : last.point_type === "special_cause_concern"
        ? "Special cause concern"
        : last.point_type === "common_cause"
          ? "Common cause variation"
          : "Special cause variation, neither improvement nor concern";
  if (last.rule === null || last.centre === null) {
    if (last.value === null) {
      return `${label}: the latest value (${when(last)}) is missing, so no special cause can be seen in it.`;
    }
    if (a.chart === "run" && last.centre !== null) {
      const signal = a.segments[a.segments.length - 1]?.runs.signal ?? false;
      const side = last.value > last.centre ? "above" : last.value < last.centre ? "below" : "on";
      return `${signal ? "Non-random variation" : label}: the latest value of ${num(last.value)} (${when(last)}) is ${side} the median of ${num(last.centre)}.`;
    }
    const range =
      last.lower !== null && last.upper !== null
        ? ` is within the process limits of ${num(last.lower)} to ${num(last.upper)} and`
        : "";
    const centre =
      last.centre !== null ? ` around the ${centreName(a)} of ${num(last.centre)}` : "";
    return `${label}: the latest value of ${num(last.value)} (${when(last)})${range} shows no sign of a change${centre}.`;
  }
  const centre = `the ${centreName(a)} of ${num(last.centre)}`;
  const setBefore = baselineNote(a, last, meta.frequency);
  switch (last.rule) {
    case "outside_limits": {
      const above = last.upper !== null && last.value !== null && last.value > last.upper;
      const limit = above ? last.upper! : last.lower!;
      return `${label}: the latest value of ${num(last.value!)} (${when(last)}) is ${above ? "above the upper" : "below the lower"} process limit of ${num(limit)}.`;
    }
    case "trend": {
      const run = finalRun(points, "trend");
      const rising = run.length > 1 && run[run.length - 1]!.value! > run[0]!.value!;
      return `${label}: each of the last ${plural(run.length - 1, periods)} has been ${rising ? "higher" : "lower"} than the ${periods[0]} before, a ${rising ? "rising" : "falling"} trend that started in ${when(run[0]!)}.`;
    }
    case "two_of_three": {
      const above = last.value! > last.centre;
      const limit = above ? last.upper : last.lower;
      const limitText = limit !== null ? ` of ${num(limit)}` : "";
      return `${label}: two of the last three ${periods[1]} have been close to the ${above ? "upper" : "lower"} process limit${limitText}, more than two-thirds of the way from ${centre}.`;
    }
    case "shift": {
      const run = finalRun(points, "shift");
      const above = last.value! > last.centre;
      return `${label}: the last ${plural(run.length, periods)} have all been ${above ? "above" : "below"} ${centre}${setBefore}.`;
    }
  }
}

/** " set before the change in April 2026" when the centre was fixed from the first points. */
function baselineNote(a: MeasureAnalysis, last: AnalysedPoint, frequency: Frequency): string {
  const fix = a.options.baseline_points;
  const seg = a.points.filter((p) => p.segment === last.segment);
  if (fix === null || seg.length <= fix) return "";
  return ` set before the change in ${formatPeriodDate(seg[fix]!.date, frequency)}`;
}

function assuranceSentence(a: MeasureAnalysis, meta: NarrativeMeta): string | null {
  const target = a.options.target;
  if (target === null) return null;
  const t = formatNumber(target, meta);
  if (a.options.improvement === "neutral") {
    return `The target of ${t} is not assessed because neither a higher nor a lower value is better.`;
  }
  if (a.chart === "run") {
    return `A run chart has no process limits, so it cannot say whether the target of ${t} will be met.`;
  }
  const last = a.points[a.points.length - 1];
  if (!last || last.lower === null || last.upper === null) {
    return `Without process limits it cannot be said whether the target of ${t} will be met.`;
  }
  switch (a.assurance) {
    case "pass":
      return `The target of ${t} lies ${a.options.improvement === "increase" ? "below the lower" : "above the upper"} process limit, so it will be met consistently if the process does not change.`;
    case "fail":
      return `The target of ${t} lies ${a.options.improvement === "increase" ? "above the upper" : "below the lower"} process limit, so it will not be met unless the process changes.`;
    default:
      return `The target of ${t} lies within the process limits, so it will be met only some of the time.`;
  }
}

function runsSentence(a: MeasureAnalysis, meta: NarrativeMeta): string | null {
  if (a.chart !== "run") return null;
  const seg = a.segments[a.segments.length - 1];
  const r = seg?.runs;
  if (!r || !r.signal) return null;
  const periods = PERIODS[meta.frequency];
  const parts: string[] = [];
  if (r.longest_run !== null && r.longest_run_max !== null && r.longest_run > r.longest_run_max) {
    parts.push(
      `a run of ${plural(r.longest_run, periods)} on one side of the median (more than ${r.longest_run_max} is unusual)`,
    );
  }
  if (r.crossings !== null && r.crossings_min !== null && r.crossings < r.crossings_min) {
    parts.push(
      `the line crosses the median only ${r.crossings === 1 ? "once" : `${r.crossings} times`} (fewer than ${r.crossings_min} is unusual)`,
    );
  }
  return `The run chart shows a non-random pattern: ${parts.join(" and ")}.`;
}

function isConstant(a: MeasureAnalysis): { value: number; count: number } | null {
  const last = a.points[a.points.length - 1];
  if (!last || a.chart !== "xmr" || last.lower !== null) return null;
  const values = a.points
    .filter((p) => p.segment === last.segment && p.value !== null)
    .map((p) => p.value!);
  if (values.length === 0 || values.some((v) => v !== values[0])) return null;
  return { value: values[0]!, count: values.length };
}

/** " (reason)." for a short reason, ": Reason. More." for one of several sentences. */
function reasonText(reason: string | undefined): string {
  if (!reason) return ".";
  const bare = reason.replace(/[.\s]+$/, "");
  return /[.!?]\s/.test(bare) ? `: ${bare}.` : ` (${bare}).`;
}

export function narrative(a: MeasureAnalysis, meta: NarrativeMeta): string {
  const out: string[] = [];
  const periods = PERIODS[meta.frequency];
  if (a.points.length === 0) return `There are no data for ${meta.name}.`;
  const constant = isConstant(a);
  if (constant && constant.count === 1) {
    out.push(
      `There is only one value (${formatNumber(constant.value, meta)}) in the latest ${a.segments.length > 1 ? "segment" : "period"}, so the process limits cannot be calculated yet.`,
    );
  } else if (constant) {
    out.push(
      `Every value in the latest ${a.segments.length > 1 ? "segment" : "period"} is ${formatNumber(constant.value, meta)}, so the process limits cannot be calculated because the values do not vary.`,
    );
  } else {
    out.push(variationSentence(a, meta));
  }
  const runs = runsSentence(a, meta);
  if (runs) out.push(runs);
  const assurance = assuranceSentence(a, meta);
  if (assurance && !(constant && a.options.target === null)) out.push(assurance);
  const lastPoint = a.points[a.points.length - 1]!;
  if (a.trial_limits && a.chart !== "run" && lastPoint.upper !== null) {
    const n = a.segments[a.segments.length - 1]!.n;
    out.push(
      `These are trial limits: they rest on only ${plural(n, periods)} of data (fewer than ${a.options.min_points}), so they will change as more data arrive.`,
    );
  }
  for (const seg of a.segments.slice(1)) {
    const reason = meta.rebaseReasons?.[seg.start]?.trim();
    const what = a.chart === "run" ? "median was" : "limits were";
    out.push(
      `The ${what} recalculated from ${formatPeriodDate(seg.start, meta.frequency)}${reasonText(reason)}`,
    );
  }
  const missing = a.points.filter((p) => p.value === null).map((p) => p.date);
  if (missing.length > 0) {
    out.push(
      `${missing.length === 1 ? "One value is" : `${count(missing.length)[0]!.toUpperCase()}${count(missing.length).slice(1)} values are`} missing (${listDates(missing, meta.frequency)}); missing values are left as gaps and are not counted in runs or trends.`,
    );
  }
  return out.join(" ");
}

/** Guesses the spacing of a series from the median gap between dates (for data without a measure definition). */
export function inferFrequency(dates: readonly string[]): Frequency {
  // Positive gaps in days, sorted in a typed array (no comparator call per comparison).
  const gaps = new Float64Array(Math.max(0, dates.length - 1));
  let n = 0;
  let prev = dates.length > 0 ? dayNumber(dates[0]!) : 0;
  for (let i = 1; i < dates.length; i++) {
    const day = dayNumber(dates[i]!);
    const gap = day - prev;
    if (gap > 0) gaps[n++] = gap;
    prev = day;
  }
  if (n === 0) return "monthly";
  const gap = gaps.subarray(0, n).sort()[Math.floor(n / 2)]!;
  return gap <= 1 ? "daily" : gap <= 8 ? "weekly" : gap <= 45 ? "monthly" : "quarterly";
}

/** Days since 1970 of a YYYY-MM-DD date (Date.UTC on the parts, twice as fast as Date.parse). */
function dayNumber(d: string): number {
  const y = digitsAt(d, 0, 4);
  const m = digitsAt(d, 5, 2);
  const day = digitsAt(d, 8, 2);
  if (d.length === 10 && y >= 0 && m >= 0 && day >= 0) return Date.UTC(y, m - 1, day) / 86400000;
  return (
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86400000
  );
}

/** The number written by `count` ASCII digits at `at` (what Number gives for them), or -1. */
function digitsAt(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}
