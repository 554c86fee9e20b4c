// Plain English, acronyms: an acronym (two or more capitals, e.g. SDEC) must be spelled out on
// its first use in document order (the paper, then the spotlights in pack order; fields in
// rendered order) unless it is in the glossary of well-known ones (built-in + `standard.glossary`).
// Spelled out = "Same Day Emergency Care (SDEC)" or "SDEC (Same Day Emergency Care)". Acronyms
// the language check replaces (CIP) are left to it.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { textValues, whereInString, type CheckContext, type Doc, type Path } from "./doc.js";
import { languageMap } from "./language.js";

/** Acronyms every board reader knows; config `standard.glossary` adds to these. */
export const defaultGlossary: readonly string[] = [
  "NHS",
  "A&E",
  "ED",
  "QI",
  "PDSA",
  "SPC",
  "ICU",
  "ITU",
  "GP",
  "CQC",
  "BAF",
  "UK",
  "MDC",
  "EPR",
  "CEO",
  "HR",
  "IT",
  "ICB",
  "ICS",
  "NICE",
  "COVID",
  "MRI",
  "CT",
  "ECG",
  "NEWS2",
  "RAG",
  "AM",
  "PM",
];

/** Runs of letters, digits and `&`; each is tested whole, so no pattern can backtrack badly. */
const wordRun = /[\p{L}\p{N}&]+/gu;
const acronymWord = /^([A-Z][A-Z0-9&]*[A-Z0-9])s?$/;
/** Link targets and code spans, blanked before scanning; URLs and e-mail addresses go by token. */
const notProse = /\]\([^)\n]{0,2000}\)|`[^`\n]*`/g;
const notProseToken = (token: string) => token.includes("@") || /^[<(]?https?:\/\//.test(token);
/** How far either side of an acronym its spelling out is looked for. */
const reach = 200;
const stopWords = new Set([
  "of",
  "and",
  "the",
  "for",
  "in",
  "on",
  "to",
  "with",
  "at",
  "by",
  "a",
  "an",
  "&",
  "+",
]);

function letters(acronym: string): string[] {
  return [...acronym.replace(/[^A-Z0-9]/g, "")];
}

/** True when `words`, in order, give the acronym's letters as initials (stop words may be skipped). */
export function initialsMatch(acronym: readonly string[], words: readonly string[]): boolean {
  const go = (li: number, wi: number): boolean => {
    if (wi === words.length) return li === acronym.length;
    const word = words[wi]!;
    if (li < acronym.length && word[0]?.toUpperCase() === acronym[li] && go(li + 1, wi + 1))
      return true;
    return stopWords.has(word.toLowerCase()) && go(li, wi + 1);
  };
  return go(0, 0);
}

const splitWords = (s: string) => s.split(/[\s\-\u2013\u2014/]+/).filter((w) => w !== "");

/** Whether the acronym at [start, end) of `text` is spelled out right there, either way round. */
export function spelledOut(text: string, start: number, end: number, acronym: string): boolean {
  const want = letters(acronym);
  const before = /\(\s*$/.exec(text.slice(Math.max(0, start - 3), start));
  const following = text.slice(end, end + reach);
  if (before !== null && /^\s*\)/.test(following)) {
    const preceding = text.slice(Math.max(0, start - reach), start).replace(/\(\s*$/, "");
    const words = splitWords(preceding).slice(-(2 * want.length + 4));
    for (let k = words.length - 1; k >= 0; k--)
      if (initialsMatch(want, words.slice(k))) return true;
  }
  const after = /^\s*\(([^)]*)\)/.exec(following);
  if (after !== null) {
    const phrase = after[1]!.split(/[,;:]/)[0]!;
    if (initialsMatch(want, splitWords(phrase))) return true;
  }
  return false;
}

interface Use {
  doc: Doc;
  path: Path;
  index: number;
  defined: boolean;
}

export function checkAcronyms(ctx: CheckContext): Diagnostic[] {
  const glossary = new Set(
    [...defaultGlossary, ...(ctx.standard.glossary ?? [])].map((g) => g.toUpperCase()),
  );
  // An acronym the language check already flags (CIP) is to be replaced, not spelled out.
  if (ctx.standard.checks?.["standard.language"] !== "off")
    for (const phrase of languageMap(ctx.standard.language).keys())
      glossary.add(phrase.toUpperCase());
  const uses = new Map<string, Use[]>();
  for (const doc of ctx.docs) {
    for (const { path, text } of textValues(doc)) {
      const prose = text
        .replace(notProse, (m) => " ".repeat(m.length))
        .replace(/\S+/g, (t) => (notProseToken(t) ? " ".repeat(t.length) : t));
      for (const m of prose.matchAll(wordRun)) {
        const acronym = acronymWord.exec(m[0])?.[1];
        if (acronym === undefined) continue;
        if ((acronym.match(/[A-Z]/g) ?? []).length < 2 || glossary.has(acronym)) continue;
        const end = m.index + m[0].length;
        const list = uses.get(acronym) ?? [];
        list.push({ doc, path, index: m.index, defined: spelledOut(prose, m.index, end, acronym) });
        uses.set(acronym, list);
      }
    }
  }
  const out: Diagnostic[] = [];
  for (const [acronym, list] of uses) {
    const first = list[0]!;
    if (first.defined) continue;
    const later = list.find((u) => u.defined);
    const laterAt = later && whereInString(later.doc, later.path, later.index);
    out.push(
      diagnostic({
        code: "standard.acronym",
        severity: "warning",
        ...whereInString(first.doc, first.path, first.index),
        message: `"${acronym}" is not spelled out on first use`,
        hint:
          laterAt !== undefined
            ? `It is spelled out later (${laterAt.file}:${laterAt.line ?? "?"}); spell it out here instead, on first use.`
            : `Spell it out on first use, the words in full followed by "(${acronym})", or add it to standard.glossary.`,
        actual: acronym,
      }),
    );
  }
  return out;
}
