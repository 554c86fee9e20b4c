// Problem framing: a problem or title that describes the solution ("implement", "roll out",
// "we will") instead of the problem and its impact on patients.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { whereInString, type CheckContext } from "./doc.js";
import { findPhrases, quotedList } from "./text.js";

/** Built-in solution wording; config `standard.solution_words` replaces the list. */
export const defaultSolutionWords: readonly string[] = [
  "implement",
  "implements",
  "implemented",
  "implementing",
  "implementation",
  "roll out",
  "rolls out",
  "rolled out",
  "rolling out",
  "roll-out",
  "rollout",
  "introduce",
  "introduces",
  "introduced",
  "introducing",
  "new system",
  "we will",
];

const framedFields = ["title", "problem"] as const;

export function checkFraming(ctx: CheckContext): Diagnostic[] {
  const words = ctx.standard.solution_words ?? defaultSolutionWords;
  const out: Diagnostic[] = [];
  for (const doc of ctx.spotlights) {
    for (const field of framedFields) {
      const text = doc.spotlight[field];
      const found = findPhrases(text, words);
      if (found.length === 0) continue;
      const used = [...new Set(found.map((m) => text.slice(m.start, m.end)))];
      out.push(
        diagnostic({
          code: "standard.problem_framing",
          severity: "warning",
          ...whereInString(doc, [field], found[0]!.start),
          message: `the ${field} uses solution wording: ${quotedList(used)}`,
          actual: used.join(", "),
        }),
      );
    }
  }
  return out;
}
