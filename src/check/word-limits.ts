// Word limits per text field (problem 120, results 250, paper summary 250 by default; any
// free-text field can be limited in config `standard.word_limits`). Words are counted the way
// Word counts them (see wordSpans in text.ts).
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { textValues, where, type CheckContext } from "./doc.js";
import { countWords } from "./text.js";

export const defaultWordLimits: Readonly<Record<string, number>> = {
  problem: 120,
  results: 250,
  summary: 250,
};

export function wordLimits(
  config: Readonly<Record<string, number>> | undefined,
): Record<string, number> {
  return { ...defaultWordLimits, ...config };
}

export function checkWordLimits(ctx: CheckContext): Diagnostic[] {
  const limits = wordLimits(ctx.standard.word_limits);
  const out: Diagnostic[] = [];
  for (const doc of ctx.docs) {
    for (const { field, path, text } of textValues(doc)) {
      const limit = limits[field];
      if (limit === undefined) continue;
      const words = countWords(text);
      if (words <= limit) continue;
      out.push(
        diagnostic({
          code: "standard.word_limit",
          severity: "warning",
          ...where(doc, path),
          message: `${field} has ${words} words; the trust's limit is ${limit}`,
          hint: `Cut ${words - limit} word${words - limit === 1 ? "" : "s"}: keep what the board needs to decide.`,
          actual: String(words),
          expected: [`at most ${limit} words`],
        }),
      );
    }
  }
  return out;
}
