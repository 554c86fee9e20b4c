// Plain-English sentences about one measure's analysis (en-GB).
import type { Frequency } from "../schema/spotlight-schema.js";
import type { MeasureAnalysis } from "./types.js";

export interface NarrativeMeta {
  name: string;
  unit: string;
  decimals?: number;
  frequency: Frequency;
  rebaseReasons?: Record<string, string>;
}

export function narrative(_a: MeasureAnalysis, _meta: NarrativeMeta): string {
  return "";
}
