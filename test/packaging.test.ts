// The package as a user installs it: `npm pack`, install the tarball into an empty folder,
// then run the installed `spotlight` for --help, --version, init, validate and render.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/cli.js";

describe("the packed tarball", () => {
  let dir: string;
  let bin: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "spotlight-pack-"));
    const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    const tarball = join(dir, out.trim().split("\n").pop()!);
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "user-project", private: true }),
    );
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", tarball], {
      cwd: dir,
      stdio: "pipe",
    });
    bin = join(dir, "node_modules", ".bin", "spotlight");
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(bin, args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("ships what the package needs and nothing from the tests", () => {
    const pkg = join(dir, "node_modules", "board-spotlight");
    for (const f of [
      "dist/index.js",
      "dist/index.d.ts",
      "bin/spotlight.cjs",
      "bin/load-app.cjs",
      ...["app", "convert", "config-file", "markdown-parse"].flatMap((b) => [
        `dist/bundle/${b}.cjs`,
        `dist/bundle/${b}.cjs.cache`,
      ]),
      "schema/spotlight.schema.json",
      "templates",
      "assets/fonts",
      "examples/northshire/pack.yaml",
    ]) {
      expect(existsSync(join(pkg, f)), f).toBe(true);
    }
    expect(existsSync(join(pkg, "test"))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as {
      engines: { node: string };
    };
    expect(manifest.engines.node).toBe(">=20");
  });

  it("runs --help and --version", () => {
    expect(run("--help").status).toBe(0);
    expect(run("--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("runs init, validate and render from the installed package", () => {
    expect(run("init", "pack").status).toBe(0);
    const v = run("validate", "pack/pack.yaml", "--strict");
    expect(v.status, v.stderr).toBe(0);
    const r = run("render", "pack/pack.yaml", "-o", "paper.docx");
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "paper.docx")).subarray(0, 2).toString()).toBe("PK");
    const md = run("render", "pack/pack.yaml", "-o", "paper.md");
    expect(md.status, md.stderr).toBe(0);
    expect(existsSync(join(dir, "paper_files"))).toBe(true);
    // convert from its own bundle, with the pack's config (config-file.cjs) for the house style
    const c = run(
      "convert",
      "paper.md",
      "-o",
      "converted.docx",
      "-c",
      "pack/spotlight.config.yaml",
    );
    expect(c.status, c.stderr).toBe(0);
    expect(readFileSync(join(dir, "converted.docx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("is importable as a library the way a user imports it", () => {
    writeFileSync(
      join(dir, "api.mjs"),
      `import { loadPack, check, analyse, renderMarkdown, renderDocx, version } from "board-spotlight";
       for (const f of [loadPack, check, analyse, renderMarkdown, renderDocx]) if (typeof f !== "function") throw new Error("missing export");
       console.log(version);`,
    );
    const r = spawnSync(process.execPath, ["api.mjs"], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  });
});
