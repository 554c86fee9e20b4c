// The Making Data Count icons (RULES.md A4): variation from the last point's type, and
// assurance from the target against the last point's process limits.
import type { Improvement } from "../../schema/spotlight-schema.js";
import type { Assurance, PointType, Variation } from "../types.js";

export function variationIcon(last: PointType | undefined, improvement: Improvement): Variation {
  switch (last) {
    case "special_cause_improvement":
      return improvement === "decrease" ? "improvement_low" : "improvement_high";
    case "special_cause_concern":
      return improvement === "decrease" ? "concern_high" : "concern_low";
    case "special_cause_neutral_high":
      return "neutral_high";
    case "special_cause_neutral_low":
      return "neutral_low";
    default:
      return "common_cause";
  }
}

/**
 * Assurance: null without a target or for a neutral direction; "inconsistent" when the target
 * lies between the limits, on a limit, or the limits cannot be calculated.
 */
export function assuranceIcon(
  target: number | null,
  improvement: Improvement,
  lower: number | null,
  upper: number | null,
): Assurance {
  if (target === null || improvement === "neutral") return null;
  if (upper !== null && target > upper) return improvement === "increase" ? "fail" : "pass";
  if (lower !== null && target < lower) return improvement === "increase" ? "pass" : "fail";
  return "inconsistent";
}
