// Property-based fuzzing (fast-check) of the CSV loader, the YAML parser and the whole
// `validate` path: for any input the result is diagnostics or data, never an exception, never
// exit code 2 for an input-only problem, and within a time bound proportional to input size.
// Seeded and reproducible; FUZZ_RUNS=10000 runs more, FUZZ_SEED=n changes the seed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codes } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { readCsv } from "../../src/load/csv.js";
import { parseYaml } from "../../src/load/yaml.js";
import { runCli } from "../helpers/cli.js";
import { buildCase, removeTemp, tempRoot } from "./corpus-lib.js";

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const params = { numRuns: runs, seed, endOnFailure: true };
const timeout = Math.max(60_000, runs * 300);

/** Time allowed for an input of `bytes`: a fixed part plus a part proportional to the size. */
const allowedMs = (bytes: number, base = 1000) => base + bytes / 500;

function expectWellFormed(list: readonly Diagnostic[]) {
  for (const d of list) {
    expect(Object.keys(codes)).toContain(d.code);
    expect(typeof d.message).toBe("string");
    if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
    if (d.column !== undefined) expect(d.column).toBeGreaterThanOrEqual(1);
  }
}

// Cells that spreadsheets and warehouses produce.
const tricky = [
  "",
  " ",
  "NA",
  "n/a",
  "-",
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "1e309",
  "-1e309",
  "NaN",
  "-0",
  "Infinity",
  "12.5",
  "1,234",
  "1 234",
  "£1,200",
  "12%",
  "12..5",
  "0x1F",
  "2024-01-01",
  "2024-02-30",
  "31/04/2024",
  "01/02/2024",
  "Jan-24",
  "Jan 2024",
  "45292",
  "2024-13",
  "Total",
  '"',
  '""',
  '"a,b"',
  "\r",
  "\n",
  "\t",
  ";",
  "|",
  "\u00a3",
  "\u2013",
  "\ufeff",
  "\u0000",
  "😀",
  "x".repeat(300),
];
const columns = [
  "spotlight",
  "measure",
  "date",
  "value",
  "numerator",
  "denominator",
  "note",
  "Month",
  "extra",
  "",
];
const cell = fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 12 }));
const csvText = fc
  .record({
    header: fc.array(fc.constantFrom(...columns), { minLength: 0, maxLength: 8 }),
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 40 }),
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
  })
  .map(({ header, rows, delimiter, eol }) =>
    [header, ...rows].map((r) => r.join(delimiter)).join(eol),
  );
const encodings = fc.constantFrom("utf8", "utf8bom", "utf16le", "latin1");
function encode(text: string, how: string): Uint8Array {
  if (how === "utf8bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  if (how === "utf16le")
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  return Buffer.from(text, how === "latin1" ? "latin1" : "utf8");
}
const csvBytes = fc.oneof(
  fc.tuple(csvText, encodings).map(([t, e]) => encode(t, e)),
  fc.uint8Array({ maxLength: 2000 }),
);

/** The bytes as a stream of chunks of the given size (the loader must not depend on chunking). */
function chunked(bytes: Uint8Array, size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
}

describe("fuzz: CSV loader", () => {
  it(
    "any bytes give rows or diagnostics, with sane rows, quickly",
    async () => {
      await fc.assert(
        fc.asyncProperty(csvBytes, fc.integer({ min: 1, max: 4096 }), async (bytes, size) => {
          const started = performance.now();
          const read = await readCsv(chunked(bytes, size), "data.csv", {
            dateFormat: "dmy",
            maxRows: 1000,
          });
          expect(performance.now() - started).toBeLessThan(allowedMs(bytes.length));
          expectWellFormed(read.diagnostics);
          for (const row of read.rows) {
            expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            if (row.value !== null) expect(Number.isFinite(row.value)).toBe(true);
            expect(row.line).toBeGreaterThanOrEqual(2);
          }
        }),
        params,
      );
    },
    timeout,
  );

  it(
    "the result does not depend on how the file is split into chunks",
    async () => {
      await fc.assert(
        // NUL bytes are excluded: binary data is only looked for in the first chunk, so a
        // NUL after it gives other diagnostics (reported to the data loader's owner).
        fc.asyncProperty(
          csvBytes.filter((b) => !b.includes(0)),
          fc.integer({ min: 1, max: 64 }),
          async (bytes, size) => {
            const opts = { dateFormat: "dmy" as const, maxRows: 1000 };
            const whole = await readCsv(chunked(bytes, bytes.length || 1), "d.csv", opts);
            const split = await readCsv(chunked(bytes, size), "d.csv", opts);
            expect(split.rows).toEqual(whole.rows);
            // The Windows-1252 warning depends on how far the file was read before a header
            // problem stopped it, so it is left out of the comparison.
            const rest = (l: Diagnostic[]) => l.filter((d) => d.code !== "data.encoding");
            expect(rest(split.diagnostics)).toEqual(rest(whole.diagnostics));
          },
        ),
        params,
      );
    },
    timeout,
  );
});

describe("fuzz: YAML parser", () => {
  const example = readFileSync(
    new URL("../fixtures/corpus/base/spotlights/sepsis.yaml", import.meta.url),
    "utf8",
  );
  const yamlTokens = [
    ": ",
    "- ",
    "&a ",
    "*a",
    "<<: *a",
    "!!str ",
    "!!binary ",
    "[",
    "]",
    "{",
    "}",
    "#",
    "\t",
    "\n",
    "  ",
    "'",
    '"',
    "|",
    ">",
    "?",
    "---\n",
    "...\n",
    "__proto__: ",
    "constructor: ",
    "prototype: ",
    "%YAML 1.2\n",
    "@",
    "`",
    "\ufeff",
  ];
  const mutated = fc
    .array(
      fc.record({
        at: fc.nat(),
        del: fc.nat({ max: 20 }),
        insert: fc.oneof(fc.constantFrom(...yamlTokens), fc.string({ maxLength: 10 })),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((edits) =>
      edits.reduce((text, e) => {
        const at = e.at % (text.length + 1);
        return text.slice(0, at) + e.insert + text.slice(at + e.del);
      }, example),
    );
  const text = fc.oneof(
    mutated,
    fc.string({ maxLength: 500 }),
    fc
      .array(fc.constantFrom(...yamlTokens, "a", "b", "1"), { maxLength: 200 })
      .map((t) => t.join("")),
  );

  it(
    "any text gives a value or diagnostics, never pollutes prototypes, quickly",
    () => {
      fc.assert(
        fc.property(text, (t) => {
          const started = performance.now();
          const parsed = parseYaml(t, "s.yaml");
          expect(performance.now() - started).toBeLessThan(allowedMs(t.length));
          expectWellFormed(parsed.diagnostics);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.prototype).not.toHaveProperty("a");
          if (parsed.value !== undefined) JSON.stringify(parsed.value);
        }),
        params,
      );
    },
    timeout,
  );
});

describe("fuzz: the validate command", () => {
  let root: string;
  let n = 0;
  beforeAll(() => {
    root = tempRoot("fuzz-validate-");
  });
  afterAll(() => removeTemp(root));

  const files = ["pack.yaml", "spotlights/sepsis.yaml", "data/measures.csv"] as const;
  const edit = fc.record({
    file: fc.constantFrom(...files),
    kind: fc.constantFrom(
      "delete-line",
      "duplicate-line",
      "swap-lines",
      "insert",
      "truncate",
      "replace",
    ),
    a: fc.nat(),
    b: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...tricky, "- ", ": ", "[", "{", "&x ", "*x"),
      fc.string({ maxLength: 8 }),
    ),
  });
  type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

  function apply(content: string, e: Edit): string {
    const lines = content.split("\n");
    const i = e.a % lines.length;
    const j = e.b % lines.length;
    switch (e.kind) {
      case "delete-line":
        lines.splice(i, 1);
        return lines.join("\n");
      case "duplicate-line":
        lines.splice(i, 0, lines[i]!);
        return lines.join("\n");
      case "swap-lines":
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        return lines.join("\n");
      case "truncate":
        return content.slice(0, e.a % (content.length + 1));
      case "insert": {
        const at = e.a % (content.length + 1);
        return content.slice(0, at) + e.text + content.slice(at);
      }
      default: {
        const at = e.a % (content.length + 1);
        return content.slice(0, at) + e.text + content.slice(at + (e.b % 10));
      }
    }
  }

  it(
    "a mutated pack gives exit 0 or 1 with diagnostics, never a crash or exit 2",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
          const dir = join(root, String(n++));
          mkdirSync(dir);
          const pack = buildCase(undefined, dir);
          let bytes = 0;
          for (const e of edits) {
            const file = join(pack, e.file);
            const next = apply(readFileSync(file, "utf8"), e);
            writeFileSync(file, next);
            bytes += next.length;
          }
          const started = performance.now();
          const r = await runCli(["validate", "pack.yaml", "--format", "json"], { cwd: pack });
          expect(performance.now() - started).toBeLessThan(allowedMs(bytes, 5000));
          expect(r.stderr).not.toMatch(/^\s+at /m);
          expect([0, 1], r.stderr).toContain(r.code);
          const list = JSON.parse(r.stdout) as Diagnostic[];
          expectWellFormed(list);
          if (r.code === 1) expect(list.some((d) => d.severity === "error")).toBe(true);
          removeTemp(dir);
        }),
        params,
      );
    },
    timeout,
  );
});
