import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { builtinTemplatesDir } from "../../src/template/render-templates.js";
import { runCli } from "../helpers/cli.js";

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "spotlight-eject-"));
  temps.push(d);
  return d;
}

const builtins = readdirSync(builtinTemplatesDir())
  .filter((f) => f.endsWith(".hbs"))
  .sort();

describe("spotlight templates", () => {
  it("lists every built-in with its purpose, the main template first", async () => {
    const r = await runCli(["templates"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => /^ {2}\S+\.hbs/.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/)[0]).sort()).toEqual(builtins);
    expect(rows[0]).toMatch(/^ {2}paper\.md\.hbs +The board paper: cover sheet/);
    for (const row of rows) expect(row).toMatch(/\.hbs +[A-Z]/);
  });

  it("--eject copies the built-ins unchanged", async () => {
    const dir = tempDir();
    const r = await runCli(["templates", "--eject", "mine"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "mine")).sort()).toEqual(builtins);
    for (const f of builtins) {
      expect(readFileSync(join(dir, "mine", f), "utf8")).toBe(
        readFileSync(join(builtinTemplatesDir(), f), "utf8"),
      );
    }
  });

  it("--eject refuses to overwrite, and copies nothing", async () => {
    const dir = tempDir();
    await runCli(["templates", "--eject", "mine"], { cwd: dir });
    writeFileSync(join(dir, "mine/aim.md.hbs"), "edited");
    rmSync(join(dir, "mine/risks.md.hbs"));
    const r = await runCli(["templates", "--eject", "mine"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mine\/aim\.md\.hbs +error +output\.exists/);
    expect(readFileSync(join(dir, "mine/aim.md.hbs"), "utf8")).toBe("edited");
    expect(readdirSync(join(dir, "mine"))).not.toContain("risks.md.hbs");
  });
});
