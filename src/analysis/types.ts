// Types of the SPC analysis: options in, per-point results, segments, icons and narrative out.
// Field names follow the `analyse --format json` contract of DESIGN §8 exactly.
import type { Improvement } from "../schema/spotlight-schema.js";

export type SpcChart = "xmr" | "run" | "p" | "u" | "c";
export type Rule = "outside_limits" | "trend" | "two_of_three" | "shift";
export type PointType =
  | "common_cause"
  | "special_cause_improvement"
  | "special_cause_concern"
  | "special_cause_neutral_high"
  | "special_cause_neutral_low";
export type Variation =
  | "common_cause"
  | "improvement_high"
  | "improvement_low"
  | "concern_high"
  | "concern_low"
  | "neutral_high"
  | "neutral_low";
export type Assurance = "pass" | "fail" | "inconsistent" | null;

export interface SpcOptions {
  improvement: Improvement;
  target: number | null;
  /** Dates (YYYY-MM-DD) where a new segment starts. */
  rebase: string[];
  baseline_points: number | null;
  screen_outliers: boolean;
  min_points: number;
  multiplier: number;
}

export interface SpcInputPoint {
  date: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface AnalysedPoint {
  date: string;
  /** The plotted value (for P/U charts: numerator / denominator × multiplier). */
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  segment: number;
  centre: number | null;
  lower: number | null;
  upper: number | null;
  rule: Rule | null;
  point_type: PointType;
}

export interface RunsStatistics {
  useful: number;
  longest_run: number | null;
  longest_run_max: number | null;
  crossings: number | null;
  crossings_min: number | null;
  signal: boolean;
}

export interface Segment {
  index: number;
  /** Date of the segment's first point. */
  start: string;
  /** Number of points, missing values included. */
  n: number;
  trial_limits: boolean;
  runs: RunsStatistics;
}

export interface MeasureAnalysis {
  id: string;
  chart: SpcChart;
  options: SpcOptions;
  points: AnalysedPoint[];
  segments: Segment[];
  variation: Variation;
  assurance: Assurance;
  /** True when the last segment has trial limits. */
  trial_limits: boolean;
  /** Plain-English sentences, joined with spaces. */
  narrative: string;
}
