// Reads a CSV measure-data file (DESIGN §3.3) into data rows, streaming: decode (decode.ts),
// sniff the delimiter from the header line, split records with the fast tokenizer
// (csv-tokenizer.ts) and hand over to csv-parse (the only importer; no `cast`) at the first
// record the tokenizer does not read, so errors are csv-parse's own; map header aliases and the
// config `columns:` renames, convert cells in our own loop, and report syntax errors, ragged
// rows, missing and unknown columns with line and column. csv-parse's parser core
// (`Parser#api.parse`) is fed the chunks directly: the Transform stream around it is slower.
import { Buffer } from "node:buffer";
import { Parser, type CsvError } from "csv-parse";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../schema/validate.js";
import { CsvTokenizer } from "./csv-tokenizer.js";
import {
  binaryDiagnostic,
  decodedText,
  isStop,
  streamDecoder,
  type Decoded,
  type Encoding,
} from "./decode.js";
import {
  DiagnosticCap,
  buildRow,
  cellNames,
  dateColumn,
  type CellName,
  type ReadDataRow,
  type RowCells,
  type RowContext,
  type ValueProblem,
} from "./values.js";

export interface CsvOptions {
  /** Our column name → the header in the file (config `columns:`). */
  columns?: Record<string, string>;
  dateFormat: "dmy" | "mdy";
  maxRows: number;
  /** Measure id for a file with no measure column (a one-measure file). */
  defaultMeasure?: string;
  /** Spotlight id for a file with no spotlight column. */
  defaultSpotlight?: string;
  /**
   * Hands each row over as it is read instead of keeping it (the returned `rows` stay empty),
   * so a caller that keeps less per row (`analyse` on a large file) holds less memory. The
   * rows' cell columns are not worked out in this mode.
   */
  onRow?: (row: ReadDataRow) => void;
  /** Reads with csv-parse alone, without the fast tokenizer (tests compare the two). */
  csvParseOnly?: boolean;
}

export interface DataRead {
  rows: ReadDataRow[];
  diagnostics: Diagnostic[];
}

const fields: readonly CellName[] = cellNames;

/** Header names (lower case, without spaces, `_`, `-` and `.`) that mean one of our columns. */
const aliases: Record<string, CellName> = {
  spotlight: "spotlight",
  spotlightid: "spotlight",
  project: "spotlight",
  projectid: "spotlight",
  measure: "measure",
  measureid: "measure",
  metric: "measure",
  metricid: "measure",
  indicator: "measure",
  indicatorid: "measure",
  date: "date",
  period: "date",
  periodstart: "date",
  month: "date",
  week: "date",
  weekstarting: "date",
  weekcommencing: "date",
  day: "date",
  quarter: "date",
  value: "value",
  val: "value",
  result: "value",
  numerator: "numerator",
  num: "numerator",
  denominator: "denominator",
  den: "denominator",
  denom: "denominator",
  note: "note",
  notes: "note",
  annotation: "note",
  annotations: "note",
  comment: "note",
  comments: "note",
};

/**
 * Header normalisation: case-insensitive, ignoring spaces, underscores, hyphens, dots and a
 * unit in brackets, so `Value (%)`, `period_start` and `Period Start` all match.
 */
export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, "")
    .replace(/[\s_.-]+/g, "");
}

const delimiters = [",", "\t", ";", "|"] as const;

/** The delimiter of a header line: the most frequent of , tab ; | outside quotes (ties: that order). */
export function sniffDelimiter(headerLine: string): string {
  const counts = [0, 0, 0, 0];
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      const k = delimiters.indexOf(c as (typeof delimiters)[number]);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if (counts[k]! > counts[best]!) best = k;
  return delimiters[best]!;
}

/** Largest record csv-parse will buffer: an unclosed quote cannot swallow the whole file. */
const MAX_RECORD_CHARS = 1 << 20;

/** The 1-based character column where field `index` starts, given the fields before it. */
function fieldColumn(rec: readonly string[], index: number, delimiter: string): number {
  let col = 1;
  for (let j = 0; j < index && j < rec.length; j++) {
    const f = rec[j]!;
    col += f.length + 1;
    if (f.includes('"') || f.includes(delimiter) || f.includes("\n") || f.includes("\r")) {
      col += 2 + f.split('"').length - 1;
    }
  }
  return col;
}

/** A diagnostic to re-place at the start of field `field` (or the record's end) of its line. */
interface Fixup {
  d: Diagnostic;
  field: number;
  end: boolean;
  /** Characters after the field's start (a stray quote inside the field). */
  shift: number;
}

/** Where each of our columns is in the file, after aliases and renames. */
type ColumnMap = Partial<Record<CellName, number>>;

/** One CSV file being read: header, line counting and row conversion, fed record by record. */
class CsvTable {
  readonly rows: ReadDataRow[] = [];
  /** Rows read (kept, or handed to onRow). */
  private rowCount = 0;
  readonly diagnostics: Diagnostic[];
  /** Line on which the next record starts. */
  line = 1;
  stopped = false;
  private header: string[] | undefined;
  private map: ColumnMap = {};
  /** Number of header cells up to the last named one. */
  private width = 0;
  private rec: readonly string[] = [];
  /** Data records seen (not empty, not the header), used or not. */
  private dataRecords = 0;
  private recLine = 1;
  private readonly ctx: RowContext;
  /** Diagnostics whose column assumed no quotes, with the field they point at. */
  readonly fixups: Fixup[] = [];
  private readonly cap = new DiagnosticCap();
  private readonly cells: RowCells = {};

  constructor(
    private readonly file: string,
    readonly delimiter: string,
    private readonly opts: CsvOptions,
    diagnostics: Diagnostic[],
  ) {
    this.diagnostics = diagnostics;
    const problem = (field: CellName, p: ValueProblem): void => this.cellProblem(field, p);
    this.ctx = {
      file,
      decimalComma: delimiter === ";",
      dates: dateColumn(opts.dateFormat),
      problem,
    };
    if (opts.defaultMeasure !== undefined) this.ctx.defaultMeasure = opts.defaultMeasure;
    if (opts.defaultSpotlight !== undefined) this.ctx.defaultSpotlight = opts.defaultSpotlight;
  }

  private add(init: Parameters<typeof diagnostic>[0]): void {
    const d = diagnostic(init);
    if (this.cap.admit(d)) this.diagnostics.push(d);
  }

  /** Adds a diagnostic at a field of the current record; placed exactly later if quotes were used. */
  private addAt(init: Parameters<typeof diagnostic>[0], field: number, end = false): void {
    const d = diagnostic(init);
    if (!this.cap.admit(d)) return;
    this.diagnostics.push(d);
    this.fixups.push({ d, field, end, shift: 0 });
  }

  private cellProblem(field: CellName, p: ValueProblem): void {
    const index = this.map[field];
    const column = index === undefined ? 1 : fieldColumn(this.rec, index, this.delimiter);
    const d: Parameters<typeof diagnostic>[0] = {
      code: p.code,
      severity: p.severity,
      message: p.message,
      file: this.file,
      line: this.recLine,
      column,
      path: [this.recLine, field],
    };
    if (p.hint !== undefined) d.hint = p.hint;
    if (index === undefined) this.add(d);
    else this.addAt(d, index);
  }

  /** Handles one parsed record; `breaks`, when known, is the number of line breaks in its fields. */
  record(rec: string[], breaks?: number): void {
    if (this.stopped) return;
    const line = this.line;
    this.line++;
    // Fully empty rows (blank lines, rows of delimiters) are an Excel habit: skipped silently.
    let empty = true;
    if (breaks !== undefined) {
      this.line += breaks;
      for (let j = 0; j < rec.length && empty; j++) {
        const f = rec[j]!;
        if (f.length > 0 && f.trim().length > 0) empty = false;
      }
    } else {
      for (let j = 0; j < rec.length; j++) {
        const f = rec[j]!;
        if (f.length === 0) continue;
        if (empty && f.trim().length > 0) empty = false;
        if (f.includes("\n") || f.includes("\r")) this.line += lineBreaks(f);
      }
    }
    if (empty) return;
    this.rec = rec;
    this.recLine = line;
    if (this.header === undefined) {
      this.readHeader(rec, line);
      return;
    }
    this.dataRecords++;
    this.dataRecord(rec, line);
  }

  private readHeader(rec: string[], line: number): void {
    this.header = rec;
    let width = rec.length;
    while (width > 0 && rec[width - 1]!.trim() === "") width--;
    this.width = width;
    const renames = new Map<string, CellName>();
    for (const [ours, theirs] of Object.entries(this.opts.columns ?? {})) {
      if ((fields as readonly string[]).includes(ours)) {
        renames.set(normaliseHeader(theirs), ours as CellName);
      }
    }
    const unknown: number[] = [];
    const byAlias: ColumnMap = {};
    for (let j = 0; j < width; j++) {
      const name = normaliseHeader(rec[j]!);
      const renamed = renames.get(name);
      if (renamed !== undefined && this.map[renamed] === undefined) {
        this.map[renamed] = j;
        continue;
      }
      const alias = aliases[name];
      if (alias !== undefined && byAlias[alias] === undefined) byAlias[alias] = j;
      else unknown.push(j);
    }
    // Aliases fill what the renames did not.
    for (const f of fields) {
      const j = byAlias[f];
      if (j === undefined) continue;
      if (this.map[f] === undefined) this.map[f] = j;
      else unknown.push(j);
    }
    unknown.sort((a, b) => a - b);
    for (const j of unknown) this.unknownColumn(rec, j, line);
    this.checkRequired(line);
  }

  private unknownColumn(rec: string[], j: number, line: number): void {
    const raw = rec[j]!.trim();
    const name = normaliseHeader(raw);
    const taken = aliases[name] ?? (fields as readonly string[]).find((f) => f === name);
    const close = taken === undefined ? closestField(name) : undefined;
    const init: Parameters<typeof diagnostic>[0] = {
      code: "csv.unknown_column",
      severity: close !== undefined ? "warning" : "info",
      message:
        raw === ""
          ? `column ${j + 1} has no header; it is ignored`
          : taken !== undefined
            ? `column "${raw}" repeats the ${taken} column; it is ignored`
            : `column "${raw}" is not a known column; it is ignored`,
      file: this.file,
      line,
      column: fieldColumn(rec, j, this.delimiter),
      path: [line, raw],
    };
    if (close !== undefined) init.hint = `Did you mean "${close}"?`;
    else
      init.hint = `Known columns: ${fields.join(", ")}; rename others with columns: in the config.`;
    this.addAt(init, j);
  }

  private checkRequired(line: number): void {
    const missing: string[] = [];
    if (this.map.measure === undefined && this.opts.defaultMeasure === undefined) {
      missing.push("measure");
    }
    if (this.map.date === undefined) missing.push("date");
    if (
      this.map.value === undefined &&
      (this.map.numerator === undefined || this.map.denominator === undefined)
    ) {
      missing.push("value");
    }
    for (const m of missing) {
      const renamed = this.opts.columns?.[m];
      this.add({
        code: "csv.missing_column",
        message: `the header has no ${m} column${renamed ? ` (columns: maps it to "${renamed}")` : ""}`,
        file: this.file,
        line,
        column: 1,
        path: [line],
        hint:
          m === "value"
            ? "Add a value column, or numerator and denominator columns."
            : `Add a ${m} column, or map your column to it with columns: { ${m}: <your header> } in the config.`,
        expected: [m],
      });
    }
    if (missing.length > 0) this.stopped = true;
  }

  private dataRecord(rec: string[], line: number): void {
    if (rec.length < this.width || (rec.length > this.width && !emptyFrom(rec, this.width))) {
      const short = rec.length < this.width;
      const column = short
        ? fieldColumn(rec, rec.length, this.delimiter) - 1
        : fieldColumn(rec, this.width, this.delimiter);
      this.addAt(
        {
          code: "csv.ragged_row",
          message: `row has ${rec.length} fields but the header has ${this.width}; the row is ignored`,
          file: this.file,
          line,
          column: Math.max(1, column),
          path: [line],
          hint: short
            ? "Add the missing fields (empty ones are fine), or check for a stray line break."
            : "Quote fields that contain the delimiter, or remove the extra fields.",
        },
        short ? rec.length : this.width,
        short,
      );
      return;
    }
    const first = rec[0]!.trim().toLowerCase();
    if (first === "total" || first === "totals" || first === "grand total") {
      this.add({
        code: "data.total_row",
        severity: "warning",
        message: `row starting "${rec[0]!.trim()}" looks like a total; it is ignored`,
        file: this.file,
        line,
        column: 1,
        path: [line],
        hint: "Keep one row per measure per period; delete total rows.",
      });
      return;
    }
    const m = this.map;
    // One cells object for every row (buildRow keeps nothing of it): less garbage.
    const cells = this.cells;
    cells.spotlight = m.spotlight === undefined ? undefined : rec[m.spotlight];
    cells.measure = m.measure === undefined ? undefined : rec[m.measure];
    cells.date = rec[m.date!];
    cells.value = m.value === undefined ? undefined : rec[m.value];
    cells.numerator = m.numerator === undefined ? undefined : rec[m.numerator];
    cells.denominator = m.denominator === undefined ? undefined : rec[m.denominator];
    cells.note = m.note === undefined ? undefined : rec[m.note];
    const row = buildRow(this.ctx, line, cells);
    if (row === undefined) return;
    if (this.rowCount >= this.opts.maxRows) {
      this.add({
        code: "data.too_many_rows",
        message: `file has more than ${this.opts.maxRows} data rows; reading stopped at line ${line}`,
        file: this.file,
        line,
        column: 1,
        path: [line],
        hint: "Split the data into several files, or raise limits.max_rows in the config.",
      });
      this.stopped = true;
      return;
    }
    this.rowCount += 1;
    if (this.opts.onRow) {
      this.opts.onRow(row);
      return;
    }
    row.dateColumn = fieldColumn(rec, m.date!, this.delimiter);
    if (m.measure !== undefined) row.measureColumn = fieldColumn(rec, m.measure, this.delimiter);
    if (m.spotlight !== undefined) {
      row.spotlightColumn = fieldColumn(rec, m.spotlight, this.delimiter);
    }
    this.rows.push(row);
  }

  /** Summaries of the diagnostics left out by the cap. */
  summarise(): void {
    this.diagnostics.push(...this.cap.summaries());
  }

  /** At the end of the file: empty file, header only. */
  finish(): void {
    if (this.stopped) return;
    if (this.header === undefined) {
      this.add({
        code: "file.empty",
        message: "the data file is empty",
        file: this.file,
        line: 1,
        column: 1,
        hint: "Add a header line and one row per measure per period.",
      });
    } else if (this.dataRecords === 0) {
      this.add({
        code: "csv.header_only",
        message: "the data file has a header but no data rows",
        file: this.file,
        line: 1,
        column: 1,
        hint: "Add one row per measure per period under the header.",
      });
    }
  }
}

/** Line breaks in a text: \r\n, \n and a lone \r each count once. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function emptyFrom(rec: readonly string[], from: number): boolean {
  for (let j = from; j < rec.length; j++) if (rec[j]!.trim() !== "") return false;
  return true;
}

function closestField(name: string): string | undefined {
  const hit = didYouMean(name, [...fields, ...Object.keys(aliases)]);
  return hit === undefined ? undefined : (aliases[hit] ?? hit);
}

/** The parts of csv-parse's internal API we use: its parser core, fed chunk by chunk. */
export interface ParserCore {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): CsvError | undefined;
}

export function parserCore(delimiter: string): ParserCore {
  const parser = new Parser({
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    bom: false,
    max_record_size: MAX_RECORD_CHARS,
    // Any line end ends a record, so mixed line ends (concatenated files) still count right.
    record_delimiter: ["\r\n", "\n", "\r"],
  });
  const core = (parser as unknown as { api?: ParserCore }).api;
  if (core === undefined || typeof core.parse !== "function") {
    throw new Error("csv-parse internals changed: Parser.api.parse is missing");
  }
  return core;
}

/**
 * A decoded piece as text, as csv-parse would see it: it reads UTF-8 bytes, so a lone surrogate
 * (only in UTF-16 files) reads as U+FFFD.
 */
function decodedString(d: Decoded): string {
  if (typeof d !== "string") return decodedText(d);
  return /[\uD800-\uDFFF]/.test(d) ? Buffer.from(d, "utf8").toString("utf8") : d;
}

const toBuffer = (d: Decoded): Buffer =>
  typeof d === "string"
    ? Buffer.from(d, "utf8")
    : Buffer.from(d.buffer, d.byteOffset, d.byteLength);

/** The header line of the text seen so far, or undefined when no line end has been seen yet. */
function headerLine(pieces: readonly Decoded[], end: boolean): string | undefined {
  let head = "";
  for (const p of pieces) {
    head +=
      typeof p === "string" ? p : toBuffer(p).toString("latin1", 0, Math.min(p.length, 1 << 16));
    const body = head.replace(/^[\r\n]+/, "");
    const nl = body.search(/[\r\n]/);
    if (nl >= 0) return body.slice(0, nl);
    if (head.length >= 1 << 16) return head;
  }
  return end ? head : undefined;
}

/**
 * Reads CSV data. `open` opens the file as a stream of chunks; it is called again when the
 * file turns out not to be UTF-8 after its first chunk, and to locate a syntax error.
 */
export async function readCsv(
  open: () => AsyncIterable<Uint8Array>,
  file: string,
  opts: CsvOptions,
): Promise<DataRead> {
  const first = await readCsvOnce(open, file, opts);
  if (first !== "restart") return first;
  const again = await readCsvOnce(open, file, opts, "windows-1252");
  return again === "restart" ? { rows: [], diagnostics: [binaryDiagnostic(file)] } : again;
}

async function readCsvOnce(
  open: () => AsyncIterable<Uint8Array>,
  file: string,
  opts: CsvOptions,
  forced?: Encoding,
): Promise<DataRead | "restart"> {
  const diagnostics: Diagnostic[] = [];
  const decoder = streamDecoder(file, diagnostics, forced);
  let table: CsvTable | undefined;
  let tokenizer: CsvTokenizer | undefined;
  // csv-parse, once the tokenizer has handed over a record it does not read.
  let core: ParserCore | undefined;
  let push: ((r: string[]) => void) | undefined;
  const held: Decoded[] = [];
  let error: CsvError | undefined;
  let sawQuote = false;

  const read = (t: CsvTable, d: Decoded, end: boolean): void => {
    if (core === undefined) {
      const rest = tokenizer!.push(decodedString(d), end, t);
      if (rest === undefined) return;
      core = parserCore(t.delimiter);
      // csv-parse starts on the same line number: as many empty records first, dropped.
      let skip = tokenizer!.lines - 1;
      push = (r) => {
        if (skip > 0) skip--;
        else t.record(r);
      };
      error = core.parse(Buffer.from("\n".repeat(skip) + rest, "utf8"), false, push, noop);
    } else if (d.length > 0) {
      error = core.parse(toBuffer(d), false, push!, noop);
    }
    if (error === undefined && end && !t.stopped) error = core.parse(undefined, true, push!, noop);
  };

  const feed = (d: Decoded, end: boolean): void => {
    if (!sawQuote && d.length > 0)
      sawQuote = typeof d === "string" ? d.includes('"') : toBuffer(d).indexOf(34) >= 0;
    if (table === undefined) {
      if (d.length > 0) held.push(d);
      const header = headerLine(held, end);
      if (header === undefined) return;
      const t = new CsvTable(file, sniffDelimiter(header), opts, diagnostics);
      table = t;
      tokenizer = new CsvTokenizer(t.delimiter);
      if (opts.csvParseOnly) {
        core = parserCore(t.delimiter);
        push = (r) => t.record(r);
      }
      for (const p of held.splice(0)) {
        read(t, p, false);
        if (error !== undefined || t.stopped) return;
      }
      if (end) read(t, "", true);
    } else read(table, d, end);
  };

  const stream = open();
  for await (const chunk of stream) {
    const d = decoder.push(chunk);
    if (isStop(d)) {
      if (d.stop === "restart") return "restart";
      diagnostics.push(binaryDiagnostic(file));
      return { rows: [], diagnostics };
    }
    feed(d, false);
    if (error !== undefined || (table?.stopped ?? false)) break;
  }
  if (error === undefined && !(table?.stopped ?? false)) {
    const d = decoder.end();
    if (isStop(d)) {
      if (d.stop === "restart") return "restart";
      diagnostics.push(binaryDiagnostic(file));
      return { rows: [], diagnostics };
    }
    feed(d, true);
  }
  const t = table ?? new CsvTable(file, ",", opts, diagnostics);
  // A stop (missing column, too many rows) comes before any syntax error csv-parse met later
  // in the same chunk; reading had ended there, so that error is not reported.
  if (error !== undefined && !t.stopped) t.fixups.push(syntaxDiagnostic(error, t, file));
  else t.finish();
  if (sawQuote && t.fixups.length > 0) {
    await placeFixups(open, file, decoder.encoding(), t.delimiter, t.fixups);
  }
  if (error !== undefined && !t.stopped) diagnostics.push(t.fixups[t.fixups.length - 1]!.d);
  t.summarise();
  return { rows: t.rows, diagnostics };
}

const noop = (): void => {};

/** Turns a csv-parse error into `csv.syntax`, to be placed where the bad field starts. */
function syntaxDiagnostic(err: CsvError, table: CsvTable, file: string): Fixup {
  const info = err as CsvError & { lines?: number; column?: number | string; field?: string };
  const unclosed = err.code === "CSV_QUOTE_NOT_CLOSED" || err.code === "CSV_MAX_RECORD_SIZE";
  const line = unclosed ? table.line : (info.lines ?? table.line);
  const message =
    err.code === "CSV_QUOTE_NOT_CLOSED"
      ? "a quoted field is never closed"
      : err.code === "CSV_MAX_RECORD_SIZE"
        ? "a quoted field runs on for more than a million characters (an unclosed quote?)"
        : err.code === "INVALID_OPENING_QUOTE"
          ? "a quote appears inside a field that does not start with a quote"
          : err.code === "CSV_INVALID_CLOSING_QUOTE"
            ? "a quoted field has text after its closing quote"
            : `the CSV cannot be parsed (${err.message})`;
  const d = diagnostic({
    code: "csv.syntax",
    message: `${message}; reading stopped here`,
    file,
    line,
    column: 1,
    path: [line],
    hint: 'Close the quote, or double quotes inside a quoted field ("").',
  });
  return {
    d,
    field: typeof info.column === "number" ? info.column : 0,
    end: false,
    shift: err.code === "INVALID_OPENING_QUOTE" ? (info.field?.length ?? 0) : 0,
  };
}

/** Where the fields of one record start, and where the record ends. */
interface RecordLayout {
  starts: { line: number; column: number }[];
  end: { line: number; column: number };
}

/**
 * Lays out the record that starts at `text[from]` on line `line`, honouring quotes; undefined
 * when the text ends inside the record and more may follow.
 */
function scanRecord(
  text: string,
  from: number,
  line: number,
  delimiter: string,
  eof: boolean,
): RecordLayout | undefined {
  const starts = [{ line, column: 1 }];
  let column = 1;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        i++;
        column += 2;
        continue;
      }
      if (c === '"') quoted = false;
      if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
        line++;
        column = 1;
      } else column++;
      continue;
    }
    if (c === "\n" || c === "\r") return { starts, end: { line, column } };
    if (c === '"') quoted = true;
    else if (c === delimiter) starts.push({ line, column: column + 1 });
    column++;
  }
  return eof ? { starts, end: { line, column } } : undefined;
}

/** Index after the next line break from `pos`, or -1 (also when a \r ends the text before EOF). */
function nextLine(text: string, pos: number, eof: boolean): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) {
      if (i + 1 < text.length) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      return eof ? i + 1 : -1;
    }
  }
  return -1;
}

/**
 * Re-reads the file to put each fixup at the exact line and column of its field: needed only
 * when the file uses quotes, since otherwise the columns counted from the fields are exact.
 */
async function placeFixups(
  open: () => AsyncIterable<Uint8Array>,
  file: string,
  encoding: Encoding | undefined,
  delimiter: string,
  fixups: Fixup[],
): Promise<void> {
  const byLine = new Map<number, Fixup[]>();
  for (const f of fixups) {
    const line = f.d.line ?? 1;
    byLine.set(line, [...(byLine.get(line) ?? []), f]);
  }
  const decoder = streamDecoder(file, [], encoding);
  let text = "";
  let line = 1;
  const place = (eof: boolean): boolean => {
    let pos = 0;
    while (byLine.size > 0) {
      const wanted = byLine.get(line);
      if (wanted !== undefined) {
        const layout = scanRecord(text, pos, line, delimiter, eof);
        if (layout === undefined) break;
        for (const f of wanted) {
          const at = f.end ? layout.end : (layout.starts[f.field] ?? layout.end);
          f.d.line = at.line;
          f.d.column = at.column + f.shift;
        }
        byLine.delete(line);
      }
      const next = nextLine(text, pos, eof);
      if (next < 0) break;
      pos = next;
      line++;
    }
    text = text.slice(pos);
    return byLine.size === 0;
  };
  for await (const chunk of open()) {
    const d = decoder.push(chunk);
    if (isStop(d)) return;
    text += decodedText(d);
    if (place(false)) return;
  }
  const d = decoder.end();
  if (!isStop(d)) text += decodedText(d);
  place(true);
}
