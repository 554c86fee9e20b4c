// A fast Markdown → mdast parser for the simple Markdown our templates write: ATX headings,
// paragraphs, tight lists (items may wrap onto indented lines), pipe tables, an HTML comment
// line; text, escapes, unnested emphasis and strong, code spans, inline links and images. It
// builds exactly the tree mdast-util-from-markdown (with GFM tables) builds, positions included,
// and returns undefined for a document with anything outside that subset, anywhere, which the
// caller then gives to micromark: micromark stays the authority.
import type {
  AlignType,
  Html,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from "mdast";

type Position = NonNullable<Root["position"]>;
type Point = Position["start"];

/** Thrown (made on first use) when the text leaves the subset; caught in parseSimpleMarkdown. */
let bailError: Error | undefined;
function bail(): never {
  throw (bailError ??= new Error("outside the simple Markdown subset"));
}

const LF = 10;
const SPACE = 32;
const BANG = 33;
const HASH = 35;
const AMP = 38;
const PAREN_OPEN = 40;
const PAREN_CLOSE = 41;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const DIGIT0 = 48;
const DIGIT9 = 57;
const COLON = 58;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUOTE = 34;
const BRACKET_OPEN = 91;
const BACKSLASH = 92;
const BRACKET_CLOSE = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const PIPE = 124;
const TILDE = 126;

/**
 * Text anywhere that the subset leaves to micromark: control characters other than \n (tabs,
 * \r, NUL), DEL, a byte order mark and a line with trailing spaces (hard breaks, blank lines
 * of spaces). Lines with leading spaces are refused by the block parsers, except a list item's
 * indented continuation lines.
 */
const UNSUPPORTED_TEXT = /[\0-\t\v-\x1f\x7f\ufeff]| \n| $/;

/** A character reference (`&amp;`, `&#35;`, `&#x1F;`) or something close to one. */
const CHAR_REF = /&#?[A-Za-z0-9]+;/y;

/** Character classes for emphasis, as micromark's classifyCharacter: 1 space, 2 punctuation. */
const WHITESPACE = 1;
const PUNCTUATION = 2;
const asciiClass = new Uint8Array(128);
// The ASCII characters /\s/ matches (tab to carriage return, space) and /\p{P}|\p{S}/u matches
// (every printable character but letters, digits and space), written out: testing the regular
// expressions on 128 characters cost half a millisecond of every start (a test compares them).
for (const c of [9, 10, 11, 12, 13, 32]) asciiClass[c] = WHITESPACE;
for (const [from, to] of [
  [33, 47],
  [58, 64],
  [91, 96],
  [123, 126],
] as const) {
  for (let c = from; c <= to; c++) asciiClass[c] = PUNCTUATION;
}
/** ASCII characters the inline scanner stops at; everything else is plain text. */
const inlineSpecial = new Uint8Array(128);
for (const ch of "\\*_[]!&<`\n") inlineSpecial[ch.charCodeAt(0)] = 1;

/** A character's class for emphasis: 1 whitespace, 2 punctuation or symbol, 0 anything else. */
export function classify(code: number): number {
  if (Number.isNaN(code)) return WHITESPACE; // the end of the document
  if (code < 128) return asciiClass[code]!;
  const ch = String.fromCharCode(code);
  return /\s/.test(ch) ? WHITESPACE : /\p{P}|\p{S}/u.test(ch) ? PUNCTUATION : 0;
}

function isAsciiPunctuation(code: number): boolean {
  return code < 128 && asciiClass[code] === PUNCTUATION;
}

function isDigit(code: number): boolean {
  return code >= DIGIT0 && code <= DIGIT9;
}

/**
 * The mdast tree of `md` as mdast-util-from-markdown with GFM tables returns it, or undefined
 * when `md` uses anything outside the simple subset (see the module header).
 */
export function parseSimpleMarkdown(md: string): Root | undefined {
  if (UNSUPPORTED_TEXT.test(md)) return undefined;
  try {
    return new SimpleParser(md).root();
  } catch (e) {
    if (bailError !== undefined && e === bailError) return undefined;
    throw e;
  }
}

class SimpleParser {
  private readonly s: string;
  private readonly n: number;
  /** Offsets where lines start; `line` is a cursor into it for `point`. */
  private readonly lineStarts: number[] = [0];
  private line = 0;

  constructor(md: string) {
    this.s = md;
    this.n = md.length;
    for (let i = md.indexOf("\n"); i >= 0; i = md.indexOf("\n", i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  root(): Root {
    const { s, n } = this;
    const children: RootContent[] = [];
    let pos = 0;
    let afterList = false;
    while (pos < n) {
      if (s.charCodeAt(pos) === LF) {
        pos++;
        continue;
      }
      const eol = this.lineEnd(pos);
      const c = s.charCodeAt(pos);
      let node: RootContent;
      let end: number;
      let list = false;
      if (c === HASH && this.headingDepth(pos, eol) > 0) {
        node = this.heading(pos, eol);
        end = eol;
      } else if (c === PIPE) {
        [node, end] = this.table(pos, eol);
      } else if (c === LT) {
        node = this.html(pos, eol);
        end = eol;
      } else if (this.bulletMarker(pos, eol) > 0 || this.orderedMarker(pos, eol) > 0) {
        if (afterList) bail(); // would join the list before it (a loose list)
        [node, end] = this.list(pos, eol);
        list = true;
      } else {
        [node, end] = this.paragraph(pos, eol);
      }
      children.push(node);
      afterList = list;
      // Every block ends at a blank line or at the end of the document.
      if (end < n && end + 1 < n && s.charCodeAt(end + 1) !== LF) bail();
      pos = end;
    }
    return { type: "root", children, position: this.span(0, n) };
  }

  /** The offset of the \n ending the line that starts at `pos` (or the document's end). */
  private lineEnd(pos: number): number {
    const eol = this.s.indexOf("\n", pos);
    return eol < 0 ? this.n : eol;
  }

  private point(offset: number): Point {
    const starts = this.lineStarts;
    let l = this.line;
    while (l + 1 < starts.length && starts[l + 1]! <= offset) l++;
    while (starts[l]! > offset) l--;
    this.line = l;
    return { line: l + 1, column: offset - starts[l]! + 1, offset };
  }

  private span(from: number, to: number): Position {
    return { start: this.point(from), end: this.point(to) };
  }

  // ---- Blocks ----

  /** 1–6 for an ATX heading opening (`#` × depth, then a space), 0 otherwise. */
  private headingDepth(pos: number, eol: number): number {
    let i = pos;
    while (i < eol && this.s.charCodeAt(i) === HASH) i++;
    const depth = i - pos;
    return depth <= 6 && (i === eol || this.s.charCodeAt(i) === SPACE) ? depth : 0;
  }

  private heading(pos: number, eol: number): Heading {
    const depth = this.headingDepth(pos, eol) as Heading["depth"];
    const from = pos + depth + 1;
    // No empty heading, no extra spaces and no closing sequence (` ##`; `C\#` is text).
    if (from >= eol || this.s.charCodeAt(from) === SPACE) bail();
    let hashes = eol;
    while (hashes > from && this.s.charCodeAt(hashes - 1) === HASH) hashes--;
    if (hashes < eol && (hashes === from || this.s.charCodeAt(hashes - 1) === SPACE)) bail();
    return {
      type: "heading",
      depth,
      children: this.inline(from, eol),
      position: this.span(pos, eol),
    };
  }

  /** Only a one-line HTML comment with no `-` or `>` inside, such as `<!-- pagebreak -->`. */
  private html(pos: number, eol: number): Html {
    const value = this.s.slice(pos, eol);
    if (!/^<!-- [^>-]* -->$/.test(value)) bail();
    return { type: "html", value, position: this.span(pos, eol) };
  }

  /**
   * Whether the line [pos, eol) (or a list item's text) may be a paragraph line, wherever it
   * is in the paragraph: it can neither start another block nor end the paragraph.
   */
  private paragraphLineOk(pos: number, eol: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(pos);
    const c1 = pos + 1 < eol ? s.charCodeAt(pos + 1) : SPACE;
    switch (c) {
      case SPACE:
      case GT:
      case LT:
      case PIPE:
        return false;
      case BACKTICK:
        return !s.startsWith("```", pos); // a code fence
      case COLON:
      case EQUALS: // a table delimiter row or a setext underline
        return !/^(?:[-:| ]+|=+)$/.test(s.slice(pos, eol));
      case HASH:
        if (this.headingDepth(pos, eol) > 0) return false;
        break;
      case DASH:
      case STAR:
      case PLUS:
      case UNDERSCORE:
        if (c1 === SPACE && c !== UNDERSCORE) return false; // a list item (or an empty one)
        // Thematic breaks, setext underlines and table delimiter rows.
        return !/^(?:[-*_ ]+|[-:| ]+)$/.test(s.slice(pos, eol));
      case TILDE:
        return !s.startsWith("~~~", pos);
      default:
        return !(isDigit(c) && this.orderedMarker(pos, eol, true) > 0);
    }
    return true;
  }

  private paragraph(pos: number, eol: number): [Paragraph, number] {
    const { s, n } = this;
    if (!this.paragraphLineOk(pos, eol)) bail();
    let end = eol;
    while (end + 1 < n && s.charCodeAt(end + 1) !== LF) {
      const next = end + 1;
      const nextEnd = this.lineEnd(next);
      if (!this.paragraphLineOk(next, nextEnd)) bail();
      end = nextEnd;
    }
    return [this.paragraphNode(pos, end), end];
  }

  /** A paragraph [from, to) whose lines after the first are indented by `indent` spaces. */
  private paragraphNode(from: number, to: number, indent = 0): Paragraph {
    return {
      type: "paragraph",
      children: this.inline(from, to, false, indent),
      position: this.span(from, to),
    };
  }

  /** The width of a `- `, `* ` or `+ ` marker at `pos` (2; `marker` only, if given), or 0. */
  private bulletMarker(pos: number, eol: number, marker = 0): number {
    const s = this.s;
    const c = s.charCodeAt(pos);
    if (marker === 0 ? c !== DASH && c !== STAR && c !== PLUS : c !== marker) return 0;
    return pos + 1 === eol || s.charCodeAt(pos + 1) === SPACE ? 2 : 0;
  }

  /** The width of an ordered list marker (`12. `; also `12) ` when `anyDelimiter`), or 0. */
  private orderedMarker(pos: number, eol: number, anyDelimiter = false): number {
    const s = this.s;
    let i = pos;
    while (i < eol && isDigit(s.charCodeAt(i))) i++;
    if (i === pos || i - pos > 9 || i >= eol) return 0;
    const d = s.charCodeAt(i);
    if (d !== DOT && !(anyDelimiter && d === PAREN_CLOSE)) return 0;
    return i + 1 === eol || s.charCodeAt(i + 1) === SPACE ? i + 2 - pos : 0;
  }

  /**
   * A tight list, all `- ` (or all `* ` or `+ `) or all `N. ` items, each a paragraph whose
   * lines after the first are indented to the item's text.
   */
  private list(pos: number, eol: number): [List, number] {
    const { s, n } = this;
    const ordered = this.bulletMarker(pos, eol) === 0;
    const bullet = ordered ? 0 : s.charCodeAt(pos);
    const items: ListItem[] = [];
    let start = pos;
    let end = eol;
    for (;;) {
      const width = ordered ? this.orderedMarker(start, end) : 2;
      const from = start + width;
      if (from >= end || !this.paragraphLineOk(from, end)) bail();
      // Continuation lines: exactly `width` spaces, then a paragraph line.
      let next = end + 1;
      while (next < n && s.charCodeAt(next) === SPACE) {
        const nextEnd = this.lineEnd(next);
        const text = next + width;
        if (text >= nextEnd || s.charCodeAt(text - 1) !== SPACE) bail();
        for (let i = next; i < text; i++) if (s.charCodeAt(i) !== SPACE) bail();
        if (!this.paragraphLineOk(text, nextEnd)) bail();
        end = nextEnd;
        next = end + 1;
      }
      items.push({
        type: "listItem",
        spread: false,
        checked: null,
        children: [this.paragraphNode(from, end, width)],
        position: this.span(start, end),
      });
      if (next >= n) break;
      const nextEnd = this.lineEnd(next);
      const more = ordered
        ? this.orderedMarker(next, nextEnd)
        : this.bulletMarker(next, nextEnd, bullet);
      if (more === 0) break;
      start = next;
      end = nextEnd;
    }
    const list: List = {
      type: "list",
      ordered,
      start: ordered ? Number.parseInt(s.slice(pos, s.indexOf(".", pos)), 10) : null,
      spread: false,
      children: items,
      position: this.span(pos, end),
    };
    return [list, end];
  }

  /**
   * The pipes of a table row [pos, eol) that starts and ends with an unescaped `|`: the
   * offsets of every cell separator, first and last included.
   */
  private rowPipes(pos: number, eol: number): number[] {
    const s = this.s;
    if (s.charCodeAt(pos) !== PIPE) bail();
    const pipes = [pos];
    for (let i = pos + 1; i < eol; i++) {
      const c = s.charCodeAt(i);
      if (c === BACKSLASH) {
        const d = s.charCodeAt(i + 1);
        if (d === BACKSLASH || d === PIPE) i++;
      } else if (c === PIPE) {
        pipes.push(i);
      }
    }
    if (pipes.length < 2 || pipes[pipes.length - 1] !== eol - 1) bail();
    return pipes;
  }

  private tableRow(pos: number, eol: number, pipes: number[]): TableRow {
    const s = this.s;
    const cells: TableCell[] = [];
    for (let k = 0; k + 1 < pipes.length; k++) {
      const open = pipes[k]!;
      const close = pipes[k + 1]!;
      let from = open + 1;
      let to = close;
      // Cell text has at least one space on each side; a cell of spaces is empty.
      if (from === to) bail();
      while (from < to && s.charCodeAt(from) === SPACE) from++;
      while (to > from && s.charCodeAt(to - 1) === SPACE) to--;
      if (from < to && (from === open + 1 || to === close)) bail();
      cells.push({
        type: "tableCell",
        children: from < to ? this.inline(from, to) : [],
        position: this.span(open, k + 2 === pipes.length ? close + 1 : close),
      });
    }
    return { type: "tableRow", children: cells, position: this.span(pos, eol) };
  }

  /** A pipe table: header row, delimiter row and body rows with the same number of cells. */
  private table(pos: number, eol: number): [Table, number] {
    const { s, n } = this;
    const headPipes = this.rowPipes(pos, eol);
    const columns = headPipes.length - 1;
    if (eol + 1 >= n) bail();
    const delimStart = eol + 1;
    const delimEnd = this.lineEnd(delimStart);
    const delimCells = s.slice(delimStart, delimEnd).split("|");
    if (delimCells.length !== columns + 2 || delimCells[0] !== "" || delimCells.pop() !== "") {
      bail();
    }
    const align: AlignType[] = [];
    for (let k = 1; k < delimCells.length; k++) {
      const m = /^ *(:?)-+(:?) *$/.exec(delimCells[k]!);
      if (!m) bail();
      align.push(m[1] ? (m[2] ? "center" : "left") : m[2] ? "right" : null);
    }
    const rows = [this.tableRow(pos, eol, headPipes)];
    let end = delimEnd;
    while (end + 1 < n && s.charCodeAt(end + 1) !== LF) {
      const next = end + 1;
      const nextEnd = this.lineEnd(next);
      const pipes = this.rowPipes(next, nextEnd);
      if (pipes.length - 1 !== columns) bail();
      rows.push(this.tableRow(next, nextEnd, pipes));
      end = nextEnd;
    }
    return [{ type: "table", align, children: rows, position: this.span(pos, end) }, end];
  }

  // ---- Inline ----

  /**
   * The phrasing content of [from, to), whose lines after the first are indented by `indent`
   * spaces (not part of the text). `label`: inside a link's or image's brackets (text and
   * escapes only). Emphasis and strong hold text and code only, and do not nest; any other
   * use of `*`, `_`, brackets, `<`, `&` or backticks bails.
   */
  private inline(from: number, to: number, label = false, indent = 0): PhrasingContent[] {
    const s = this.s;
    const nodes: PhrasingContent[] = [];
    let out = nodes;
    // The open emphasis or strong, if any: where its run starts, its length and marker.
    let openAt = -1;
    let openLen = 0;
    let openMarker = 0;
    // Pending text: its first raw offset (-1: none), its value up to `copied`.
    let textFrom = -1;
    let value = "";
    let copied = from;
    // The end of the last indentation skipped: text ending there ends before it.
    let indented = -1;
    const flush = (at: number): void => {
      if (textFrom < 0) return;
      value += s.slice(copied, at);
      out.push(this.text(value, textFrom, at === indented ? at - indent : at));
      textFrom = -1;
      value = "";
    };
    const startText = (at: number): void => {
      if (textFrom >= 0) return;
      textFrom = at;
      copied = at;
    };
    let i = from;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c >= 128 || inlineSpecial[c] === 0) {
        startText(i);
        for (i++; i < to; i++) {
          const d = s.charCodeAt(i);
          if (d < 128 && inlineSpecial[d] !== 0) break;
        }
        continue;
      }
      switch (c) {
        case BACKSLASH: {
          startText(i);
          const d = s.charCodeAt(i + 1);
          if (d === LF && i + 1 < to) bail(); // a hard break
          if (i + 1 < to && isAsciiPunctuation(d)) {
            value += s.slice(copied, i) + s[i + 1]!;
            copied = i + 2;
            i += 2;
          } else {
            i++;
          }
          break;
        }
        case STAR:
        case UNDERSCORE: {
          let j = i + 1;
          while (j < to && s.charCodeAt(j) === c) j++;
          const before = classify(i > 0 ? s.charCodeAt(i - 1) : NaN);
          const after = classify(j < this.n ? s.charCodeAt(j) : NaN);
          let open = !after || (after === PUNCTUATION && before !== 0);
          let close = !before || (before === PUNCTUATION && after !== 0);
          if (c === UNDERSCORE) {
            const o = open && (before !== 0 || !close);
            close = close && (after !== 0 || !open);
            open = o;
          }
          if (!open && !close) {
            startText(i); // a literal run
          } else if (open && close) {
            bail();
          } else if (label || j - i > 2) {
            bail();
          } else if (open) {
            if (openAt >= 0) bail();
            flush(i);
            openAt = i;
            openLen = j - i;
            openMarker = c;
            out = [];
          } else {
            if (openAt < 0 || openMarker !== c || openLen !== j - i) bail();
            flush(i);
            const position = this.span(openAt, j);
            nodes.push(
              openLen === 2
                ? { type: "strong", children: out, position }
                : { type: "emphasis", children: out, position },
            );
            out = nodes;
            openAt = -1;
          }
          i = j;
          break;
        }
        case BANG:
          if (i + 1 < to && s.charCodeAt(i + 1) === BRACKET_OPEN) {
            if (label || openAt >= 0) bail();
            flush(i);
            i = this.link(i, to, true, out);
          } else {
            startText(i);
            i++;
          }
          break;
        case BRACKET_OPEN:
          if (label || openAt >= 0) bail();
          flush(i);
          i = this.link(i, to, false, out);
          break;
        case AMP:
          CHAR_REF.lastIndex = i;
          if (CHAR_REF.test(s)) bail();
          startText(i);
          i++;
          break;
        case LT:
          // Not the start of HTML or an autolink: `<` before a space or at the end.
          if (i + 1 < to && s.charCodeAt(i + 1) !== SPACE && s.charCodeAt(i + 1) !== LF) {
            bail();
          }
          startText(i);
          i++;
          break;
        case LF:
          startText(i);
          if (indent > 0) {
            value += s.slice(copied, i + 1);
            copied = indented = i + 1 + indent;
          }
          i += 1 + indent;
          break;
        case BACKTICK:
          if (label) bail();
          flush(i);
          i = this.codeSpan(i, to, out);
          break;
        default: // `]`
          bail();
      }
    }
    if (openAt >= 0) bail();
    flush(to);
    return nodes;
  }

  private text(value: string, from: number, to: number): Text {
    return { type: "text", value, position: this.span(from, to) };
  }

  /** A code span on one line with a closing backtick run of the same length. */
  private codeSpan(at: number, to: number, out: PhrasingContent[]): number {
    const s = this.s;
    let j = at;
    while (j < to && s.charCodeAt(j) === BACKTICK) j++;
    const len = j - at;
    let k = j;
    for (;;) {
      k = s.indexOf("`", k);
      if (k < 0 || k >= to) bail();
      let e = k;
      while (e < to && s.charCodeAt(e) === BACKTICK) e++;
      if (e - k === len) break;
      k = e;
    }
    let value = s.slice(j, k);
    // No line endings; no `\|`, which a table cell's code reads as `|`.
    if (value.includes("\n") || value.includes("\\|")) bail();
    if (value.length > 2 && value.startsWith(" ") && value.endsWith(" ") && /[^ ]/.test(value)) {
      value = value.slice(1, -1);
    }
    out.push({ type: "inlineCode", value, position: this.span(at, k + len) });
    return k + len;
  }

  /**
   * An inline link `[text](url)` or image `![alt](url "title")` starting at `at`, with plain
   * text, a destination without spaces, parentheses, `<` or backslashes (or in `<…>` without
   * `<`, `>` or backslashes), and an optional double-quoted title; returns the offset after it.
   */
  private link(at: number, to: number, image: boolean, out: PhrasingContent[]): number {
    const s = this.s;
    const labelFrom = at + (image ? 2 : 1);
    let j = labelFrom;
    for (; j < to; j++) {
      const c = s.charCodeAt(j);
      if (c === BRACKET_CLOSE) break;
      if (c === BRACKET_OPEN || c === LF || c === BACKTICK || c === LT) bail();
      if (c === BACKSLASH && isAsciiPunctuation(s.charCodeAt(j + 1))) j++;
    }
    if (j + 1 >= to || s.charCodeAt(j + 1) !== PAREN_OPEN) bail();
    // The destination: plain, or in `<…>` (spaces and parentheses allowed) when it starts so.
    const enclosed = s.charCodeAt(j + 2) === LT;
    const urlFrom = j + (enclosed ? 3 : 2);
    let k = urlFrom;
    for (; k < to; k++) {
      const c = s.charCodeAt(k);
      if (enclosed ? c === GT : c === PAREN_CLOSE || c === SPACE) break;
      if (c < SPACE || c === LT || c === BACKSLASH) bail();
      if (c === PAREN_OPEN && !enclosed) bail();
      if (c === AMP) {
        CHAR_REF.lastIndex = k;
        if (CHAR_REF.test(s)) bail();
      }
    }
    const url = s.slice(urlFrom, k);
    if (enclosed) k++;
    if (k >= to) bail();
    // An empty plain destination before a title would read the title as the destination.
    if (!enclosed && url === "" && s.charCodeAt(k) !== PAREN_CLOSE) bail();
    let title: string | null = null;
    let end: number;
    if (s.charCodeAt(k) === PAREN_CLOSE) {
      end = k + 1;
    } else {
      if (s.charCodeAt(k) !== SPACE || s.charCodeAt(k + 1) !== QUOTE) bail();
      const t = s.indexOf('"', k + 2);
      if (t < 0 || t + 1 >= to || s.charCodeAt(t + 1) !== PAREN_CLOSE) bail();
      // An empty title is no title.
      title = t === k + 2 ? null : s.slice(k + 2, t);
      if (/[\\\n]|&#?[A-Za-z0-9]+;/.test(title ?? "")) bail();
      end = t + 2;
    }
    const children = labelFrom < j ? this.inline(labelFrom, j, true) : [];
    const position = this.span(at, end);
    if (image) {
      const alt = children.length === 0 ? "" : (children[0] as Text).value;
      out.push({ type: "image", title, url, alt, position });
    } else {
      out.push({ type: "link", title, url, children, position });
    }
    return end;
  }
}
