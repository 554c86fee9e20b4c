// Runs the SPC analysis for every measure of every spotlight in a loaded pack.
// (Placeholder signature; the SPC owner replaces the body.)
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Pack } from "../load/types.js";
import type { MeasureAnalysis } from "./types.js";

/** spotlight id → measure id → analysis (measures with chart "none" or no data are absent). */
export type PackAnalyses = Map<string, Map<string, MeasureAnalysis>>;

export function analysePack(_pack: Pack): { analyses: PackAnalyses; diagnostics: Diagnostic[] } {
  return { analyses: new Map(), diagnostics: [] };
}
