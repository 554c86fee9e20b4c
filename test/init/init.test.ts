// `spotlight init`: writes the example pack, rewrites the $schema lines, refuses to overwrite
// any existing file (writing nothing), and the scaffold passes validate --strict.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  exampleDir,
  scaffoldFiles,
  schemaFile,
  schemaReference,
} from "../../src/cli/commands/init.js";
import { runCli } from "../helpers/cli.js";

const expectedFiles = [
  "data/discharges.csv",
  "data/falls.csv",
  "data/sepsis.csv",
  "data/theatres.csv",
  "pack.yaml",
  "spotlight.config.yaml",
  "spotlights/discharges.yaml",
  "spotlights/falls.yaml",
  "spotlights/sepsis.yaml",
  "spotlights/theatres.yaml",
];

/** Every file under `dir` with its bytes and modification time, paths with `/`. */
function snapshot(dir: string): Map<string, { bytes: string; mtime: number }> {
  const out = new Map<string, { bytes: string; mtime: number }>();
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else {
        const p = join(dir, rel);
        out.set(rel, { bytes: readFileSync(p, "base64"), mtime: statSync(p).mtimeMs });
      }
    }
  };
  walk("");
  return out;
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "spotlight-init-"));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("spotlight init", () => {
  it("writes the pack, config, spotlights and data (not make-data.ts) and prints the next commands", async () => {
    const r = await runCli(["init", "demo"], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("spotlight validate demo/pack.yaml");
    expect(r.stderr).toContain("spotlight render demo/pack.yaml -o paper.docx");
    expect([...snapshot(join(tmp, "demo")).keys()].sort()).toEqual(expectedFiles);
    // Data files are copied byte for byte.
    for (const f of expectedFiles.filter((f) => f.endsWith(".csv"))) {
      expect(readFileSync(join(tmp, "demo", f), "utf8")).toBe(
        readFileSync(join(exampleDir, f), "utf8"),
      );
    }
  });

  it("says nothing with --quiet and writes into the current folder by default", async () => {
    const r = await runCli(["init", "--quiet"], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(existsSync(join(tmp, "pack.yaml"))).toBe(true);
    expect(existsSync(join(tmp, "spotlights", "sepsis.yaml"))).toBe(true);
  });

  it("points each YAML file's $schema line at the package's schema, from that file's folder", async () => {
    await runCli(["init", "demo"], { cwd: tmp });
    const pack = readFileSync(join(tmp, "demo", "pack.yaml"), "utf8").split("\n")[0];
    const spot = readFileSync(join(tmp, "demo", "spotlights", "falls.yaml"), "utf8").split("\n")[0];
    // The temp folder is outside this checkout, so the reference is absolute.
    expect(pack).toBe(`# yaml-language-server: $schema=${schemaReference(join(tmp, "demo"))}`);
    expect(pack).toMatch(
      /^# yaml-language-server: \$schema=(\/|file:).*\/schema\/spotlight\.schema\.json$/,
    );
    expect(spot).toBe(pack);
    // Everything after the first line is the example, unchanged.
    const rest = (s: string) => s.split("\n").slice(1).join("\n");
    expect(rest(readFileSync(join(tmp, "demo", "spotlights", "falls.yaml"), "utf8"))).toBe(
      rest(readFileSync(join(exampleDir, "spotlights", "falls.yaml"), "utf8")),
    );
  });

  it("refuses a second init into the same folder: exit 1, init.exists, nothing changed", async () => {
    expect((await runCli(["init", "demo"], { cwd: tmp })).code).toBe(0);
    const before = snapshot(join(tmp, "demo"));
    const r = await runCli(["init", "demo"], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^demo\/pack\.yaml {2}error {2}init\.exists {2}demo\/pack\.yaml already exists/,
    );
    expect(snapshot(join(tmp, "demo"))).toEqual(before);
  });

  it("checks every file first: one clash deep in the list means nothing at all is written", async () => {
    mkdirSync(join(tmp, "demo", "data"), { recursive: true });
    writeFileSync(join(tmp, "demo", "data", "theatres.csv"), "mine\n");
    const r = await runCli(["init", "demo"], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("demo/data/theatres.csv already exists");
    expect([...snapshot(join(tmp, "demo")).keys()]).toEqual(["data/theatres.csv"]);
    expect(readFileSync(join(tmp, "demo", "data", "theatres.csv"), "utf8")).toBe("mine\n");
  });

  it("refuses a target that is a file, and a file where a folder of the pack goes", async () => {
    writeFileSync(join(tmp, "afile"), "x");
    const r1 = await runCli(["init", "afile"], { cwd: tmp });
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain("afile already exists");

    mkdirSync(join(tmp, "demo"));
    writeFileSync(join(tmp, "demo", "spotlights"), "not a folder");
    const r2 = await runCli(["init", "demo"], { cwd: tmp });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain("demo/spotlights already exists");
    expect([...snapshot(join(tmp, "demo")).keys()]).toEqual(["spotlights"]);
  });

  it("writes a pack that validate --strict accepts with no diagnostics at all", async () => {
    expect((await runCli(["init", "demo"], { cwd: tmp })).code).toBe(0);
    const strict = await runCli(["validate", "demo/pack.yaml", "--strict"], { cwd: tmp });
    expect(strict.stderr).toContain("0 errors, 0 warnings");
    expect(strict.code).toBe(0);
    const json = await runCli(["validate", "demo/pack.yaml", "--format", "json"], { cwd: tmp });
    expect(JSON.parse(json.stdout)).toEqual([]);
    // Each spotlight file can also be checked on its own, as a project lead would, with no
    // --allow-outside: the pack folder around it is its root.
    for (const f of ["falls", "sepsis", "discharges", "theatres"]) {
      const one = await runCli(
        ["validate", `demo/spotlights/${f}.yaml`, "--strict", "--format", "json"],
        { cwd: tmp },
      );
      expect({ f, out: JSON.parse(one.stdout) as unknown, code: one.code }).toEqual({
        f,
        out: [],
        code: 0,
      });
    }
  });

  it("lists exactly the shipped example files", async () => {
    expect((await scaffoldFiles()).map((f) => f.name).sort()).toEqual(expectedFiles);
  });
});

describe("schemaReference", () => {
  const local = [
    "",
    "home",
    "ann",
    "proj",
    "node_modules",
    "board-spotlight",
    "schema",
    "spotlight.schema.json",
  ].join(sep);
  const global = [
    "",
    "usr",
    "lib",
    "node_modules",
    "board-spotlight",
    "schema",
    "spotlight.schema.json",
  ].join(sep);

  it("is relative when the package is installed in the same project", () => {
    expect(schemaReference(["", "home", "ann", "proj", "pack"].join(sep), local)).toBe(
      "../node_modules/board-spotlight/schema/spotlight.schema.json",
    );
    expect(
      schemaReference(["", "home", "ann", "proj", "pack", "spotlights"].join(sep), local),
    ).toBe("../../node_modules/board-spotlight/schema/spotlight.schema.json");
  });

  it("is absolute when the package lives elsewhere (global install, npx cache)", () => {
    const ref = schemaReference(["", "home", "ann", "proj", "pack"].join(sep), global);
    expect(ref).toBe(sep === "/" ? global : pathToFileURL(global).href);
  });

  it("is relative inside a checkout of board-spotlight itself", () => {
    const root = schemaFile.slice(0, -"schema/spotlight.schema.json".length);
    expect(schemaReference(join(root, "demo"))).toBe("../schema/spotlight.schema.json");
  });
});
