// Pure parsers for the cells of measure data (DESIGN §3.3): numbers (thousands separators,
// percent, currency, decimal commas, missing markers, Excel errors) and dates (one format per
// file column, detected from its first value and never guessed per value; nothing rolls over).
// Hot path: plain values are checked with char codes and allocate nothing. Also turns the cells
// of one row into a data row (buildRow), shared by the CSV and YAML readers.
import { MONTH_NUMBERS } from "../common/calendar.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isRealDate } from "../schema/fields.js";
import type { DataRow } from "./types.js";

/** Why a cell could not be read. `severity` warning means the cell still counts as missing. */
export interface ValueProblem {
  code: DiagnosticCode;
  severity: "error" | "warning";
  message: string;
  hint?: string;
}

export function isProblem(v: unknown): v is ValueProblem {
  return typeof v === "object" && v !== null && "code" in v;
}

// DESIGN §3.3 markers, plus NULL from SQL warehouse exports.
const missingMarkers = new Set(["", "na", "n/a", "-", "null"]);
const excelErrors = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#N/A!",
]);
const nonFiniteWords = new Set([
  "nan",
  "infinity",
  "-infinity",
  "+infinity",
  "inf",
  "-inf",
  "+inf",
]);

/** 10^0 … 10^15, each exact as a double. */
const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/** True for the ASCII digits 0-9. */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function bad(text: string, hint?: string): ValueProblem {
  const p: ValueProblem = {
    code: "data.bad_number",
    severity: "error",
    message: `value "${text}" is not a number`,
  };
  if (hint !== undefined) p.hint = hint;
  return p;
}

/**
 * Reads a number cell. Returns the number, `null` for missing (empty, NA, N/A, n/a, -, null),
 * or a problem: `data.excel_error` (warning; still missing), `data.non_finite`,
 * `data.bad_number`. `12%` reads as 12; `£1,200` as 1200; ` 1 234 ` as 1234; `-0` as 0.
 * With `decimalComma` (a `;`-delimited file) `12,5` is 12.5 and `1.234,5` is 1234.5; a lone
 * `.` is still read as a decimal point there (`12.5`), never as a thousands separator.
 */
export function parseNumber(text: string, decimalComma: boolean): number | null | ValueProblem {
  const n = text.length;
  // Fast path: digits, one optional leading '-', at most one '.'. At most 15 digits make an
  // exact integer and 10^scale is exact, so one division rounds as Number(text) does.
  if (n > 0 && n < 16) {
    const negative = text.charCodeAt(0) === 45;
    let i = negative ? 1 : 0;
    let dots = 0;
    let digits = 0;
    let mantissa = 0;
    let scale = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) {
        digits++;
        mantissa = mantissa * 10 + (c - 48);
        scale += dots;
      } else if (c === 46 && dots === 0) dots++;
      else break;
    }
    if (i === n && digits > 0) {
      const v = scale === 0 ? mantissa : mantissa / POWERS_OF_TEN[scale]!;
      return negative && v !== 0 ? -v : v;
    }
  }
  return parseNumberSlow(text, decimalComma);
}

function parseNumberSlow(text: string, decimalComma: boolean): number | null | ValueProblem {
  const t = text.trim();
  if (missingMarkers.has(t.toLowerCase())) return null;
  if (t.charCodeAt(0) === 35 /* # */ && excelErrors.has(t.toUpperCase())) {
    return {
      code: "data.excel_error",
      severity: "warning",
      message: `cell holds the Excel error ${t.toUpperCase()}; it is read as missing`,
      hint: "Fix the formula in the spreadsheet, or leave the cell empty for a missing value.",
    };
  }
  if (nonFiniteWords.has(t.toLowerCase())) return nonFinite(text);
  let s = t;
  let negative = false;
  // Sign and currency in either order: -£12, £-12, (£12) is not accepted.
  for (let k = 0; k < 3 && s.length > 0; k++) {
    const c = s.charCodeAt(0);
    if ((c === 45 || c === 0x2212) && !negative) {
      negative = true;
      s = s.slice(1).trimStart();
    } else if (c === 43 && !negative) {
      s = s.slice(1).trimStart();
    } else if (c === 0xa3 || c === 36 || c === 0x20ac) {
      s = s.slice(1).trimStart();
    } else break;
  }
  if (s.endsWith("%")) s = s.slice(0, -1).trimEnd();
  if (s.length === 0) return bad(text);
  if (nonFiniteWords.has(s.toLowerCase())) return nonFinite(text);
  const decimal = decimalComma && s.includes(",") ? 44 : 46;
  const thousands = decimal === 44 ? 46 : 44;
  // Split mantissa and exponent.
  let exp = "";
  const e = s.search(/[eE]/);
  if (e >= 0) {
    exp = s.slice(e + 1);
    s = s.slice(0, e);
    if (!/^[+-]?\d+$/.test(exp)) return bad(text);
  }
  let intPart = "";
  let frac: string | undefined;
  let group = -1; // digits since the last thousands separator, -1 = none seen yet
  let sawSeparator = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      if (frac !== undefined) frac += s[i];
      else {
        intPart += s[i];
        if (group >= 0) group++;
      }
    } else if (c === decimal && frac === undefined) {
      if (sawSeparator && group !== 3) return bad(text, thousandsHint(decimalComma));
      frac = "";
    } else if (
      frac === undefined &&
      (c === thousands || c === 32 || c === 0xa0 || c === 0x202f || c === 39)
    ) {
      if (intPart.length === 0 || (sawSeparator ? group !== 3 : intPart.length > 3)) {
        return bad(text, thousandsHint(decimalComma));
      }
      sawSeparator = true;
      group = 0;
    } else {
      return bad(text, c === 44 && !decimalComma ? thousandsHint(false) : undefined);
    }
  }
  if (sawSeparator && frac === undefined && group !== 3) {
    return bad(text, thousandsHint(decimalComma));
  }
  if (intPart.length === 0 && (frac === undefined || frac.length === 0)) return bad(text);
  const value = Number(
    `${negative ? "-" : ""}${intPart || "0"}.${frac ?? ""}${exp ? `e${exp}` : ""}`,
  );
  if (!Number.isFinite(value)) return nonFinite(text);
  return value + 0;
}

function thousandsHint(decimalComma: boolean): string {
  return decimalComma
    ? "In a ;-separated file write decimals with a comma (12,5) and thousands as 1.234 or 1 234."
    : "Write decimals with a point (12.5); a comma is only read as a thousands separator (1,234).";
}

function nonFinite(text: string): ValueProblem {
  return {
    code: "data.non_finite",
    severity: "error",
    message: `value "${text}" is not a finite number`,
    hint: "Give a real number, or leave the cell empty for a missing value.",
  };
}

// ---------------------------------------------------------------- dates

/** The format of one date column, fixed by its first value. */
export type DateKind =
  | "YYYY-MM-DD"
  | "YYYY-MM"
  | "DD/MM/YYYY"
  | "MM/DD/YYYY"
  | "DD-MM-YYYY"
  | "MM-DD-YYYY"
  | "DD.MM.YYYY"
  | "Mon YYYY"
  | "DD Mon YYYY"
  | "YYYY-Qn";

/** Mutable state of one date column: the day/month order to use and the detected format. */
export interface DateColumn {
  order: "dmy" | "mdy";
  kind?: DateKind;
  /** Line of the value that fixed the format, for messages. */
  setAt?: number;
}

export function dateColumn(order: "dmy" | "mdy"): DateColumn {
  return { order };
}

const monthNames = MONTH_NUMBERS;

const timeSuffix = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const isoRe = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${timeSuffix}$`);
const isoMonthRe = /^(\d{4})-(\d{1,2})$/;
const numericRe = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})${timeSuffix}$`);
const monYearRe = /^([A-Za-z]{3,9})\.?[ \-/]?(\d{2}|\d{4})$/;
const dayMonYearRe = /^(\d{1,2})[ \-/]([A-Za-z]{3,9})\.?[ \-/](\d{2}|\d{4})$/;
const quarterRe = /^(?:(\d{4})[ -]?Q([1-4])|Q([1-4])[ -]?(\d{4}))$/i;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** English month name, for messages only (one formatter: creating one per call is slow). */
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
const monthLabel = (m: number): string => monthFormat.format(Date.UTC(2000, m - 1, 1));

interface ParsedDate {
  kind: DateKind;
  y: number;
  m: number;
  d: number;
}

/** Recognises one date with no column context; undefined when no format matches. */
function recognise(t: string, order: "dmy" | "mdy"): ParsedDate | ValueProblem | undefined {
  let g = isoRe.exec(t);
  if (g) return { kind: "YYYY-MM-DD", y: +g[1]!, m: +g[2]!, d: +g[3]! };
  g = isoMonthRe.exec(t);
  if (g) return { kind: "YYYY-MM", y: +g[1]!, m: +g[2]!, d: 1 };
  g = numericRe.exec(t);
  if (g) {
    if (g[4]!.length === 2) {
      return {
        code: "data.bad_date",
        severity: "error",
        message: `date "${t}" has a two-digit year`,
        hint: "Write the year in full (DD/MM/YYYY) so the century is not guessed.",
      };
    }
    const sep = g[2]!;
    const a = +g[1]!;
    const b = +g[3]!;
    const y = +g[4]!;
    if (sep === ".") return { kind: "DD.MM.YYYY", y, m: b, d: a };
    const slash = sep === "/";
    if (order === "dmy") return { kind: slash ? "DD/MM/YYYY" : "DD-MM-YYYY", y, m: b, d: a };
    return { kind: slash ? "MM/DD/YYYY" : "MM-DD-YYYY", y, m: a, d: b };
  }
  g = monYearRe.exec(t);
  if (g) {
    const m = monthNames[g[1]!.toLowerCase()];
    if (m !== undefined) return { kind: "Mon YYYY", y: fullYear(g[2]!), m, d: 1 };
    return undefined;
  }
  g = dayMonYearRe.exec(t);
  if (g) {
    const m = monthNames[g[2]!.toLowerCase()];
    if (m !== undefined) return { kind: "DD Mon YYYY", y: fullYear(g[3]!), m, d: +g[1]! };
    return undefined;
  }
  g = quarterRe.exec(t);
  if (g) {
    const y = +(g[1] ?? g[4])!;
    const q = +(g[2] ?? g[3])!;
    return { kind: "YYYY-Qn", y, m: q * 3 - 2, d: 1 };
  }
  return undefined;
}

/** Month-name dates may give a two-digit year: it is read as 20YY. */
function fullYear(s: string): number {
  return s.length === 2 ? 2000 + Number(s) : Number(s);
}

function badDate(t: string, hint?: string): ValueProblem {
  const p: ValueProblem = {
    code: "data.bad_date",
    severity: "error",
    message: `date "${t}" cannot be read`,
  };
  p.hint =
    hint ??
    "Write dates as YYYY-MM-DD, YYYY-MM, DD/MM/YYYY or a month name (Jan 2024); set spc.date_format to mdy for MM/DD/YYYY.";
  return p;
}

/**
 * Reads a date cell into `YYYY-MM-DD` (months and quarters give their first day).
 *
 * Formats (each a column kind, see DateKind): `YYYY-MM-DD` (an optional time such as
 * `T00:00:00`, ` 00:00` or `Z` is ignored, never shifted by a time zone), `YYYY-MM`,
 * `DD/MM/YYYY` or `MM/DD/YYYY` by `col.order` (also with `-`; `DD.MM.YYYY` is always day first),
 * `Jan 2024` / `January 2024` / `Jan-24`, `01-Jan-2024` / `1 Jan 24`, `2024 Q1` / `Q1 2024`.
 * Decisions: a two-digit year is read as 20YY only next to a month name (`Jan-24`, Excel's
 * mmm-yy); numeric dates must give the year in full (`1/2/24` is `data.bad_date`), since
 * 01/02/03 cannot be read safely. Numbers such as 45292 are not guessed as Excel serial dates:
 * they are `data.bad_date` with a hint to format the column as dates.
 *
 * Returns null
 * for an empty cell, or a problem (`data.bad_date`, `data.impossible_date`). The first readable
 * value fixes the column's format (`col.kind`); later values in another format are errors.
 * `line` is recorded with the format so mismatch messages can point at it.
 */
export function parseDate(text: string, col: DateColumn, line = 0): string | null | ValueProblem {
  // Fast path: an ISO date in a column already known to be ISO.
  if (col.kind === "YYYY-MM-DD" && text.length === 10 && isIsoShape(text)) {
    const y = num4(text, 0);
    const m = num2(text, 5);
    const d = num2(text, 8);
    if (isRealDate(y, m, d)) return text;
    return impossible(text, y, m, d);
  }
  const t = text.trim();
  if (t.length === 0) return null;
  const r = recognise(t, col.order);
  if (r === undefined) {
    if (/^\d{4,6}(?:\.\d+)?$/.test(t)) {
      const n = Number(t);
      if (n >= 20000 && n <= 80000) {
        return badDate(
          t,
          "This looks like an Excel serial date number: format the column as a date (YYYY-MM-DD) in Excel before saving.",
        );
      }
      if (t.length === 6 || t.length === 8) {
        return badDate(t, "Write the date with separators: YYYY-MM-DD or YYYY-MM.");
      }
    }
    return badDate(t);
  }
  if (isProblem(r)) return r;
  if (col.kind === undefined) {
    col.kind = r.kind;
    col.setAt = line;
  } else if (col.kind !== r.kind) {
    const p = badDate(t, `Write every date in this column as ${col.kind}.`);
    p.message = `date "${t}" is written ${r.kind} but this column's dates are ${col.kind}${
      col.setAt ? ` (from line ${col.setAt})` : ""
    }`;
    return p;
  }
  if (!isRealDate(r.y, r.m, r.d)) return impossible(t, r.y, r.m, r.d);
  return `${String(r.y).padStart(4, "0")}-${pad2(r.m)}-${pad2(r.d)}`;
}

function isIsoShape(s: string): boolean {
  return (
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    isDigit(s.charCodeAt(0)) &&
    isDigit(s.charCodeAt(1)) &&
    isDigit(s.charCodeAt(2)) &&
    isDigit(s.charCodeAt(3)) &&
    isDigit(s.charCodeAt(5)) &&
    isDigit(s.charCodeAt(6)) &&
    isDigit(s.charCodeAt(8)) &&
    isDigit(s.charCodeAt(9))
  );
}

const num2 = (s: string, i: number): number =>
  (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
const num4 = (s: string, i: number): number => num2(s, i) * 100 + num2(s, i + 2);

function impossible(t: string, y: number, m: number, d: number): ValueProblem {
  const why =
    m < 1 || m > 12
      ? `there is no month ${m}`
      : d < 1
        ? `there is no day ${d}`
        : `${monthLabel(m)} ${y} has ${daysIn(y, m)} days`;
  return {
    code: "data.impossible_date",
    severity: "error",
    message: `date "${t}" does not exist: ${why}`,
    hint: "Correct the date; dates are never rolled over into the next month.",
  };
}

function daysIn(y: number, m: number): number {
  let d = 28;
  while (d < 31 && isRealDate(y, m, d + 1)) d++;
  return d;
}

// ---------------------------------------------------------------- rows

/** Most diagnostics of one code listed for one file; the rest are counted in one summary. */
export const MAX_PER_CODE = 100;

/**
 * Keeps at most MAX_PER_CODE diagnostics per code for one file, so a file of a million bad
 * rows does not hold a million diagnostics; `summaries()` names how many more there were.
 */
export class DiagnosticCap {
  private readonly counts = new Map<DiagnosticCode, { n: number; first?: Diagnostic }>();

  /** True when `d` should be kept. */
  admit(d: Diagnostic): boolean {
    const c = this.counts.get(d.code) ?? { n: 0 };
    c.n++;
    this.counts.set(d.code, c);
    if (c.n <= MAX_PER_CODE) return true;
    c.first ??= d;
    return false;
  }

  summaries(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const [code, c] of this.counts) {
      if (c.first === undefined) continue;
      const more = c.n - MAX_PER_CODE;
      const init: Parameters<typeof diagnostic>[0] = {
        code,
        severity: c.first.severity,
        message: `${more} more row${more === 1 ? "" : "s"} with this problem are not listed (the first at line ${c.first.line})`,
      };
      for (const k of ["file", "line", "column", "hint"] as const) {
        if (c.first[k] !== undefined) Object.assign(init, { [k]: c.first[k] });
      }
      out.push(diagnostic(init));
    }
    return out;
  }
}

/**
 * A data row as read, with where its measure, spotlight and date cells are (for link
 * diagnostics). The *Line fields are set only when the cell is on another line than the row
 * (YAML). In CSV the columns count fields as written without quotes unless they need them.
 */
export interface ReadDataRow extends DataRow {
  measureColumn?: number;
  measureLine?: number;
  spotlightColumn?: number;
  spotlightLine?: number;
  dateColumn?: number;
  dateLine?: number;
}

/** Our column names: the CSV columns after aliases and renames, and the YAML row keys. */
export const cellNames = [
  "spotlight",
  "measure",
  "date",
  "value",
  "numerator",
  "denominator",
  "note",
] as const;

export type CellName = (typeof cellNames)[number];

/** A cell as given: CSV gives strings, YAML gives strings, numbers, null or anything else. */
export type Cell = unknown;

/** The per-file context of row building; `problem` reports against the current row. */
export interface RowContext {
  file: string;
  decimalComma: boolean;
  dates: DateColumn;
  defaultMeasure?: string;
  defaultSpotlight?: string;
  problem(field: CellName, p: ValueProblem): void;
  /** Strings seen in this file, shared between rows (filled by buildRow). */
  strings?: Map<string, string>;
  /** The last measure, spotlight and date interned: rows often repeat the row before. */
  last?: [string, string, string];
  /** Dates read in this file, by YYYYMMDD as a number (no string hashing). */
  dateStrings?: Map<number, string>;
}

/** The cells of one row, by our column names; absent cells are undefined. */
export interface RowCells {
  spotlight?: Cell;
  measure?: Cell;
  date?: Cell;
  value?: Cell;
  numerator?: Cell;
  denominator?: Cell;
  note?: Cell;
}

function cellText(c: Cell): string {
  if (c === undefined || c === null) return "";
  if (typeof c === "string") return c.trim();
  if (typeof c === "number" || typeof c === "boolean") return String(c);
  return "";
}

/** The number in a cell; null when missing, undefined when unreadable (already reported). */
function cellNumber(ctx: RowContext, field: CellName, c: Cell): number | null | undefined {
  if (c === undefined || c === null) return null;
  let r: number | null | ValueProblem;
  if (typeof c === "string") r = parseNumber(c, ctx.decimalComma);
  else if (typeof c === "number") r = Number.isFinite(c) ? c + 0 : nonFinite(String(c));
  else r = bad(typeof c === "object" ? "(a list or mapping)" : String(c));
  if (isProblem(r)) {
    ctx.problem(field, r);
    return r.severity === "warning" ? null : undefined;
  }
  return r;
}

function cellDate(ctx: RowContext, c: Cell, line: number): string | null | ValueProblem {
  if (c === undefined || c === null) return null;
  if (typeof c === "string") return parseDate(c, ctx.dates, line);
  if (typeof c === "number") return parseDate(String(c), ctx.dates, line);
  return badDate(typeof c === "object" ? "(a list or mapping)" : String(c));
}

/** Repeated ids and dates share one string, so a million rows hold a few thousand strings. */
function intern(ctx: RowContext, s: string, slot: 0 | 1 | 2): string {
  const last = (ctx.last ??= ["", "", ""]);
  if (s === last[slot]) return last[slot];
  const hit = shared((ctx.strings ??= new Map<string, string>()), s, s);
  last[slot] = hit;
  return hit;
}

/** A date as read (always YYYY-MM-DD), shared like `intern` but keyed by its number. */
function internDate(ctx: RowContext, s: string): string {
  if (s.length !== 10) return intern(ctx, s, 2);
  const key = num4(s, 0) * 10000 + num2(s, 5) * 100 + num2(s, 8);
  return shared((ctx.dateStrings ??= new Map<number, string>()), key, s);
}

/** The string kept in `table` under `key`, or `s`, kept from now on (at most 50,000 kept). */
function shared<K>(table: Map<K, string>, key: K, s: string): string {
  const hit = table.get(key);
  if (hit !== undefined) return hit;
  if (table.size >= 50_000) table.clear();
  table.set(key, s);
  return s;
}

/**
 * Converts the cells of one row into a data row, or undefined when the row cannot be used
 * (no measure, no date or an unreadable date); every such row is reported through
 * `ctx.problem`. A row with no value (and no numerator and denominator) is a missing point.
 */
export function buildRow(ctx: RowContext, line: number, cells: RowCells): ReadDataRow | undefined {
  const measure = intern(ctx, cellText(cells.measure), 0) || ctx.defaultMeasure || "";
  let date = cellDate(ctx, cells.date, line);
  if (measure === "") {
    const looksTotal = date === null;
    ctx.problem("measure", {
      code: looksTotal ? "data.total_row" : "data.missing_measure",
      severity: "warning",
      message: looksTotal
        ? "row has no measure and no date (a total or summary row?); it is ignored"
        : "row has no measure; it is ignored",
      hint: "Give the measure id in every data row, or delete the row.",
    });
    return undefined;
  }
  if (date === null) {
    ctx.problem("date", {
      code: "data.missing_date",
      severity: "error",
      message: `row for measure "${measure}" has no date; it is ignored`,
    });
    return undefined;
  }
  if (isProblem(date)) {
    ctx.problem("date", date);
    return undefined;
  }
  date = internDate(ctx, date);
  const value = cellNumber(ctx, "value", cells.value);
  const row: ReadDataRow = { date, value: value ?? null, file: ctx.file, line, measure };
  const spotlight = intern(ctx, cellText(cells.spotlight), 1) || ctx.defaultSpotlight;
  if (spotlight) row.spotlight = spotlight;
  if (cells.numerator !== undefined || cells.denominator !== undefined) {
    const num = cellNumber(ctx, "numerator", cells.numerator) ?? null;
    const den = cellNumber(ctx, "denominator", cells.denominator) ?? null;
    row.numerator = num;
    row.denominator = den;
    if (value === null) {
      if (num !== null && den !== null) {
        if (den === 0) {
          ctx.problem("denominator", {
            code: "data.no_value",
            severity: "warning",
            message: "denominator is 0, so the row has no value; it is a missing point",
          });
        } else if (Number.isFinite(num / den)) row.value = num / den;
        else ctx.problem("denominator", nonFinite(`${num} / ${den}`));
      } else if (num !== null || den !== null) {
        ctx.problem(num === null ? "numerator" : "denominator", {
          code: "data.no_value",
          severity: "warning",
          message: `row gives a ${num === null ? "denominator" : "numerator"} but no ${
            num === null ? "numerator" : "denominator"
          }; it is a missing point`,
        });
      }
    }
  }
  const note = cellText(cells.note);
  if (note !== "") row.note = note;
  return row;
}
