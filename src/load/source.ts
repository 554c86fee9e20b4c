// Maps characters of a parsed YAML string back to the source text: for plain, single- and
// double-quoted, literal (|) and folded (>) scalars, the offset in the file of each character
// of the value, so a diagnostic can point at a phrase inside a long text field.

/** Scalar styles as the yaml library names them. */
export type ScalarStyle =
  "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_LITERAL" | "BLOCK_FOLDED";

/** The value rebuilt from source, with the source offset of each UTF-16 unit. */
interface Mapped {
  chars: string[];
  offsets: number[];
}

const isBlank = (c: string | undefined) => c === " " || c === "\t";

/**
 * Offsets in `text` of every character of the scalar written at `text[start, end)`, or
 * undefined when the rebuilt value does not equal `value` (an unusual form we do not model).
 */
export function scalarOffsets(
  text: string,
  start: number,
  end: number,
  style: ScalarStyle,
  value: string,
): number[] | undefined {
  let m: Mapped;
  if (style === "BLOCK_LITERAL" || style === "BLOCK_FOLDED")
    m = blockScalar(text, start, end, style);
  else if (style === "QUOTE_DOUBLE") m = flowScalar(text, start + 1, end - 1, "double");
  else if (style === "QUOTE_SINGLE") m = flowScalar(text, start + 1, end - 1, "single");
  else m = flowScalar(text, start, end, "plain");
  return m.chars.join("") === value ? m.offsets : undefined;
}

const escapes: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};
const hexLength: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Plain and quoted scalars: line folding, plus escapes (double) or '' (single). */
function flowScalar(
  text: string,
  from: number,
  to: number,
  kind: "plain" | "single" | "double",
): Mapped {
  const chars: string[] = [];
  const offsets: number[] = [];
  // Characters that folding may trim at the end of a line (escaped blanks are kept).
  let trimmable = 0;
  const push = (c: string, at: number, canTrim: boolean) => {
    chars.push(c);
    offsets.push(at);
    trimmable = canTrim && isBlank(c) ? trimmable + 1 : 0;
  };
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === "\r" || c === "\n") {
      // Fold: drop trailing blanks, skip leading blanks of following lines, empty lines → \n.
      chars.length -= trimmable;
      offsets.length -= trimmable;
      trimmable = 0;
      const breakAt = i;
      let empties: number[] = [];
      for (;;) {
        i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
        while (i < to && isBlank(text[i])) i++;
        if (i < to && (text[i] === "\r" || text[i] === "\n")) {
          empties.push(i);
          continue;
        }
        break;
      }
      if (empties.length === 0) push(" ", breakAt, false);
      else for (const at of empties) push("\n", at, false);
      empties = [];
      continue;
    }
    if (kind === "single" && c === "'" && text[i + 1] === "'") {
      push("'", i, false);
      i += 2;
      continue;
    }
    if (kind === "double" && c === "\\") {
      const e = text[i + 1] ?? "";
      if (e === "\n" || e === "\r") {
        // Escaped line break: joins lines without a space.
        i += e === "\r" && text[i + 2] === "\n" ? 3 : 2;
        while (i < to && isBlank(text[i])) i++;
        trimmable = 0;
        continue;
      }
      const n = hexLength[e];
      if (n !== undefined) {
        const code = parseInt(text.slice(i + 2, i + 2 + n), 16);
        // a code point above U+FFFF is two UTF-16 units; splitUnits gives both the escape's offset
        push(String.fromCodePoint(code), i, false);
        i += 2 + n;
        continue;
      }
      push(escapes[e] ?? e, i, false);
      i += 2;
      continue;
    }
    push(c, i, true);
    i++;
  }
  if (kind === "plain") {
    chars.length -= trimmable;
    offsets.length -= trimmable;
  }
  return splitUnits({ chars, offsets });
}

function splitUnits(m: Mapped): Mapped {
  const chars: string[] = [];
  const offsets: number[] = [];
  m.chars.forEach((c, k) => {
    for (let u = 0; u < c.length; u++) {
      chars.push(c[u]!);
      offsets.push(m.offsets[k]!);
    }
  });
  return { chars, offsets };
}

/** Literal and folded block scalars, with indentation and chomping. */
function blockScalar(text: string, start: number, end: number, style: ScalarStyle): Mapped {
  const headerEnd = text.indexOf("\n", start);
  const header = text.slice(start + 1, headerEnd < 0 ? end : headerEnd).replace(/#.*$/, "");
  const chomp = header.includes("-") ? "strip" : header.includes("+") ? "keep" : "clip";
  const lines: { from: number; to: number; brk: number }[] = [];
  for (let p = headerEnd + 1; headerEnd >= 0 && p < end;) {
    let nl = text.indexOf("\n", p);
    if (nl < 0 || nl > end) nl = end;
    const to = nl > p && text[nl - 1] === "\r" ? nl - 1 : nl;
    lines.push({ from: p, to, brk: to });
    p = nl + 1;
  }
  const indentOf = (l: { from: number; to: number }) => {
    let k = l.from;
    while (k < l.to && text[k] === " ") k++;
    return k - l.from;
  };
  const first = lines.find((l) => indentOf(l) < l.to - l.from);
  const indent = first ? indentOf(first) : 0;
  const chars: string[] = [];
  const offsets: number[] = [];
  const push = (c: string, at: number) => {
    chars.push(c);
    offsets.push(at);
  };
  let prevBreak = -1;
  let prevMore = false;
  let pending: number[] = [];
  for (const l of lines) {
    const content = l.from + Math.min(indent, l.to - l.from);
    const empty = content >= l.to && indentOf(l) <= indent;
    if (empty) {
      pending.push(l.brk);
      continue;
    }
    const more = isBlank(text[content]);
    if (prevBreak >= 0) {
      if (style === "BLOCK_FOLDED" && !prevMore && !more) {
        if (pending.length === 0) push(" ", prevBreak);
      } else push("\n", prevBreak);
    }
    for (const at of pending) push("\n", at);
    pending = [];
    for (let k = content; k < l.to; k++) push(text[k]!, k);
    prevBreak = l.brk;
    prevMore = more;
  }
  if (prevBreak >= 0 && chomp !== "strip") push("\n", prevBreak);
  if (chomp === "keep") for (const at of pending) push("\n", at);
  return { chars, offsets };
}
