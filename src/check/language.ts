// Language check: phrases the trust's language guide replaces ("cost efficiencies" →
// "waste reduction"), found whole-phrase and case-insensitively in every free-text field,
// reported at the exact line and column of the phrase.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { textValues, whereInString, type CheckContext } from "./doc.js";
import { findPhrases } from "./text.js";

/** Built-in phrase map; config `standard.language` adds to it and overrides it ("" removes one). */
export const defaultLanguage: Readonly<Record<string, string>> = {
  "cost efficiencies": "waste reduction",
  "cost efficiency": "waste reduction",
  "efficiency savings": "waste reduction",
  "cost improvement": "waste reduction",
  "cost reduction": "waste reduction",
  CIP: "waste reduction",
  CIPs: "waste reduction",
};

/** The phrase map in force: defaults merged with config, keys compared case-insensitively. */
export function languageMap(
  config: Readonly<Record<string, string>> | undefined,
): Map<string, string> {
  const map = new Map<string, string>();
  for (const [phrase, better] of Object.entries({ ...defaultLanguage }))
    map.set(phrase.toLowerCase(), better);
  for (const [phrase, better] of Object.entries(config ?? {}))
    map.set(phrase.toLowerCase(), better);
  for (const [phrase, better] of map) if (better.trim() === "") map.delete(phrase);
  return map;
}

export function checkLanguage(ctx: CheckContext): Diagnostic[] {
  const map = languageMap(ctx.standard.language);
  const phrases = [...map.keys()];
  const out: Diagnostic[] = [];
  for (const doc of ctx.docs) {
    for (const { path, text } of textValues(doc)) {
      for (const m of findPhrases(text, phrases)) {
        const used = text.slice(m.start, m.end);
        const better = map.get(m.phrase)!;
        out.push(
          diagnostic({
            code: "standard.language",
            severity: "warning",
            ...whereInString(doc, path, m.start),
            message: `"${used}": the trust's language guide says "${better}"`,
            hint: `Write "${better}" instead of "${used}".`,
            actual: used,
            expected: [better],
          }),
        );
      }
    }
  }
  return out;
}
