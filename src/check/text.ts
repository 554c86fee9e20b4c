// Text helpers for the standard: counting words the way Word does, splitting sentences,
// finding whole phrases case-insensitively, and "did you mean" by edit distance.
// Every function returns character offsets into the original string, so checks can point
// at the exact column in the YAML.

export interface Span {
  start: number;
  end: number;
}

/** Replaces `re`'s matches (or group `keep` of them, kept in place) with spaces of equal length. */
function blank(text: string, re: RegExp, keep?: number): string {
  return text.replace(re, (...args: unknown[]) => {
    const match = args[0] as string;
    if (keep === undefined) return " ".repeat(match.length);
    const kept = (args[keep] as string | undefined) ?? "";
    const at = match.indexOf(kept);
    return " ".repeat(at) + kept + " ".repeat(match.length - at - kept.length);
  });
}

const markupChars = new Set(["*", "_", "~", "`", "|"]);

/** Trims characters of `set` from both ends of token[from, to) by scanning (no regex backtracking). */
function trimSpan(token: string, set: ReadonlySet<string>, from = 0, to = token.length): Span {
  while (from < to && set.has(token[from]!)) from++;
  while (to > from && set.has(token[to - 1]!)) to--;
  return { start: from, end: to };
}

/**
 * The words of a text as Word counts them: runs of characters between whitespace. A hyphenated
 * word, `A&E`, `7.9` and `£1,200` are one word each; a dash standing alone counts, as in Word.
 * Markdown markup is not a word: `**`, `_`, `` ` `` and `~~` around a word, `|` table pipes,
 * list bullets and numbers, `#` headings, `>` quotes, link targets `](…)` and whole images.
 */
export function wordSpans(text: string): Span[] {
  // Bounded repeats keep a pathological line ("[[[[…") linear rather than quadratic.
  let masked = blank(text, /!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/g);
  masked = blank(masked, /\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, 1);
  masked = blank(masked, /^[ \t]*(?:#{1,6}|>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)/gm);
  const spans: Span[] = [];
  for (const m of masked.matchAll(/\S+/g)) {
    const core = trimSpan(m[0], markupChars);
    if (core.start === core.end) continue;
    spans.push({ start: m.index + core.start, end: m.index + core.end });
  }
  return spans;
}

export function countWords(text: string): number {
  return wordSpans(text).length;
}

const abbreviations = new Set([
  "e.g.",
  "i.e.",
  "etc.",
  "vs.",
  "approx.",
  "dr.",
  "mr.",
  "mrs.",
  "ms.",
  "no.",
  "st.",
  "cf.",
]);

const closers = new Set(['"', "'", "”", "’", ")", "]"]);
/** True when a word ends a sentence: `.`, `!` or `?`, before any closing quotes or brackets. */
function endsSentence(word: string): boolean {
  let end = word.length;
  while (end > 0 && closers.has(word[end - 1]!)) end--;
  const last = word[end - 1];
  return (last === "." || last === "!" || last === "?") && !abbreviations.has(word.toLowerCase());
}

/** A break between two words that ends a sentence even without a full stop. */
const blockBreak = /\n[ \t]*\n|\n[ \t]*(?:#{1,6}|>|[-*+]|\d{1,9}[.)])[ \t]/;

export interface Sentence extends Span {
  words: number;
}

/**
 * Sentences of a text: a word ending in `.`, `!` or `?` (before any closing quote or bracket)
 * ends one, unless it is a common abbreviation; a blank line, list item or heading ends one too.
 */
export function sentences(text: string): Sentence[] {
  const spans = wordSpans(text);
  const out: Sentence[] = [];
  let first = 0;
  spans.forEach((span, i) => {
    const word = text.slice(span.start, span.end);
    const next = spans[i + 1];
    const ends =
      next === undefined || endsSentence(word) || blockBreak.test(text.slice(span.end, next.start));
    if (ends) {
      out.push({ start: spans[first]!.start, end: span.end, words: i - first + 1 });
      first = i + 1;
    }
  });
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const normalise = (phrase: string) => phrase.trim().split(/\s+/).join(" ").toLowerCase();

const compiled = new Map<string, RegExp>();

/**
 * One case-insensitive expression matching any of the phrases as whole words (not inside a
 * longer word), longest phrase first; spaces in a phrase match any whitespace. Cached:
 * matchAll copies the expression, so sharing one is safe.
 */
export function phrasesRegExp(phrases: readonly string[]): RegExp {
  const key = phrases.join("\u0000");
  let re = compiled.get(key);
  if (re === undefined) {
    const bodies = [...phrases]
      .filter((p) => p.trim() !== "")
      .sort((a, b) => normalise(b).length - normalise(a).length)
      .map((p) => p.trim().split(/\s+/).map(escapeRegExp).join("\\s+"));
    const body = bodies.length === 0 ? "(?!)" : bodies.join("|");
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, "giu");
    compiled.set(key, re);
  }
  return re;
}

export interface PhraseMatch extends Span {
  /** The phrase of the list that matched, as written in the list. */
  phrase: string;
}

/**
 * Whole-phrase matches of any of `phrases` in `text`, case-insensitive, in text order, not
 * overlapping; where two start at the same place the longer phrase wins ("cost improvement
 * programme" over "cost improvement").
 */
export function findPhrases(text: string, phrases: readonly string[]): PhraseMatch[] {
  const byForm = new Map(phrases.map((p) => [normalise(p), p]));
  const found: PhraseMatch[] = [];
  for (const m of text.matchAll(phrasesRegExp(phrases))) {
    const phrase = byForm.get(normalise(m[0])) ?? m[0];
    found.push({ start: m.index, end: m.index + m[0].length, phrase });
  }
  return found;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The closest candidate by case-insensitive edit distance, when it is close enough to be a
 * plausible typo (at most 3 edits or 40% of the longer string); first candidate wins ties.
 */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(value.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(3, Math.floor(0.4 * Math.max(value.length, best.length)));
  return bestDistance <= allowed ? best : undefined;
}

/** `"a", "b" and "c"` for messages. */
export function quotedList(items: readonly string[]): string {
  const q = items.map((i) => `"${i}"`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q.at(-1)!}`;
}
