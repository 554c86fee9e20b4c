// No data lost silently: every data row of every corpus case and of the `spotlight init`
// scaffold either reaches the analysis (a point in pack.data) or is named by a diagnostic
// (its file and line, a "reading stopped" line before it, or a whole-file problem).
// Also: encodings decode to the right characters and YAML keys cannot pollute prototypes.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeIo } from "../../src/cli/node-io.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadPack } from "../../src/load/pack.js";
import { runCli } from "../helpers/cli.js";
import { buildCase, caseNames, removeTemp, tempRoot } from "./corpus-lib.js";

let root: string;
beforeAll(() => {
  root = tempRoot("rows-");
});
afterAll(() => removeTemp(root));

/** Decodes like a spreadsheet user would expect: BOM, else UTF-8, else Windows-1252. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Line numbers (1-based) of rows that hold data: after the header, not blank or only delimiters. */
function dataLines(text: string): number[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (i > 0 && /[^,;|\t\s"]/.test(l)) out.push(i + 1);
  });
  return out;
}

const WHOLE_FILE = new Set([
  "file.binary",
  "file.empty",
  "file.too_large",
  "file.unreadable",
  "csv.missing_column",
  "csv.header_only",
  "data.invalid_utf8",
]);

/** Rows of `file` not accounted for: neither a point nor named by a diagnostic. */
function lostRows(
  file: string,
  lines: number[],
  points: Set<number>,
  diagnostics: readonly Diagnostic[],
): number[] {
  const mine = diagnostics.filter((d) => d.file === file);
  if (mine.some((d) => WHOLE_FILE.has(d.code) && d.severity === "error")) return [];
  const named = new Set(mine.map((d) => d.line));
  const stoppedAt = Math.min(
    ...mine.filter((d) => /stopped/.test(d.message)).map((d) => d.line ?? Infinity),
  );
  // Grouped diagnostics ("24 rows: lines 2, 3, … and 12 more") name rows by count.
  let more = 0;
  for (const d of mine) {
    const m = /\((\d+) rows?: lines ([\d, ]+)(?:and (\d+) more)?\)/.exec(d.message);
    if (!m) continue;
    for (const n of m[2]!.split(/[ ,]+/).filter(Boolean)) named.add(Number(n));
    more += Number(m[3] ?? 0);
  }
  const lost = lines.filter((l) => !points.has(l) && !named.has(l) && l < stoppedAt);
  return lost.slice(more);
}

async function accountFor(pack: string) {
  const { pack: loaded, diagnostics } = await loadPack("pack.yaml", { io: nodeIo, cwd: pack });
  const pointsByFile = new Map<string, Set<number>>();
  let points = 0;
  for (const measures of loaded?.data.values() ?? []) {
    for (const list of measures.values()) {
      for (const p of list) {
        points++;
        if (!pointsByFile.has(p.file)) pointsByFile.set(p.file, new Set());
        pointsByFile.get(p.file)!.add(p.line);
      }
    }
  }
  const lost: string[] = [];
  let rowsIn = 0;
  const dataDir = join(pack, "data");
  for (const name of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    const abs = join(dataDir, name);
    const file = relative(pack, abs);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(abs);
    } catch {
      continue; // a folder: reported as file.unreadable
    }
    const lines = dataLines(decode(bytes));
    rowsIn += lines.length;
    const missing = lostRows(file, lines, pointsByFile.get(file) ?? new Set(), diagnostics);
    lost.push(...missing.map((l) => `${file}:${l}`));
  }
  return { lost, rowsIn, points, diagnostics, loaded };
}

describe("every data row reaches the analysis or is named in a diagnostic", () => {
  it.each(caseNames().filter((n) => !n.startsWith("template-")))("corpus case %s", async (name) => {
    const dir = join(root, name);
    const pack = buildCase(name, dir);
    const { lost, points, diagnostics } = await accountFor(pack);
    const packBroken = diagnostics.some((d) => d.file === "pack.yaml" && d.severity === "error");
    // A pack file that cannot be read names no data files: its error accounts for every row.
    if (packBroken && points === 0) return;
    expect(lost).toEqual([]);
  });

  it("the base pack: 24 rows in, 24 points out, and render --summary shows all 24", async () => {
    const pack = buildCase(undefined, join(root, "base"));
    const { rowsIn, points } = await accountFor(pack);
    expect([rowsIn, points]).toEqual([24, 24]);
    const r = await runCli(
      ["render", "pack.yaml", "-o", "out/paper.md", "--summary", "out/s.json"],
      {
        cwd: pack,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(pack, "out/s.json"), "utf8")) as {
      spotlights: { measures: { points: unknown[] }[] }[];
    };
    const n = summary.spotlights
      .flatMap((s) => s.measures)
      .reduce((a, m) => a + m.points.length, 0);
    expect(n).toBe(24);
  });

  it("the init scaffold: every CSV row becomes a point", async () => {
    const dir = join(root, "init");
    const r = await runCli(["init", dir, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    const { lost, rowsIn, points, diagnostics } = await accountFor(dir);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(lost).toEqual([]);
    expect(rowsIn).toBeGreaterThan(100);
    expect(points).toBe(rowsIn);
  });
});

describe("what the loaders produce", () => {
  it("Windows-1252 £ and – and UTF-16 text decode to the right characters", async () => {
    for (const name of ["windows-1252"]) {
      const pack = buildCase(name, join(root, `chars-${name}`));
      const { loaded } = await accountFor(pack);
      const notes = [...loaded!.data.get("sepsis-ed")!.get("abx-1h")!].flatMap((p) => p.note ?? []);
      expect(notes).toEqual(["Cost £1,200 saved – audit"]);
    }
  });

  it("numbers with spaces, currency, percent and -0 are read as numbers", async () => {
    const pack = buildCase("numbers-spaces-currency-percent", join(root, "numbers"));
    const { loaded } = await accountFor(pack);
    const values = loaded!.data
      .get("sepsis-ed")!
      .get("abx-1h")!
      .map((p) => p.value);
    expect(values.slice(0, 4)).toEqual([1062, 1060, 64, 0]);
  });

  it("__proto__, constructor and prototype keys do not pollute Object.prototype", async () => {
    const pack = buildCase("yaml-proto-keys", join(root, "proto"));
    await accountFor(pack);
    await runCli(["validate", "pack.yaml"], { cwd: pack });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});
