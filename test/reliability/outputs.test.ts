// Every command that writes goes through the safe writer: refusals (input, folder, symbolic
// link) are exit 2 with an output.* diagnostic and change nothing; a re-render replaces
// paper_files/ completely; no temporary files are left behind.
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCase, removeTemp, runIn, tempRoot } from "./corpus-lib.js";

let root: string;
let n = 0;
beforeAll(() => {
  root = tempRoot("outputs-");
});
afterAll(() => removeTemp(root));

function fresh(): { pack: string; dir: string } {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  return { pack: buildCase(undefined, dir), dir };
}

const codesOf = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);
const noTemp = (dir: string) =>
  expect(readdirSync(dir).filter((f) => /\.(tmp|old)$/.test(f))).toEqual([]);

describe("commands write only through the safe writer", () => {
  it("render -o a symbolic link is refused and the link's target is unchanged", async () => {
    const { pack, dir } = fresh();
    writeFileSync(join(dir, "victim.docx"), "keep");
    symlinkSync(join(dir, "victim.docx"), join(pack, "paper.docx"));
    const r = await runIn(pack, ["render", "pack.yaml", "-o", "paper.docx"]);
    expect(r.code).toBe(2);
    expect(codesOf(r)).toEqual(["output.symlink"]);
    expect(readFileSync(join(dir, "victim.docx"), "utf8")).toBe("keep");
  });

  it("render --summary onto an input file is refused and the input is unchanged", async () => {
    const { pack } = fresh();
    const before = readFileSync(join(pack, "data/measures.csv"), "utf8");
    const r = await runIn(pack, [
      "render",
      "pack.yaml",
      "-o",
      "out/paper.docx",
      "--summary",
      "data/measures.csv",
    ]);
    expect(r.code).toBe(2);
    expect(codesOf(r)).toContain("output.exists_input");
    expect(readFileSync(join(pack, "data/measures.csv"), "utf8")).toBe(before);
  });

  it("render -o a folder is refused", async () => {
    const { pack } = fresh();
    mkdirSync(join(pack, "paper.docx"));
    const r = await runIn(pack, ["render", "pack.yaml", "-o", "paper.docx"]);
    expect(r.code).toBe(2);
    expect(codesOf(r)).toEqual(["output.is_directory"]);
  });

  it("render to Markdown creates missing folders and replaces paper_files/ completely", async () => {
    const { pack } = fresh();
    const r = await runIn(pack, ["render", "pack.yaml", "-o", "a/b/paper.md"]);
    expect(r.code, r.stderr).toBe(0);
    const files = join(pack, "a/b/paper_files");
    const first = readdirSync(files).sort();
    writeFileSync(join(files, "stale.svg"), "<svg/>");
    const again = await runIn(pack, ["render", "pack.yaml", "-o", "a/b/paper.md"]);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(files).sort()).toEqual(first);
    noTemp(join(pack, "a/b"));
  });

  it("schema -o a symbolic link is refused; schema -o a new folder works", async () => {
    const { pack, dir } = fresh();
    writeFileSync(join(dir, "victim.json"), "keep");
    symlinkSync(join(dir, "victim.json"), join(pack, "schema.json"));
    const r = await runIn(pack, ["schema", "-o", "schema.json"]);
    expect(r.code).toBe(2);
    expect(codesOf(r)).toEqual(["output.symlink"]);
    expect(readFileSync(join(dir, "victim.json"), "utf8")).toBe("keep");
    const ok = await runIn(pack, ["schema", "-o", "new/schema.json", "--quiet"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(pack, "new/schema.json"), "utf8"))).toHaveProperty(
      "$schema",
    );
  });

  it("analyse --charts into a path that is a file fails with output.write_failed, not a crash", async () => {
    const { pack } = fresh();
    writeFileSync(join(pack, "charts"), "a file");
    const r = await runIn(pack, ["analyse", "data/measures.csv", "--charts", "charts"]);
    expect(r.code).toBe(2);
    expect(codesOf(r)).toEqual(["output.write_failed"]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("templates --eject through a dangling symbolic link is refused, nothing is created there", async () => {
    const { pack, dir } = fresh();
    mkdirSync(join(pack, "tpl"));
    symlinkSync(join(dir, "elsewhere.hbs"), join(pack, "tpl", "problem.md.hbs"));
    const r = await runIn(pack, ["templates", "--eject", "tpl"]);
    expect(r.code).toBe(2);
    expect(codesOf(r)).toEqual(["output.symlink"]);
    expect(readdirSync(dir)).not.toContain("elsewhere.hbs");
  });

  it("convert -o a folder is refused", async () => {
    const { pack } = fresh();
    writeFileSync(join(pack, "note.md"), "# Note\n\nText.\n");
    mkdirSync(join(pack, "note.docx"));
    const r = await runIn(pack, ["convert", "note.md", "-o", "note.docx"]);
    expect(r.code).toBe(2);
    expect(codesOf(r)).toEqual(["output.is_directory"]);
  });
});
