// The trust's section standard and the data checks that need the analysis (DESIGN §6): runs
// every check family, then applies the trust's `standard.checks` map (off | info | warning |
// error per code). `--strict` is the commands' business, not this module's.
import type { PackAnalyses } from "../analysis/analyse-pack.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { Pack } from "../load/types.js";
import { checkAcronyms } from "./acronyms.js";
import { checkAllowed } from "./allowed.js";
import { checkCelebrate } from "./celebrate.js";
import { checkStandardConfig } from "./config-checks.js";
import { checkMinPoints, checkRebaseReason, checkTargetNeutral } from "./data-checks.js";
import { checkContext, type Check } from "./doc.js";
import { checkFraming } from "./framing.js";
import { checkPatientInvolvement, checkStaffInvolvement } from "./involvement.js";
import { checkLanguage } from "./language.js";
import { checkLongSentences, checkNoteContents } from "./plain-english.js";
import { checkRequired } from "./required.js";
import { checkWordLimits } from "./word-limits.js";

/** Every standard check, in the order their diagnostics are produced (callers sort them). */
export const standardChecks: readonly Check[] = [
  checkWordLimits,
  checkLanguage,
  checkFraming,
  checkPatientInvolvement,
  checkStaffInvolvement,
  checkRequired,
  checkAllowed,
  checkCelebrate,
  checkAcronyms,
  checkNoteContents,
  checkLongSentences,
  checkMinPoints,
  checkRebaseReason,
  checkTargetNeutral,
  checkStandardConfig,
];

type Level = Severity | "off";

/** Applies the trust's per-code levels; "off" drops the diagnostic. Other codes pass through. */
export function applyLevels(
  list: readonly Diagnostic[],
  levels: Readonly<Record<string, Level>> | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of list) {
    const level = d.code.startsWith("standard.") ? levels?.[d.code] : undefined;
    if (level === "off") continue;
    out.push(level === undefined ? d : { ...d, severity: level });
  }
  return out;
}

export function check(pack: Pack, analyses: PackAnalyses): Diagnostic[] {
  const ctx = checkContext(pack, analyses);
  const found = standardChecks.flatMap((run) => run(ctx));
  return applyLevels(found, ctx.standard.checks);
}
