// Plain English beyond acronyms: a bare "note the contents" recommendation (paper
// recommendations, and a spotlight ask of type note), and sentences longer than
// `standard.max_sentence_words` (default 30) in any free-text field.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { textValues, where, whereInString, type CheckContext, type Doc, type Path } from "./doc.js";
import { sentences } from "./text.js";

export const defaultMaxSentenceWords = 30;

const bareNote =
  /^(?:(?:the\s+)?(?:trust\s+)?(?:board|committee)\s+(?:is|are)\s+(?:asked|invited|requested)\s+to\s+)?(?:receive\s+and\s+)?(?:note|receive)\s+(?:the\s+contents?(?:\s+of\s+(?:this|the)\s+(?:report|paper|update|spotlight))?|(?:this|the)\s+(?:report|paper|update|spotlight))\s*[.!]?$|^for\s+(?:noting|information)\s*[.!]?$/i;

/** True for a recommendation that only asks the board to note the contents. */
export function isBareNote(text: string): boolean {
  return bareNote.test(text.trim());
}

export function checkNoteContents(ctx: CheckContext): Diagnostic[] {
  const found: { doc: Doc; path: Path; text: string }[] = [];
  for (const doc of ctx.docs) {
    if (doc.kind === "paper") {
      const recs = doc.data["recommendations"];
      if (Array.isArray(recs))
        recs.forEach((text: unknown, i) => {
          if (typeof text === "string") found.push({ doc, path: ["recommendations", i], text });
        });
    } else {
      const ask = (doc.data as { ask?: { type?: string; text?: string } }).ask;
      if (ask?.type === "note" && typeof ask.text === "string")
        found.push({ doc, path: ["ask", "text"], text: ask.text });
    }
  }
  return found
    .filter((f) => isBareNote(f.text))
    .map((f) =>
      diagnostic({
        code: "standard.note_contents",
        severity: "warning",
        ...where(f.doc, f.path),
        message: `"${f.text.trim()}" only asks the board to note the contents`,
        actual: f.text,
      }),
    );
}

export function checkLongSentences(ctx: CheckContext): Diagnostic[] {
  const max = ctx.standard.max_sentence_words ?? defaultMaxSentenceWords;
  const out: Diagnostic[] = [];
  for (const doc of ctx.docs) {
    for (const { field, path, text } of textValues(doc)) {
      for (const s of sentences(text)) {
        if (s.words <= max) continue;
        out.push(
          diagnostic({
            code: "standard.long_sentence",
            severity: "warning",
            ...whereInString(doc, path, s.start),
            message: `a sentence in ${field} has ${s.words} words; the trust's maximum is ${max}`,
            hint: "Split it into shorter sentences: one idea each.",
            actual: String(s.words),
            expected: [`at most ${max} words`],
          }),
        );
      }
    }
  }
  return out;
}
