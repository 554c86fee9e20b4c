// The bad-input corpus, one table: each case is the base pack (test/fixtures/corpus/base)
// overlaid with a folder from test/fixtures/corpus/cases, a command, the exit code and the
// diagnostics (code, file, line, column) it must print. Every case: no stack trace, and when
// the input has errors, `render` exits non-zero and writes no output at all.
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { codes } from "../../src/diagnostics/codes.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCase,
  corpusDir,
  caseNames,
  exists,
  removeTemp,
  runIn,
  tempRoot,
  type RunResult,
} from "./corpus-lib.js";

/** [code, file, line?, column?]; line/column undefined = the diagnostic has none. */
type Expected = [string, string, number?, number?];

interface Case {
  /** Folder under cases/ (also the test name). */
  name: string;
  /** Arguments after the pack folder is the cwd; default `validate pack.yaml`. */
  argv?: string[];
  exit: 0 | 1 | 2;
  /** Diagnostics that must be printed (others may be too). */
  expect: Expected[];
  /** Extra files made at run time (symlinks, folders, big files). */
  setup?: (pack: string, root: string) => void;
}

const CSV = "data/measures.csv";
const SPOT = "spotlights/sepsis.yaml";
const CFG = "spotlight.config.yaml";
const RENDER_MD = ["render", "pack.yaml", "-o", "out/paper.md", "--templates", "tpl"];
const unknownSpotlight: Expected = ["ref.unknown_spotlight", CSV, 2, 1];

const cases: Case[] = [
  // --- encodings
  { name: "utf8-bom", exit: 0, expect: [] },
  { name: "utf16le-bom", exit: 0, expect: [] },
  { name: "utf16be-bom", exit: 0, expect: [] },
  { name: "windows-1252", exit: 0, expect: [["data.encoding", CSV, 1, 1]] },
  {
    name: "invalid-utf8-bom",
    exit: 1,
    expect: [
      ["data.invalid_utf8", CSV, 1, 1],
      ["data.bad_number", CSV, 4, 29],
    ],
  },
  {
    name: "invalid-utf8-no-bom",
    exit: 1,
    expect: [
      ["data.encoding", CSV, 1, 1],
      ["data.bad_number", CSV, 4, 29],
    ],
  },
  { name: "utf16le-odd-bytes", exit: 1, expect: [["data.invalid_utf8", CSV, 1, 1]] },
  { name: "yaml-bom", exit: 0, expect: [] },
  { name: "yaml-utf16le", exit: 0, expect: [] },
  // --- delimiters and line ends
  { name: "delimiter-semicolon", exit: 0, expect: [] },
  { name: "delimiter-tab", exit: 0, expect: [] },
  { name: "delimiter-pipe", exit: 0, expect: [] },
  { name: "semicolon-decimal-comma", exit: 0, expect: [] },
  { name: "crlf", exit: 0, expect: [] },
  // --- Excel habits
  {
    name: "excel-serial-dates",
    exit: 1,
    expect: [
      ["data.bad_date", CSV, 2, 18],
      ["data.bad_date", CSV, 25, 18],
      ["ref.no_data", SPOT, 16, 5],
    ],
  },
  { name: "month-names-jan-24", exit: 0, expect: [] },
  { name: "trailing-empty-columns-rows", exit: 0, expect: [] },
  { name: "totals-row", exit: 0, expect: [["data.total_row", CSV, 26, 1]] },
  {
    name: "title-row-above-header",
    exit: 1,
    expect: [
      ["csv.missing_column", CSV, 1, 1],
      ["csv.unknown_column", CSV, 1, 1],
      ["ref.no_data", SPOT, 16, 5],
    ],
  },
  {
    name: "excel-errors",
    exit: 0,
    expect: [
      ["data.excel_error", CSV, 6, 29],
      ["data.excel_error", CSV, 11, 29],
    ],
  },
  // --- numbers
  { name: "numbers-spaces-currency-percent", exit: 0, expect: [] },
  {
    name: "non-finite",
    exit: 1,
    expect: [
      ["data.non_finite", CSV, 7, 29],
      ["data.non_finite", CSV, 8, 29],
    ],
  },
  { name: "bad-number", exit: 1, expect: [["data.bad_number", CSV, 4, 29]] },
  { name: "very-long-number", exit: 1, expect: [["data.non_finite", CSV, 3, 29]] },
  {
    name: "very-long-field",
    exit: 0,
    expect: [],
    setup: (pack) => {
      const lines = ["spotlight,measure,date,value,note"];
      const values = [
        62, 60, 64, 63, 61, 62, 63, 60, 62, 64, 61, 63, 70, 72, 74, 73, 77, 80, 81, 79, 82, 83, 81,
        84,
      ];
      values.forEach((v, i) => {
        const d = `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
        lines.push(`sepsis-ed,abx-1h,${d},${v},${i === 1 ? "x".repeat(500_000) : ""}`);
      });
      writeFileSync(join(pack, CSV), lines.join("\n") + "\n");
    },
  },
  {
    // Fields are capped at a million characters so a stray quote cannot swallow the file.
    name: "field-over-a-million-characters",
    exit: 1,
    expect: [["csv.syntax", CSV, 3, 1]],
    setup: (pack) => {
      const text = readText(join(pack, CSV)).trimEnd().split("\n");
      const lines = text.map(
        (l, i) => `${l},${i === 0 ? "note" : i === 2 ? "x".repeat(1_100_000) : ""}`,
      );
      writeFileSync(join(pack, CSV), lines.join("\n") + "\n");
    },
  },
  // --- dates and rows
  { name: "bad-date", exit: 1, expect: [["data.impossible_date", CSV, 5, 18]] },
  {
    name: "impossible-date",
    exit: 1,
    expect: [
      ["data.impossible_date", CSV, 5, 18],
      ["data.gap", CSV, 6, 18],
    ],
  },
  { name: "missing-date", exit: 1, expect: [["data.missing_date", CSV, 8, 18]] },
  { name: "missing-measure", exit: 0, expect: [["data.missing_measure", CSV, 8, 11]] },
  { name: "no-value", exit: 0, expect: [] },
  { name: "no-value-numerator-only", exit: 0, expect: [["data.no_value", CSV, 6, 32]] },
  { name: "denominator-zero", exit: 0, expect: [["data.no_value", CSV, 6, 32]] },
  { name: "duplicate-date", exit: 1, expect: [["data.duplicate_date", CSV, 7, 18]] },
  { name: "unsorted", exit: 0, expect: [["data.unsorted", CSV, 5, 18]] },
  { name: "gap", exit: 0, expect: [["data.gap", CSV, 7, 18]] },
  { name: "value-mismatch", exit: 0, expect: [["data.value_mismatch", CSV, 4]] },
  { name: "unknown-measure", exit: 1, expect: [["ref.unknown_measure", CSV, 26, 11]] },
  { name: "unknown-spotlight", exit: 1, expect: [["ref.unknown_spotlight", CSV, 26, 1]] },
  { name: "ambiguous-measure", exit: 1, expect: [["ref.ambiguous_measure", CSV, 2, 1]] },
  {
    name: "no-data",
    exit: 1,
    expect: [
      ["ref.no_data", SPOT, 16, 5],
      ["ref.unknown_measure", CSV, 2, 11],
    ],
  },
  // --- CSV structure
  { name: "empty-csv", exit: 1, expect: [["file.empty", CSV, 1, 1]] },
  { name: "header-only", exit: 1, expect: [["csv.header_only", CSV, 1, 1]] },
  { name: "missing-column", exit: 1, expect: [["csv.missing_column", CSV, 1, 1]] },
  { name: "unknown-column", exit: 0, expect: [["csv.unknown_column", CSV, 1, 30]] },
  { name: "ragged-row", exit: 1, expect: [["csv.ragged_row", CSV, 9, 32]] },
  { name: "unclosed-quote", exit: 1, expect: [["csv.syntax", CSV, 9, 29]] },
  { name: "binary-csv", exit: 1, expect: [["file.binary", CSV, 1, 1]] },
  { name: "binary-yaml", exit: 1, expect: [["file.binary", SPOT, 1, 1]] },
  // --- YAML
  { name: "yaml-syntax", exit: 1, expect: [["yaml.syntax", SPOT, 5, 10], unknownSpotlight] },
  { name: "pack-syntax", exit: 1, expect: [["yaml.syntax", "pack.yaml", 4, 3]] },
  { name: "yaml-duplicate-key", exit: 1, expect: [["yaml.duplicate_key", SPOT, 7, 1]] },
  { name: "yaml-tab", exit: 1, expect: [["yaml.tab", SPOT, 12, 1]] },
  { name: "yaml-alias-bomb", exit: 1, expect: [["yaml.alias_limit", SPOT, 32, 9]] },
  { name: "yaml-deep-nesting", exit: 1, expect: [["yaml.too_deep", SPOT, 29, 77]] },
  {
    name: "yaml-huge-string",
    exit: 0,
    expect: [],
    setup: (pack) => {
      const file = join(pack, SPOT);
      const text = readText(file).replace(
        "problem: Patients with sepsis wait too long for antibiotics.",
        `problem: "${"Patients wait. ".repeat(6000)}"`,
      );
      writeFileSync(file, text);
    },
  },
  {
    name: "yaml-proto-keys",
    exit: 1,
    expect: [
      ["schema.unknown_key", SPOT, 29, 1],
      ["schema.unknown_key", SPOT, 30, 1],
      ["schema.unknown_key", SPOT, 31, 1],
    ],
  },
  { name: "yaml-empty", exit: 1, expect: [["file.empty", SPOT, 1, 1], unknownSpotlight] },
  { name: "yaml-not-mapping", exit: 1, expect: [["schema.type", SPOT, 1, 1]] },
  { name: "pack-empty", exit: 1, expect: [["file.empty", "pack.yaml", 1, 1]] },
  // --- schema
  { name: "schema-required", exit: 1, expect: [["schema.required", SPOT, 1, 1]] },
  { name: "paper-missing-field", exit: 1, expect: [["schema.required", "pack.yaml", 2, 3]] },
  { name: "schema-type", exit: 1, expect: [["schema.type", SPOT, 12, 13]] },
  { name: "schema-enum", exit: 1, expect: [["schema.enum", SPOT, 6, 8]] },
  { name: "schema-unknown-key", exit: 1, expect: [["schema.unknown_key", SPOT, 6, 1]] },
  { name: "schema-invalid", exit: 1, expect: [["schema.invalid", SPOT, 1, 5]] },
  { name: "schema-date", exit: 1, expect: [["schema.date", SPOT, 28, 58]] },
  { name: "ref-measure-missing", exit: 1, expect: [["ref.measure_missing", SPOT, 11, 12]] },
  { name: "measure-duplicate-id", exit: 1, expect: [["schema.duplicate_id", SPOT, 21, 9]] },
  {
    name: "spotlight-duplicate-id",
    exit: 1,
    expect: [["schema.duplicate_id", "spotlights/zz-copy.yaml", 1, 5]],
  },
  {
    name: "config-invalid",
    exit: 1,
    expect: [
      ["schema.type", CFG, 1, 20],
      ["schema.unknown_key", CFG, 2, 10],
    ],
  },
  { name: "config-invalid-standard", exit: 1, expect: [["config.invalid", CFG, 2, 18]] },
  // --- files named by the pack
  { name: "file-not-found", exit: 1, expect: [["file.not_found", "pack.yaml", 19, 5]] },
  { name: "glob-matches-nothing", exit: 1, expect: [["file.not_found", "pack.yaml", 16, 20]] },
  {
    name: "outside-pack-dotdot",
    exit: 1,
    expect: [["file.outside_pack", "pack.yaml", 16, 20]],
    setup: (pack, root) => writeFileSync(join(root, "outside.csv"), readText(join(pack, CSV))),
  },
  {
    name: "outside-pack-symlink",
    exit: 1,
    expect: [["file.outside_pack", "pack.yaml", 16, 8]],
    setup: (pack, root) => {
      writeFileSync(join(root, "secret.csv"), "spotlight,measure,date,value\n");
      symlinkSync(join(root, "secret.csv"), join(pack, "data", "zz-link.csv"));
    },
  },
  {
    name: "data-file-is-a-folder",
    exit: 1,
    expect: [["file.unreadable", CSV]],
    setup: (pack) => {
      removeTemp(join(pack, CSV));
      mkdirSync(join(pack, CSV));
      const yaml = readText(join(pack, "pack.yaml")).replace("data/*.csv", CSV);
      writeFileSync(join(pack, "pack.yaml"), yaml);
    },
  },
  // --- limits
  { name: "limit-max-rows", exit: 1, expect: [["data.too_many_rows", CSV, 12, 1]] },
  {
    name: "limit-max-file-mb",
    exit: 1,
    expect: [
      ["file.too_large", "pack.yaml", 18, 5],
      ["file.too_large", CSV],
    ],
  },
  { name: "limit-max-file-mb-data", exit: 1, expect: [["file.too_large", CSV]] },
  { name: "limit-max-spotlights", exit: 1, expect: [["schema.too_many", "pack.yaml", 18, 3]] },
  { name: "limit-max-string-length", exit: 1, expect: [["schema.string_too_long", SPOT, 8, 10]] },
  // --- templates (render --templates tpl): exit 2, file and line named
  {
    name: "template-syntax",
    argv: RENDER_MD,
    exit: 2,
    expect: [["template.syntax", "tpl/problem.md.hbs", 4]],
  },
  {
    name: "template-unknown-helper",
    argv: RENDER_MD,
    exit: 2,
    expect: [["template.unknown_helper", "tpl/problem.md.hbs", 3, 1]],
  },
  {
    name: "template-missing-partial",
    argv: RENDER_MD,
    exit: 2,
    expect: [["template.missing_partial", "tpl/problem.md.hbs", 3, 1]],
  },
  {
    name: "template-missing-variable",
    argv: RENDER_MD,
    exit: 2,
    expect: [["template.missing_variable", "tpl/problem.md.hbs", 3, 3]],
  },
];

function readText(file: string): string {
  return readFileSync(file, "utf8");
}

let root: string;
beforeAll(() => {
  root = tempRoot("corpus-run-");
});
afterAll(() => removeTemp(root));

/** Builds the case in its own folder; returns the pack folder. */
function prepare(c: Case): string {
  const dir = join(root, c.name);
  mkdirSync(dir);
  const folder = exists(join(corpusDir, "cases", c.name)) ? c.name : undefined;
  const pack = buildCase(folder, dir);
  c.setup?.(pack, dir);
  return pack;
}

/** A file name as printed: the tests run with the pack folder as cwd, templates print absolute paths. */
const shownAs = (file: string, pack: string) =>
  file.startsWith(pack + "/") ? file.slice(pack.length + 1) : file;

function assertClean(r: RunResult) {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain("internal.error");
}

describe("bad-input corpus", () => {
  it("the table triggers every code the loaders, schema and config checks can emit", () => {
    const src = fileURLToPath(new URL("../../src/", import.meta.url));
    const files = [
      ...["load", "schema"].flatMap((d) => readdirSync(join(src, d)).map((f) => join(src, d, f))),
      join(src, "check/config-checks.ts"),
    ];
    const emitted = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(/"([a-z]+\.[a-z_0-9]+)"/g)) {
        if (m[1]! in codes) emitted.add(m[1]!);
      }
    }
    const covered = new Set(cases.flatMap((c) => c.expect.map((e) => e[0])));
    expect([...emitted].filter((c) => !covered.has(c)).sort()).toEqual([]);
    expect(emitted.size).toBeGreaterThan(40);
  });

  it("every case folder has a row in the table", () => {
    const inTable = new Set(cases.map((c) => c.name));
    expect(caseNames().filter((n) => !inTable.has(n))).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const pack = prepare(c);
    const r = await runIn(pack, c.argv ?? ["validate", "pack.yaml"]);
    assertClean(r);
    const got = r.diagnostics.map((d) => ({ ...d, file: shownAs(d.file, pack) }));
    for (const [code, file, line, column] of c.expect) {
      const hit = got.find(
        (d) => d.code === code && d.file === file && d.line === line && d.column === column,
      );
      expect(hit, `${code} at ${file}:${line}:${column} in\n${r.stderr}`).toBeDefined();
    }
    // Errors carry a line, except problems with a whole file (too large, unreadable).
    const wholeFile = new Set(["file.too_large", "file.unreadable"]);
    for (const d of got) {
      if (d.severity === "error" && !wholeFile.has(d.code)) expect(d.line, d.code).toBeDefined();
    }
    expect(r.code, r.stderr).toBe(c.exit);

    if (c.exit !== 0) {
      // Render the same input: it fails too and writes nothing.
      const argv = c.argv ?? ["render", "pack.yaml", "-o", "out/paper.docx"];
      const md = argv.includes("out/paper.md");
      const again = c.argv ? r : await runIn(pack, argv);
      assertClean(again);
      expect(again.code).not.toBe(0);
      expect(exists(join(pack, "out")) ? readdirSync(join(pack, "out")) : []).toEqual([]);
      if (!md) {
        const rmd = await runIn(pack, ["render", "pack.yaml", "-o", "out/paper.md"]);
        expect(rmd.code).not.toBe(0);
        expect(exists(join(pack, "out")) ? readdirSync(join(pack, "out")) : []).toEqual([]);
      }
    } else {
      // A good input renders, and the output exists.
      const ok = await runIn(pack, ["render", "pack.yaml", "-o", "out/paper.docx"]);
      assertClean(ok);
      expect(ok.code, ok.stderr).toBe(0);
      expect(readdirSync(join(pack, "out"))).toEqual(["paper.docx"]);
    }
  });
});
