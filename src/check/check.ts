// The trust's section standard and the data checks that need the analysis (DESIGN §6).
// (Placeholder signature; the standard owner replaces the body.)
import type { PackAnalyses } from "../analysis/analyse-pack.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Pack } from "../load/types.js";

export function check(_pack: Pack, _analyses: PackAnalyses): Diagnostic[] {
  return [];
}
