// Markdown escaping for values placed by templates. `escapeInline` makes any text read
// literally (titles, names, table cells); `escapeProse` keeps the Markdown subset the schema
// allows in narrative fields (emphasis, lists, links) but stops raw HTML and stray headings
// from changing the document's structure.

// Characters that can start Markdown syntax anywhere in a line.
const inlineSpecial = /[\\`*_[\]<>|~#]/g;
// `&` only matters when it would start an entity reference (`&amp;`, `&#35;`).
const entity = /&(?=#?[A-Za-z0-9]+;)/g;

/**
 * Escapes text so CommonMark + GFM read it literally, on one line: `A&E | <ED> *pilot*` →
 * `A&E \| \<ED\> \*pilot\*`. Line breaks and tabs become spaces and the ends are trimmed,
 * so a value can never end a table row or start a block.
 */
export function escapeInline(text: string): string {
  // Leading spaces could start an indented code block; surrounding spaces never show anyway.
  const oneLine = text.replace(/\r\n?|\n|\t/g, " ").trim();
  const escaped = oneLine.replace(inlineSpecial, "\\$&").replace(entity, "\\&");
  return escapeLineStart(escaped);
}

/**
 * Escapes what would start a block at the beginning of a line: a list marker (`- `, `+ `,
 * `1. `, `1) `), a setext underline (`===`) or a thematic break (`---`). `4.2` is left alone.
 */
function escapeLineStart(line: string): string {
  const lead = /^(\s*)(?:[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+\s*$|(?:-\s*){3,}$)/.exec(line);
  if (!lead) return line;
  const space = lead[1]!;
  const marker = lead[0].slice(space.length);
  // Escape the list marker's punctuation, or the first character of an underline or break.
  const i = /^\d/.test(marker) ? space.length + marker.search(/[.)]/) : space.length;
  return `${line.slice(0, i)}\\${line.slice(i)}`;
}

/**
 * Keeps a narrative field's Markdown (paragraphs, emphasis, lists, links) but escapes raw
 * HTML (`<`), ATX headings (`# …` at a line start), setext underlines and thematic breaks,
 * so the value stays inside its section. Line endings are normalised and surrounding blank
 * lines removed.
 */
export function escapeProse(text: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/^\s*\n|\n\s*$/g, "")
    .split("\n");
  return lines
    .map((line) => escapeBlockStart(escapeTags(outsideCode(line, unlinkUnsafe))))
    .join("\n")
    .trimEnd();
}

/** Applies `fn` to the parts of a line outside code spans (whose content is literal). */
function outsideCode(line: string, fn: (part: string) => string): string {
  let out = "";
  let last = 0;
  for (const m of line.matchAll(/(`+)[^`]*?\1/g)) {
    out += fn(line.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + fn(line.slice(last));
}

const safeSchemes = new Set(["http", "https", "mailto"]);

/**
 * A link or image whose destination has a scheme other than http, https or mailto
 * (`javascript:`, `file:`, `data:`…) keeps only its text, in the Markdown as in the DOCX.
 */
function unlinkUnsafe(part: string): string {
  let out = "";
  let i = 0;
  for (let j = part.indexOf("](", i); j >= 0; j = part.indexOf("](", i)) {
    const open = part.lastIndexOf("[", j);
    let end = j + 2;
    for (let depth = 1; end < part.length && depth > 0; end++) {
      if (part[end] === "\\") end++;
      else if (part[end] === "(") depth++;
      else if (part[end] === ")") depth--;
    }
    const dest = part
      .slice(j + 2, end - 1)
      .trim()
      .replace(/^</, "");
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(dest)?.[1]?.toLowerCase();
    if (open < i || scheme === undefined || safeSchemes.has(scheme)) {
      out += part.slice(i, end);
    } else {
      const start = open > 0 && part[open - 1] === "!" ? open - 1 : open;
      out += part.slice(i, start) + part.slice(open + 1, j);
    }
    i = end;
  }
  return out + part.slice(i);
}

/** `<` → `\<` (no raw HTML), except inside code spans, where `<` is already literal. */
function escapeTags(line: string): string {
  return line.replace(/(`+)[^`]*?\1|</g, (m) => (m === "<" ? "\\<" : m));
}

/**
 * Escapes an ATX heading (`#`), a setext underline (`===`, `---`) or a thematic break
 * (`***`) at the start of a line, also after block quote and list markers (`> # x`, `- ---`).
 */
function escapeBlockStart(line: string): string {
  let i = 0;
  for (;;) {
    const rest = line.slice(i);
    const at = i + /^\s*/.exec(rest)![0].length;
    const body = line.slice(at);
    if (body.startsWith("#") || /^([-=*_])(\s*\1)*\s*$/.test(body)) {
      return `${line.slice(0, at)}\\${body}`;
    }
    const marker = /^(?:>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$))/.exec(body);
    if (!marker) return line;
    i = at + marker[0].length;
  }
}

/**
 * A link destination for a relative file path: written plainly when it is safe, in `<…>`
 * when it has spaces or parentheses (CommonMark allows both forms).
 */
export function linkDestination(path: string): string {
  const encoded = path.replace(/[<>]/g, (c) => encodeURIComponent(c));
  return /[\s()]/.test(encoded) ? `<${encoded}>` : encoded;
}
