// Links data rows to the pack's spotlights and measures (DESIGN §3.3): rows are matched by
// (spotlight, measure) or by a measure id unique in the pack, sorted by date, and checked for
// unknown ids, duplicate dates, gaps against the measure's frequency and measures with no data.
// Every row either reaches the data or is named in a diagnostic.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { didYouMean } from "../schema/validate.js";
import type { Measure } from "../schema/spotlight-schema.js";
import type { DataPoint, DataRow, LoadedSpotlight, Pack } from "./types.js";
import { DiagnosticCap, type ReadDataRow } from "./values.js";

/** Where per-row findings go. */
interface Sink {
  push(d: Diagnostic): void;
}

interface Owner {
  spotlight: LoadedSpotlight;
  measure: Measure;
  index: number;
}

/** Rows that share one problem (an unknown id in one file), reported once. */
interface RowGroup {
  code: DiagnosticCode;
  rows: DataRow[];
  message: string;
  hint?: string;
  at: { line: number; column?: number };
}

const MAX_LISTED = 12;
/** Values within this relative difference of numerator / denominator agree. */
const TOLERANCE = 1e-6;

/** Links rows to spotlights and measures. Never throws; all problems are diagnostics. */
export function linkData(
  rows: DataRow[],
  spotlights: LoadedSpotlight[],
): { data: Pack["data"]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const data: Pack["data"] = new Map();
  const byId = new Map<string, LoadedSpotlight>();
  const owners = new Map<string, Owner[]>();
  const buckets = new Map<string, Map<string, DataRow[]>>();
  for (const s of spotlights) {
    const id = s.spotlight.id;
    if (byId.has(id)) continue;
    byId.set(id, s);
    const perMeasure = new Map<string, DataPoint[]>();
    const rowsPerMeasure = new Map<string, DataRow[]>();
    data.set(id, perMeasure);
    buckets.set(id, rowsPerMeasure);
    s.spotlight.measures.forEach((measure, index) => {
      if (perMeasure.has(measure.id)) return;
      perMeasure.set(measure.id, []);
      rowsPerMeasure.set(measure.id, []);
      const list = owners.get(measure.id) ?? [];
      list.push({ spotlight: s, measure, index });
      owners.set(measure.id, list);
    });
  }

  const groups = new Map<string, RowGroup>();
  const group = (key: string, make: () => Omit<RowGroup, "rows">, row: DataRow): void => {
    const g = groups.get(key);
    if (g !== undefined) g.rows.push(row);
    else groups.set(key, { ...make(), rows: [row] });
  };

  for (const row of rows) {
    const r = row as ReadDataRow;
    const measureAt = { line: r.measureLine ?? r.line, column: r.measureColumn };
    if (row.spotlight !== undefined) {
      const s = byId.get(row.spotlight);
      if (s === undefined) {
        const hint = didYouMean(row.spotlight, [...byId.keys()]);
        group(
          `${row.file}\0s\0${row.spotlight}`,
          () => ({
            code: "ref.unknown_spotlight",
            message: `spotlight "${row.spotlight}" is not in the pack`,
            hint: hint
              ? `Did you mean "${hint}"?`
              : `Spotlights in the pack: ${[...byId.keys()].join(", ") || "none"}.`,
            at: { line: r.spotlightLine ?? r.line, column: r.spotlightColumn },
          }),
          row,
        );
        continue;
      }
      const bucket = buckets.get(s.spotlight.id)!.get(row.measure);
      if (bucket === undefined) {
        const ids = s.spotlight.measures.map((m) => m.id);
        const elsewhere = owners.get(row.measure)?.[0]?.spotlight.spotlight.id;
        const close = didYouMean(row.measure, ids);
        group(
          `${row.file}\0m\0${row.spotlight}\0${row.measure}`,
          () => ({
            code: "ref.unknown_measure",
            message: `spotlight "${row.spotlight}" has no measure "${row.measure}"`,
            hint: elsewhere
              ? `Measure "${row.measure}" belongs to spotlight "${elsewhere}".`
              : close
                ? `Did you mean "${close}"?`
                : `Measures of "${row.spotlight}": ${ids.join(", ")}.`,
            at: measureAt,
          }),
          row,
        );
        continue;
      }
      bucket.push(row);
      continue;
    }
    const candidates = owners.get(row.measure);
    if (candidates === undefined) {
      const close = didYouMean(row.measure, [...owners.keys()]);
      group(
        `${row.file}\0m\0\0${row.measure}`,
        () => ({
          code: "ref.unknown_measure",
          message: `no spotlight in the pack defines measure "${row.measure}"`,
          hint: close
            ? `Did you mean "${close}"?`
            : "Check the measure id against the measures: lists of the spotlights.",
          at: measureAt,
        }),
        row,
      );
      continue;
    }
    if (candidates.length > 1) {
      group(
        `${row.file}\0a\0${row.measure}`,
        () => ({
          code: "ref.ambiguous_measure",
          message: `measure "${row.measure}" is defined by ${candidates.length} spotlights (${candidates
            .map((c) => c.spotlight.spotlight.id)
            .join(", ")}) and the row names none`,
          at: measureAt,
        }),
        row,
      );
      continue;
    }
    const owner = candidates[0]!;
    buckets.get(owner.spotlight.spotlight.id)!.get(row.measure)!.push(row);
  }

  for (const g of groups.values()) diagnostics.push(groupDiagnostic(g));

  // Per-row findings (duplicates, mismatches) are capped per code, like the readers'.
  const cap = new DiagnosticCap();
  const sink: Sink = { push: (d) => void (cap.admit(d) && diagnostics.push(d)) };
  for (const [spotlightId, perMeasure] of buckets) {
    const s = byId.get(spotlightId)!;
    const done = new Set<string>();
    s.spotlight.measures.forEach((measure, index) => {
      const list = perMeasure.get(measure.id);
      if (list === undefined || done.has(measure.id)) return;
      done.add(measure.id);
      if (list.length === 0) {
        const pos = s.source.locate([...s.basePath, "measures", index]) ?? { line: 1, column: 1 };
        diagnostics.push(
          diagnostic({
            code: "ref.no_data",
            // A measure drawn with no chart (chart: none) may be reported in words only.
            ...(measure.chart === "none" ? { severity: "warning" as const } : {}),
            message: `measure "${measure.id}" of spotlight "${spotlightId}" has no data rows`,
            file: s.source.file,
            ...pos,
            path: [...s.basePath, "measures", index],
            hint: `Add rows with measure ${measure.id} to a data file named by the pack.`,
          }),
        );
        return;
      }
      const points = checkSeries(list, measure, spotlightId, sink);
      data.get(spotlightId)!.set(measure.id, points);
    });
  }
  diagnostics.push(...cap.summaries());
  return { data, diagnostics };
}

function groupDiagnostic(g: RowGroup): Diagnostic {
  const first = g.rows[0]!;
  const n = g.rows.length;
  const lines = g.rows.slice(0, MAX_LISTED).map((r) => r.line);
  const more = n > MAX_LISTED ? ` and ${n - MAX_LISTED} more` : "";
  const where = n === 1 ? "" : ` (${n} rows: lines ${lines.join(", ")}${more})`;
  const init: Parameters<typeof diagnostic>[0] = {
    code: g.code,
    message: `${g.message}${where}`,
    file: first.file,
    line: g.at.line,
    path: [first.line, g.code === "ref.unknown_spotlight" ? "spotlight" : "measure"],
  };
  if (g.at.column !== undefined) init.column = g.at.column;
  if (g.hint !== undefined) init.hint = g.hint;
  return diagnostic(init);
}

/** Where row `r` is, said from a diagnostic in `from`'s file: "line 4" or "other.csv:4". */
const where = (r: DataPoint, from: DataPoint): string =>
  r.file === from.file ? `line ${r.line}` : `${r.file}:${r.line}`;

/** File, line and (when known) column of a row's date cell. */
function dateAt(p: DataPoint): { file: string; line: number; column?: number } {
  const r = p as ReadDataRow;
  const at: { file: string; line: number; column?: number } = {
    file: r.file,
    line: r.dateLine ?? r.line,
  };
  if (r.dateColumn !== undefined) at.column = r.dateColumn;
  return at;
}

/** Sorts one measure's rows and checks order, duplicates, value consistency and gaps. */
function checkSeries(
  rows: DataRow[],
  measure: Measure,
  spotlightId: string,
  out: Sink,
): DataPoint[] {
  const label = `measure "${measure.id}"`;
  // Order is checked within each file: a pack may list its data files in any order.
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.file === rows[i - 1]!.file && rows[i]!.date < rows[i - 1]!.date) {
      const r = rows[i]!;
      out.push(
        diagnostic({
          code: "data.unsorted",
          severity: "warning",
          message: `rows for ${label} are not in date order (${r.date} at line ${r.line} comes after ${
            rows[i - 1]!.date
          } at ${where(rows[i - 1]!, r)}); they were sorted`,
          ...dateAt(r),
          path: [r.line, "date"],
        }),
      );
      break;
    }
  }
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const points: DataPoint[] = [];
  for (const r of sorted) {
    const prev = points[points.length - 1];
    if (prev !== undefined && prev.date === r.date) {
      out.push(
        diagnostic({
          code: "data.duplicate_date",
          message: `${label} of spotlight "${spotlightId}" has two rows for ${r.date}: ${where(prev, r)} and line ${r.line}; the second is ignored`,
          ...dateAt(r),
          path: [r.line, "date"],
          hint: "Keep one row per measure per date.",
        }),
      );
      continue;
    }
    checkValue(r, measure, out);
    points.push(r);
  }
  checkGaps(points, measure, out);
  return points;
}

function checkValue(r: DataRow, measure: Measure, out: Sink): void {
  const { value, numerator, denominator } = r;
  if (value === null || numerator == null || denominator == null || denominator === 0) return;
  const ratio = numerator / denominator;
  const scales = [1, 100, measure.multiplier ?? 1];
  const agrees = scales.some((m) => {
    const expected = ratio * m;
    return Math.abs(value - expected) <= TOLERANCE * Math.max(Math.abs(value), Math.abs(expected));
  });
  if (agrees) return;
  out.push(
    diagnostic({
      code: "data.value_mismatch",
      severity: "warning",
      message: `value ${value} does not match numerator / denominator = ${numerator} / ${denominator} = ${round(ratio)}`,
      file: r.file,
      line: r.line,
      path: [r.line, "value"],
      hint: "Leave value empty to have it computed, or correct the numerator or denominator.",
    }),
  );
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

type Frequency = "daily" | "weekly" | "monthly" | "quarterly";

/** The period index of an ISO date for a frequency (consecutive periods differ by 1). */
function periodIndex(date: string, f: Frequency): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (f === "monthly") return y * 12 + m - 1;
  if (f === "quarterly") return y * 4 + Math.floor((m - 1) / 3);
  const days = Date.UTC(y, m - 1, Number(date.slice(8, 10))) / 86_400_000;
  return f === "daily" ? days : days / 7;
}

function periodLabel(index: number, f: Frequency): string {
  if (f === "monthly")
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  if (f === "quarterly") return `${Math.floor(index / 4)} Q${(index % 4) + 1}`;
  const ms = Math.round((f === "daily" ? index : index * 7) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Warns once per measure about skipped periods, naming them; and about two dates in one period. */
function checkGaps(points: DataPoint[], measure: Measure, out: Sink): void {
  const f: Frequency = measure.frequency ?? "monthly";
  const missing: string[] = [];
  let missingCount = 0;
  let firstAfterGap: DataPoint | undefined;
  for (let i = 1; i < points.length; i++) {
    const a = periodIndex(points[i - 1]!.date, f);
    const delta = periodIndex(points[i]!.date, f) - a;
    // Weeks may start on any day: 6 to 8 days apart is the next week.
    const steps = f === "weekly" ? Math.round(delta) : delta;
    if (steps < 1) {
      const p = points[i]!;
      out.push(
        diagnostic({
          code: "data.duplicate_date",
          severity: "warning",
          message: `measure "${measure.id}" is ${f} but ${points[i - 1]!.date} (${where(points[i - 1]!, p)}) and ${p.date} fall in the same period`,
          ...dateAt(p),
          path: [p.line, "date"],
          hint: `Give one row per ${periodName[f]}, or set the measure's frequency.`,
        }),
      );
      continue;
    }
    const skipped = steps - 1;
    if (skipped <= 0) continue;
    firstAfterGap ??= points[i];
    for (let k = 1; k <= skipped && missing.length < MAX_LISTED; k++) {
      missing.push(periodLabel(a + k, f));
    }
    missingCount += skipped;
  }
  if (firstAfterGap === undefined) return;
  const listed = missing.join(", ");
  const more = missingCount > missing.length ? ` and ${missingCount - missing.length} more` : "";
  out.push(
    diagnostic({
      code: "data.gap",
      severity: "warning",
      message: `measure "${measure.id}" is ${f} but has no data for ${listed}${more}`,
      ...dateAt(firstAfterGap),
      path: [firstAfterGap.line, "date"],
      hint: "Add the missing periods (an empty value is a missing point), or check the frequency.",
    }),
  );
}

const periodName: Record<Frequency, string> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
};
