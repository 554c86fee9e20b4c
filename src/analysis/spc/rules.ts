// The four Making Data Count special-cause rules for one segment, as NHSRplotthedots 0.2.2
// applies them (RULES.md A3): outside the limits > 7-point trend > 2 of 3 close to a limit >
// 7-point shift, then the point type from the improvement direction. A missing value never
// fires a rule and never throws (a 7-point trend window holding one gives "no trend", RULES D).
import type { Improvement } from "../../schema/spotlight-schema.js";
import type { PointType, Rule } from "../types.js";
import { sign } from "./stats.js";

/** Per-point lines of one segment; null where a line does not exist (run chart, constant series). */
export interface RuleLines {
  y: readonly (number | null)[];
  centre: readonly (number | null)[];
  lower: readonly (number | null)[];
  upper: readonly (number | null)[];
  /** Two-thirds of the way to the limits (the 2-sigma lines). */
  nearLower: readonly (number | null)[];
  nearUpper: readonly (number | null)[];
}

/** One point's result; shared between points with the same result, so treat as read-only. */
export interface RuleResult {
  rule: Rule | null;
  /** +1 for an upward signal (above / increasing), -1 downward, 0 none. */
  direction: -1 | 0 | 1;
  point_type: PointType;
}

const RUN = 7;
const RULE_INDEX: Record<Rule, number> = { outside_limits: 1, trend: 2, two_of_three: 3, shift: 4 };

/** Marks every point that ends a window or lies among the RUN-1 points before an end. */
function partOf(ends: readonly boolean[]): boolean[] {
  const out = new Array<boolean>(ends.length).fill(false);
  let reach = -1;
  for (let i = ends.length - 1; i >= 0; i--) {
    if (ends[i]) reach = i;
    out[i] = reach >= 0 && reach - i <= RUN - 1;
  }
  return out;
}

export function applyRules(lines: RuleLines, improvement: Improvement): RuleResult[] {
  const { y } = lines;
  const n = y.length;
  const rel: (number | null)[] = new Array<number | null>(n);
  const outside = new Array<boolean>(n);
  const close = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    const c = lines.centre[i]!;
    rel[i] = v === null || c === null ? null : sign(v - c);
    const lo = lines.lower[i]!;
    const hi = lines.upper[i]!;
    const out = v !== null && lo !== null && hi !== null && (v > hi || v < lo);
    outside[i] = out;
    const nlo = lines.nearLower[i]!;
    const nhi = lines.nearUpper[i]!;
    close[i] = !out && v !== null && nlo !== null && nhi !== null && (v < nlo || v > nhi);
  }

  // 7 points on one side of the centre: the end point and the 6 before share a non-zero sign.
  const shiftEnds = new Array<boolean>(n).fill(false);
  for (let i = RUN - 1; i < n; i++) {
    const s = rel[i];
    if (s === null || s === 0) continue;
    let all = true;
    for (let k = i - RUN + 1; k < i && all; k++) all = rel[k] === s;
    shiftEnds[i] = all;
  }

  // 7-point trend: 6 successive strict steps in the same direction; a tie or a gap breaks it.
  const trendEnds = new Array<boolean>(n).fill(false);
  if (n >= RUN) {
    for (let i = RUN - 1; i < n; i++) {
      let dir = 0;
      for (let k = i - RUN + 2; k <= i; k++) {
        const a = y[k - 1]!;
        const b = y[k]!;
        const d = a === null || b === null ? 0 : sign(b - a);
        if (d === 0 || (dir !== 0 && d !== dir)) {
          dir = 0;
          break;
        }
        dir = d;
      }
      trendEnds[i] = dir !== 0;
    }
  }

  // 2 of 3: a full 3-point window with at least 2 close points, all strictly on one side.
  const windowOk = (s: number): boolean => {
    if (s < 0 || s + 2 >= n) return false;
    let closeCount = 0;
    let sum = 0;
    for (let k = s; k <= s + 2; k++) {
      const r = rel[k];
      if (r === null) return false;
      sum += r;
      if (close[k]) closeCount++;
    }
    return closeCount >= 2 && Math.abs(sum) === 3;
  };

  const shift = partOf(shiftEnds);
  const trend = partOf(trendEnds);
  const result: RuleResult[] = new Array<RuleResult>(n);
  // Results are shared between points (there are only a few distinct ones).
  const shared: (RuleResult | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    let rule: Rule | null = null;
    let direction: -1 | 0 | 1 = 0;
    const above: -1 | 1 = (rel[i] ?? 0) > 0 ? 1 : -1;
    if (outside[i]) {
      rule = "outside_limits";
      direction = rel[i] === 1 ? 1 : -1;
    } else if (trend[i]) {
      rule = "trend";
      // Direction: towards the next point when it is also part of a trend, else from the previous.
      const next = i + 1 < n && trend[i + 1];
      const a = next ? y[i]! : i > 0 ? y[i - 1]! : null;
      const b = next ? y[i + 1]! : y[i]!;
      direction = a !== null && b !== null && b > a ? 1 : -1;
    } else if (close[i] && (windowOk(i - 2) || windowOk(i - 1) || windowOk(i))) {
      rule = "two_of_three";
      direction = above;
    } else if (shift[i]) {
      rule = "shift";
      direction = above;
    }
    const key = (rule === null ? 0 : RULE_INDEX[rule]) * 3 + direction + 1;
    result[i] = shared[key] ??= { rule, direction, point_type: pointType(direction, improvement) };
  }
  return result;
}

export function pointType(direction: -1 | 0 | 1, improvement: Improvement): PointType {
  if (direction === 0) return "common_cause";
  if (improvement === "neutral") {
    return direction > 0 ? "special_cause_neutral_high" : "special_cause_neutral_low";
  }
  const score = improvement === "increase" ? direction : -direction;
  return score > 0 ? "special_cause_improvement" : "special_cause_concern";
}
