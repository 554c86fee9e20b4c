// Validates a parsed YAML value against a zod schema and turns zod's issues into our
// diagnostics (schema.required / type / enum / unknown_key / date / invalid), each with the
// file, line, column and data path of the value, "did you mean" hints and one message per union.
import type { z } from "zod";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceDoc } from "../load/types.js";

type Path = (string | number)[];

/** zod's internal definition, read only to find the keys a strict object allows. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  valueType?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  in?: { _zod: { def: Def } };
}

/** A zod issue as we read it (zod 4's issue union, loosely). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  errors?: Issue[][];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
}

export interface ValidateResult<T> {
  /** The parsed value with defaults applied, when valid. */
  data?: T;
  diagnostics: Diagnostic[];
}

/**
 * Validates `value` (found at `basePath` inside `source`) against `schema`.
 * Every diagnostic carries file, line, column and the full data path.
 */
export function validateWithSchema<T>(
  schema: z.ZodType<T>,
  value: unknown,
  source: SourceDoc,
  basePath: Path = [],
): ValidateResult<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, diagnostics: [] };
  const rootDef = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const emit = (
    code: DiagnosticCode,
    path: Path,
    message: string,
    extra: Partial<Diagnostic> = {},
    atKey = false,
  ) => {
    const key = JSON.stringify(path) + (code === "schema.unknown_key" ? "k" : "");
    if (seen.has(key)) return; // one diagnostic per value (a bad date fails regex and refine)
    seen.add(key);
    const full = [...basePath, ...path];
    const at = (atKey ? source.locateKey(full) : source.locate(full)) ?? { line: 1, column: 1 };
    out.push(
      diagnostic({
        code,
        message,
        file: source.file,
        line: at.line,
        column: at.column,
        path: full,
        ...extra,
      }),
    );
  };

  const handle = (issue: Issue, prefix: Path) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
    const name = `\`${formatPath([...basePath, ...path])}\``;
    const input = issue.input;
    switch (issue.code) {
      case "invalid_type": {
        const expected = describeExpected(issue.expected);
        if (input === undefined) {
          emit("schema.required", path, `missing required field ${name}`, {
            hint: `Add \`${lastKey(path)}:\` with ${expected}.`,
            expected: [expected],
          });
        } else if (input === null) {
          emit("schema.type", path, `${name} is empty: expected ${expected}`, {
            hint: "Give a value, or remove the key if the field is optional.",
            actual: "null",
            expected: [expected],
          });
        } else {
          emit("schema.type", path, `${name} should be ${expected}, not ${describeValue(input)}`, {
            actual: describeValue(input),
            expected: [expected],
          });
        }
        return;
      }
      case "invalid_value": {
        const allowed = (issue.values ?? []).map(String);
        const guess = typeof input === "string" ? didYouMean(input, allowed) : undefined;
        emit(
          "schema.enum",
          path,
          `${name} is ${describeValue(input)}; allowed values: ${allowed.join(", ")}`,
          {
            actual: String(input),
            expected: allowed,
            ...(guess ? { hint: `Did you mean \`${guess}\`?` } : {}),
          },
        );
        return;
      }
      case "unrecognized_keys": {
        const allowed = allowedKeys(rootDef, path, value);
        for (const key of issue.keys ?? []) {
          const guess = didYouMean(key, allowed);
          const where = path.length ? ` in \`${formatPath([...basePath, ...path])}\`` : "";
          emit(
            "schema.unknown_key",
            [...path, key],
            `unknown key \`${key}\`${where}`,
            {
              actual: key,
              expected: allowed,
              hint: guess
                ? `Did you mean \`${guess}\`?`
                : allowed.length
                  ? `Allowed keys: ${allowed.join(", ")}.`
                  : undefined,
            },
            true,
          );
        }
        return;
      }
      case "invalid_union": {
        const branch = chooseBranch(issue.errors ?? []);
        if (branch) {
          for (const sub of branch) handle(sub, path);
          return;
        }
        const expected = unionExpected(issue.errors ?? []);
        emit("schema.type", path, `${name} should be ${expected}, not ${describeValue(input)}`, {
          actual: describeValue(input),
          expected: [expected],
        });
        return;
      }
      case "invalid_format":
      case "custom": {
        if (/date/i.test(issue.message)) {
          emit("schema.date", path, `${name}: ${issue.message}, got ${describeValue(input)}`, {
            actual: String(input),
          });
        } else {
          emit("schema.invalid", path, `${name}: ${customMessage(issue)}`, {
            actual: input === undefined ? undefined : String(input),
          });
        }
        return;
      }
      case "too_small":
      case "too_big":
        emit("schema.invalid", path, `${name} ${sizeMessage(issue)}`);
        return;
      default:
        emit("schema.invalid", path, `${name}: ${customMessage(issue)}`);
    }
  };
  for (const issue of result.error.issues as unknown as Issue[]) handle(issue, []);
  return { diagnostics: out };
}

/** `aim.target`, `measures[2].id`; `(top level)` for the empty path. */
export function formatPath(path: readonly (string | number)[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${p}` : p;
  return s || "(top level)";
}

function lastKey(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return String(path[i]);
  return "";
}

const expectedNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a mapping (key: value lines)",
  array: "a list",
  date: "a date",
  null: "nothing",
};

function describeExpected(expected: string | undefined): string {
  return expected ? (expectedNames[expected] ?? expected) : "a value";
}

/** How a YAML value reads to a person: `the number 3`, `text "abc"`, `a list`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return "empty";
  if (Array.isArray(v)) return "a list";
  switch (typeof v) {
    case "string":
      return `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
    case "number":
      return `the number ${v}`;
    case "boolean":
      return `${v}`;
    case "object":
      return "a mapping";
    default:
      return typeof v;
  }
}

function customMessage(issue: Issue): string {
  const m = issue.message;
  if (/^(Invalid|Too |Unrecognized)/.test(m)) return m.charAt(0).toLowerCase() + m.slice(1);
  return m;
}

function sizeMessage(issue: Issue): string {
  const n = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
  const small = issue.code === "too_small";
  switch (issue.origin) {
    case "string":
      return small && n === 1
        ? "must not be empty"
        : `must have ${small ? "at least" : "at most"} ${n} characters`;
    case "array":
      return `must have ${small ? "at least" : "at most"} ${n} item${n === 1 ? "" : "s"}`;
    case "number":
    case "int":
      return `must be ${small ? "at least" : "at most"} ${n}`;
    default:
      return customMessage(issue);
  }
}

/**
 * Picks the union branch the value was meant for: the one whose type matched (no
 * invalid_type at the union's own level). With several, the one with the fewest issues.
 */
function chooseBranch(branches: Issue[][]): Issue[] | undefined {
  const matched = branches.filter(
    (b) => !b.some((i) => i.path.length === 0 && i.code === "invalid_type"),
  );
  if (matched.length === 0) return undefined;
  return matched.reduce((a, b) => (b.length < a.length ? b : a));
}

function unionExpected(branches: Issue[][]): string {
  const names = new Set<string>();
  for (const b of branches)
    for (const i of b)
      if (i.path.length === 0 && i.code === "invalid_type") names.add(describeExpected(i.expected));
  const list = [...names];
  return list.length <= 1
    ? (list[0] ?? "a different value")
    : `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`;
}

/** The keys a strict object at `path` allows, found by walking the schema with the value. */
function allowedKeys(def: Def, path: Path, value: unknown): string[] {
  let d: Def | undefined = def;
  let v: unknown = value;
  for (let i = 0; ; i++) {
    d = unwrap(d, v);
    if (!d) return [];
    if (i === path.length) break;
    const seg = path[i]!;
    v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[seg] : undefined;
    if (d.type === "object") d = d.shape?.[String(seg)]?._zod.def;
    else if (d.type === "array") d = d.element?._zod.def;
    else if (d.type === "record") d = d.valueType?._zod.def;
    else return [];
  }
  return d.type === "object" && d.shape ? Object.keys(d.shape) : [];
}

function unwrap(def: Def | undefined, value: unknown): Def | undefined {
  let d = def;
  for (let guard = 0; d && guard < 20; guard++) {
    if (d.innerType) d = d.innerType._zod.def;
    else if (d.type === "pipe" && d.in) d = d.in._zod.def;
    else if (d.type === "union" && d.options) {
      const isObj = value !== null && typeof value === "object" && !Array.isArray(value);
      const want = Array.isArray(value) ? "array" : isObj ? "object" : undefined;
      const pick = d.options.map((o) => unwrap(o._zod.def, value)).find((o) => o?.type === want);
      return pick;
    } else return d;
  }
  return d;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= m; i++)
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[m]![n]!;
}

/**
 * The closest candidate to `input` (ignoring case, spaces, - and _), when it is close
 * enough to be a likely typo; undefined otherwise.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
  const x = norm(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(x, norm(c));
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  if (best === undefined || best === input) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(x.length, norm(best).length) / 3));
  return bestDistance <= limit ? best : undefined;
}
