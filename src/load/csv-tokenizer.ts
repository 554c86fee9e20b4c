// A fast CSV tokenizer for decoded text, for the common case: one-character delimiter, RFC 4180
// quotes ("" inside a quoted field), and \r\n, \n or a lone \r ending a record. It yields exactly
// the records csv-parse yields with csv.ts's options; at anything csv-parse would stop at or
// treat specially (a quote out of place, an unclosed quote, a record near its size limit) it
// hands back the text from the start of that record, so csv-parse can read it and report.

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Receives the records; `breaks` counts the line breaks inside the record's quoted fields. */
export interface RecordSink {
  record(rec: string[], breaks: number): void;
  readonly stopped: boolean;
}

/** Characters a record may span before the rest is left to csv-parse (its limit is in bytes). */
const LONG_RECORD = (1 << 20) / 4;

export class CsvTokenizer {
  /**
   * csv-parse's line count at the start of the text not yet read: every \r and \n inside
   * quoted fields counts once, and so does each record end (\r\n, \n or \r).
   */
  lines = 1;
  private rest = "";
  private readonly delimiter: number;
  private readonly delimiterText: string;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
  }

  /**
   * Reads the records of `chunk` (after what was left unread by the last call) into `sink`.
   * Returns undefined when done, or the text from the start of the first record this tokenizer
   * does not read; `lines` is then csv-parse's line count at that record's start. Stops early
   * (and returns undefined) once `sink.stopped`.
   */
  push(chunk: string, end: boolean, sink: RecordSink): string | undefined {
    const text = this.rest.length === 0 ? chunk : this.rest + chunk;
    const n = text.length;
    const delim = this.delimiter;
    let pos = 0;
    // Where the next \n, \r, quote and delimiter are (n: none), found again once passed, so
    // each character is searched once whatever the lines hold.
    let nextLF = -1;
    let nextCR = -1;
    let nextQuote = -1;
    let nextDelim = -1;
    // Each pass reads one record starting at `pos`; `break records` leaves it for later.
    records: while (pos < n && !sink.stopped) {
      const start = pos;
      // Fast path: a whole line with no quote, ending in \n or \r\n.
      if (nextLF < pos) nextLF = found(text.indexOf("\n", pos), n);
      if (nextCR < pos) nextCR = found(text.indexOf("\r", pos), n);
      if (nextQuote < pos) nextQuote = found(text.indexOf('"', pos), n);
      const lf = nextLF;
      if (lf < n && nextQuote > lf && (nextCR > lf || nextCR === lf - 1)) {
        const lineEnd = nextCR === lf - 1 ? lf - 1 : lf;
        const rec: string[] = [];
        let i = pos;
        for (;;) {
          if (nextDelim < i) nextDelim = found(text.indexOf(this.delimiterText, i), n);
          if (nextDelim >= lineEnd) break;
          rec.push(own(text.slice(i, nextDelim)));
          i = nextDelim + 1;
        }
        rec.push(own(text.slice(i, lineEnd)));
        if (lf - start > LONG_RECORD) return this.fallBack(text, start);
        pos = lf + 1;
        this.lines++;
        sink.record(rec, 0);
        continue;
      }
      const rec: string[] = [];
      let breaks = 0;
      let quotedBreaks = 0;
      let i = pos;
      for (;;) {
        if (i < n && text.charCodeAt(i) === QUOTE) {
          // A quoted field: up to the quote that is not doubled.
          let value = "";
          let from = i + 1;
          let q = from;
          for (;;) {
            q = text.indexOf('"', q);
            if (q < 0 || (q + 1 === n && !end)) {
              if (end) return this.fallBack(text, start);
              break records;
            }
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(from, q + 1);
              q += 2;
              from = q;
              continue;
            }
            break;
          }
          value += text.slice(from, q);
          for (let k = i + 1; k < q; k++) {
            const c = text.charCodeAt(k);
            if (c === LF) {
              quotedBreaks++;
              breaks++;
            } else if (c === CR) {
              quotedBreaks++;
              if (text.charCodeAt(k + 1) !== LF) breaks++;
            }
          }
          rec.push(own(value));
          i = q + 1;
          if (i === n) {
            if (!end) break records;
            pos = i;
            this.lines += quotedBreaks;
            sink.record(rec, breaks);
            continue records;
          }
          const c = text.charCodeAt(i);
          if (c === delim) {
            i++;
            continue;
          }
          if (c !== CR && c !== LF) return this.fallBack(text, start);
        } else {
          // An unquoted field: up to the delimiter or the line end; a quote in it is an error.
          let c = 0;
          let k = i;
          for (; k < n; k++) {
            c = text.charCodeAt(k);
            if (c === delim || c === CR || c === LF || c === QUOTE) break;
          }
          if (k === n) {
            if (!end) break records;
            // The last record, with no line end after it.
            if (k > i || rec.length > 0) rec.push(own(text.slice(i, k)));
            pos = n;
            if (rec.length > 0) {
              this.lines += quotedBreaks;
              sink.record(rec, breaks);
            }
            continue records;
          }
          if (c === QUOTE) return this.fallBack(text, start);
          rec.push(own(text.slice(i, k)));
          i = k;
          if (c === delim) {
            i++;
            continue;
          }
        }
        // The record ends at text[i], a \r or \n.
        if (text.charCodeAt(i) === CR) {
          if (i + 1 === n && !end) break records;
          i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        break;
      }
      if (i - start > LONG_RECORD) return this.fallBack(text, start);
      pos = i;
      this.lines += quotedBreaks + 1;
      sink.record(rec, breaks);
    }
    this.rest = pos < n ? text.slice(pos) : "";
    if (this.rest.length > LONG_RECORD) return this.fallBack(this.rest, 0);
    return undefined;
  }

  private fallBack(text: string, start: number): string {
    this.rest = "";
    return text.slice(start);
  }
}

/** An indexOf result, with `none` for not found. */
const found = (at: number, none: number): number => (at < 0 ? none : at);

/**
 * `s` in memory of its own. V8 makes a slice of 13 or more characters point into the text it
 * was cut from, so a kept field (an id, a note, a diagnostic's message) would keep a whole chunk
 * of the file alive; a short one is a copy already.
 */
const own = (s: string): string => (s.length < 13 ? s : (s + " ").slice(0, -1));
