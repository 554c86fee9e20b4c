// Reads one measure-data file (DESIGN §3.3) into data rows in the long shape, by extension:
// .csv/.tsv/.txt (and anything else) as CSV through csv.ts, .yaml/.yml as YAML rows. Checks the
// size limit first; every problem is a diagnostic with file:line:column, nothing is thrown.
// value = numerator / denominator when value is empty; whether a given value agrees with them
// is checked in link-data.ts, where the measure's multiplier is known.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReadIo } from "../io/io.js";
import { readCsv, type CsvOptions } from "./csv.js";
import { decodeBytes } from "./decode.js";
import type { SourceDoc } from "./types.js";
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
import { parseYaml } from "./yaml.js";

export type { ReadDataRow } from "./values.js";

export interface ReadDataOptions {
  /** Our column name → the header in the file (config `columns:`). CSV only. */
  columns?: Record<string, string>;
  /** How to read dates like 03/04/2024 (config spc.date_format). */
  dateFormat: "dmy" | "mdy";
  /** Most data rows a file may have (config limits.max_rows). */
  maxRows: number;
  /** Largest file size in bytes (config limits.max_file_mb × 1 MiB). */
  maxFileBytes: number;
  /** Measure id for rows that give none (a one-measure file). */
  defaultMeasure?: string;
  /** Spotlight id for rows that give none. */
  defaultSpotlight?: string;
  /** Hands each row over instead of returning it (see CsvOptions.onRow). */
  onRow?: (row: ReadDataRow) => void;
}

export interface DataFileResult {
  rows: ReadDataRow[];
  diagnostics: Diagnostic[];
}

/**
 * Reads a data file. `file` is the path to open through `io`; `displayName` is how diagnostics
 * name it. Never throws for bad input or unreadable files: those are diagnostics.
 */
export async function readDataFile(
  file: string,
  displayName: string,
  io: ReadIo,
  opts: ReadDataOptions,
): Promise<DataFileResult> {
  const fail = (d: Diagnostic): DataFileResult => ({ rows: [], diagnostics: [d] });
  try {
    const size = await io.fileSize(file);
    if (size === undefined) {
      return fail(
        diagnostic({ code: "file.not_found", message: "data file not found", file: displayName }),
      );
    }
    if (size > opts.maxFileBytes) {
      return fail(
        diagnostic({
          code: "file.too_large",
          message: `data file is ${mb(size)} MB, more than the limit of ${mb(opts.maxFileBytes)} MB`,
          file: displayName,
          hint: "Split the data into several files, or raise limits.max_file_mb in the config.",
        }),
      );
    }
    const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
    if (ext === "yaml" || ext === "yml") {
      const read = readYamlData(await io.readFile(file), displayName, opts);
      if (!opts.onRow) return read;
      for (const row of read.rows) opts.onRow(row);
      return { rows: [], diagnostics: read.diagnostics };
    }
    const csvOpts: CsvOptions = { dateFormat: opts.dateFormat, maxRows: opts.maxRows };
    if (opts.columns !== undefined) csvOpts.columns = opts.columns;
    if (opts.defaultMeasure !== undefined) csvOpts.defaultMeasure = opts.defaultMeasure;
    if (opts.defaultSpotlight !== undefined) csvOpts.defaultSpotlight = opts.defaultSpotlight;
    if (opts.onRow !== undefined) csvOpts.onRow = opts.onRow;
    return await readCsv(() => io.readStream(file), displayName, csvOpts);
  } catch (e) {
    if (!isNodeError(e)) throw e;
    return fail(
      diagnostic({
        code: "file.unreadable",
        message: `data file cannot be read (${e.code ?? e.message})`,
        file: displayName,
      }),
    );
  }
}

function mb(bytes: number): string {
  return (bytes / (1 << 20)).toFixed(1).replace(/\.0$/, "");
}

function isNodeError(e: unknown): e is Error & { code?: string } {
  return e instanceof Error && typeof (e as { code?: unknown }).code === "string";
}

const rowKeys: readonly CellName[] = cellNames;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * YAML measure data: either a list of rows, or a mapping `{spotlight?, measure?, rows: [...]}`
 * whose spotlight and measure apply to rows that give none. A row is a mapping with the keys
 * spotlight, measure, date, value, numerator, denominator, note (the CSV columns).
 */
export function readYamlData(
  bytes: Uint8Array,
  file: string,
  opts: Pick<ReadDataOptions, "dateFormat" | "maxRows" | "defaultMeasure" | "defaultSpotlight">,
): DataFileResult {
  const decoded = decodeBytes(bytes, file);
  const diagnostics = decoded.diagnostics;
  const rows: ReadDataRow[] = [];
  if (decoded.text === undefined) return { rows, diagnostics };
  if (decoded.text.trim() === "") {
    diagnostics.push(emptyFile(file));
    return { rows, diagnostics };
  }
  const parsed = parseYaml(decoded.text, file);
  diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.some((d) => d.severity === "error")) return { rows, diagnostics };
  const source = parsed.source;
  const at = (path: (string | number)[]) => source.locate(path) ?? { line: 1, column: 1 };
  const top = parsed.value;
  let list: unknown;
  let base: (string | number)[] = [];
  let defaultMeasure = opts.defaultMeasure;
  let defaultSpotlight = opts.defaultSpotlight;
  if (Array.isArray(top)) list = top;
  else if (isRecord(top) && "rows" in top) {
    list = top.rows;
    base = ["rows"];
    for (const key of Object.keys(top)) {
      if (key === "rows") continue;
      const v = top[key];
      if (
        (key === "measure" || key === "spotlight") &&
        (typeof v === "string" || typeof v === "number")
      ) {
        if (key === "measure") defaultMeasure = String(v);
        else defaultSpotlight = String(v);
      } else {
        diagnostics.push(unknownKey(source, [key], key, ["rows", "measure", "spotlight"]));
      }
    }
  }
  if (!Array.isArray(list)) {
    diagnostics.push(
      diagnostic({
        code: "schema.type",
        message: "YAML data must be a list of rows, or a mapping with a rows: list",
        file,
        ...at(base),
        path: base,
        hint: "Write rows as a list: - { measure: falls-rate, date: 2024-01-01, value: 8.4 }",
      }),
    );
    return { rows, diagnostics };
  }
  if (list.length === 0) {
    diagnostics.push(emptyFile(file));
    return { rows, diagnostics };
  }
  let rowPath: (string | number)[] = base;
  const cap = new DiagnosticCap();
  const ctx: RowContext = {
    file,
    decimalComma: false,
    dates: dateColumn(opts.dateFormat),
    problem(field: CellName, p: ValueProblem) {
      const path = [...rowPath, field];
      const d: Parameters<typeof diagnostic>[0] = {
        code: p.code,
        severity: p.severity,
        message: p.message,
        file,
        ...at(path),
        path,
      };
      if (p.hint !== undefined) d.hint = p.hint;
      const made = diagnostic(d);
      if (cap.admit(made)) diagnostics.push(made);
    },
  };
  if (defaultMeasure !== undefined) ctx.defaultMeasure = defaultMeasure;
  if (defaultSpotlight !== undefined) ctx.defaultSpotlight = defaultSpotlight;
  for (let i = 0; i < list.length; i++) {
    rowPath = [...base, i];
    const item: unknown = list[i];
    const where = at(rowPath);
    if (!isRecord(item)) {
      diagnostics.push(
        diagnostic({
          code: "schema.type",
          message: "a data row must be a mapping like { measure: …, date: …, value: … }",
          file,
          ...where,
          path: rowPath,
        }),
      );
      continue;
    }
    const cells: RowCells = {};
    for (const key of Object.keys(item)) {
      if ((rowKeys as readonly string[]).includes(key)) cells[key as CellName] = item[key];
      else diagnostics.push(unknownKey(source, [...rowPath, key], key, rowKeys));
    }
    const row = buildRow(ctx, where.line, cells);
    if (row === undefined) continue;
    if (rows.length >= opts.maxRows) {
      diagnostics.push(
        diagnostic({
          code: "data.too_many_rows",
          message: `file has more than ${opts.maxRows} data rows; reading stopped here`,
          file,
          ...where,
          path: rowPath,
          hint: "Split the data into several files, or raise limits.max_rows in the config.",
        }),
      );
      break;
    }
    for (const key of ["measure", "spotlight", "date"] as const) {
      if (key in item) placeCell(row, key, at([...rowPath, key]));
    }
    rows.push(row);
  }
  diagnostics.push(...cap.summaries());
  return { rows, diagnostics };
}

/** Records where the row's measure, spotlight or date cell is, for link diagnostics. */
function placeCell(
  row: ReadDataRow,
  key: "measure" | "spotlight" | "date",
  pos: { line: number; column: number },
): void {
  row[`${key}Column`] = pos.column;
  if (pos.line !== row.line) row[`${key}Line`] = pos.line;
}

function emptyFile(file: string): Diagnostic {
  return diagnostic({
    code: "file.empty",
    message: "the data file has no rows",
    file,
    line: 1,
    column: 1,
  });
}

function unknownKey(
  source: SourceDoc,
  path: (string | number)[],
  key: string,
  known: readonly string[],
): Diagnostic {
  const pos = source.locateKey(path) ?? { line: 1, column: 1 };
  return diagnostic({
    code: "schema.unknown_key",
    message: `"${key}" is not a data row key; it is ignored`,
    file: source.file,
    ...pos,
    path,
    hint: `Known keys: ${known.join(", ")}.`,
  });
}
