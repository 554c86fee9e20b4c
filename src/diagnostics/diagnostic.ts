// The Diagnostic type every stage returns for problems in its input, and small helpers to
// create, sort, count and filter them. Diagnostics are data; wording of hints lives in codes.ts.
import { hintFor, type DiagnosticCode } from "./codes.js";

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** Stable identifier, e.g. `data.bad_number`; see README "Diagnostics". */
  code: DiagnosticCode;
  /** File the problem is in, as the user named it (relative to the working directory). */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** Data path inside the file, e.g. `["measures", 2, "target"]` or `[14, "value"]` for CSV. */
  path?: (string | number)[];
  message: string;
  /** One actionable sentence. Defaults to the catalogue's hint for the code. */
  hint?: string;
  actual?: string;
  expected?: string[];
}

export type DiagnosticInit = Omit<Diagnostic, "severity"> & { severity?: Severity };

/** Builds a diagnostic, taking the default severity and hint from the code catalogue. */
export function diagnostic(init: DiagnosticInit): Diagnostic {
  const { severity, hint, ...rest } = init;
  const d: Diagnostic = { severity: severity ?? "error", ...rest };
  const h = hint ?? hintFor(init.code);
  if (h !== undefined) d.hint = h;
  return d;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts by file, then line, then column, then severity, then code: a stable order for people and tests. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.code.localeCompare(b.code),
  );
}

export function hasErrors(list: readonly Diagnostic[], strict = false): boolean {
  return list.some((d) => d.severity === "error" || (strict && d.severity === "warning"));
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}

/**
 * An error that stops a run (exit code 2): unreadable file, broken template, bad flags.
 * It carries diagnostics so the CLI prints it like any other problem.
 */
export class FatalError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | Diagnostic, options?: { cause?: unknown }) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.message).join("; "), options);
    this.name = "FatalError";
    this.diagnostics = list;
  }
}
