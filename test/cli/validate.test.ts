// `spotlight validate` through main(): exit codes, text and JSON output, the summary line,
// --strict, --quiet, --config and --allow-outside.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturesDir } from "../load/helpers.js";
import { runCli } from "../helpers/cli.js";

const validate = (args: string[], cwd = fixturesDir) => runCli(["validate", ...args], { cwd });

describe("spotlight validate", () => {
  it("a good pack: exit 0, nothing on stdout, one summary line", async () => {
    const r = await validate(["good-pack/pack.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "ok: good-pack/pack.yaml — 2 spotlights, 3 measures, 0 errors, 0 warnings\n",
    );
  });

  it("a single spotlight file is accepted", async () => {
    const r = await validate(["single-spotlight/sepsis.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "ok: single-spotlight/sepsis.yaml — 1 spotlight, 1 measure, 0 errors, 0 warnings\n",
    );
  });

  it("errors: exit 1, file:line:col  severity  code  message, hint, summary", async () => {
    const r = await validate(["unknown-enum/spotlight.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'unknown-enum/spotlight.yaml:6:8  error  schema.enum  `phase` is "testng"; allowed values: scoping, diagnosing, testing, implementing, spreading, sustaining, closed\n  hint: Did you mean `testing`?\n',
    );
    expect(r.stderr).toMatch(/failed: unknown-enum\/spotlight\.yaml — .*1 error, 0 warnings\n$/);
  });

  it("--format json prints the array on stdout and no summary", async () => {
    const r = await validate(["unknown-key/spotlight.yaml", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const list = JSON.parse(r.stdout) as { code: string; line: number; column: number }[];
    expect(list.find((d) => d.code === "schema.unknown_key")).toMatchObject({
      file: "unknown-key/spotlight.yaml",
      line: 2,
      column: 1,
      path: ["titel"],
      hint: "Did you mean `title`?",
    });
  });

  it("--quiet drops the summary line but not the diagnostics", async () => {
    const ok = await validate(["good-pack/pack.yaml", "--quiet"]);
    expect(ok).toEqual({ code: 0, stdout: "", stderr: "" });
    const bad = await validate(["tab-indent/spotlight.yaml", "-q"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^tab-indent\/spotlight\.yaml:14:1  error  yaml\.tab/);
    expect(bad.stderr).not.toContain("failed:");
  });

  it("a file that does not exist cannot run: exit 2", async () => {
    const r = await validate(["nope/pack.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "nope/pack.yaml  error  file.not_found  nope/pack.yaml does not exist",
    );
  });

  it("outside files are refused unless --allow-outside", async () => {
    const refused = await validate(["outside-pack/pack.yaml"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("outside-pack/pack.yaml:17:5  error  file.outside_pack");
    const allowed = await validate(["outside-pack/pack.yaml", "--allow-outside", "-q"]);
    expect(allowed.stderr).not.toContain("file.outside_pack");
  });
});

describe("spotlight validate --strict and --config", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "spotlight-validate-"));
    await cp(join(fixturesDir, "good-pack"), join(dir, "pack"), { recursive: true });
    // min_points above the 24 points of every measure: trial-limit warnings
    await writeFile(
      join(dir, "strict.yaml"),
      "spc:\n  min_points: 30\nstandard:\n  checks:\n    standard.min_points: warning\n",
    );
    await writeFile(join(dir, "bad.yaml"), "spc:\n  min_points: many\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("warnings pass, but fail with --strict", async () => {
    const loose = await validate(["pack/pack.yaml", "--config", "strict.yaml"], dir);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/warning/);
    expect(loose.stderr).toMatch(
      /ok: pack\/pack\.yaml — 2 spotlights, 3 measures, 0 errors, [1-9]\d* warnings?\n$/,
    );
    const strict = await validate(["pack/pack.yaml", "--config", "strict.yaml", "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/failed: pack\/pack\.yaml/);
  });

  it("an invalid --config is reported in that file", async () => {
    const r = await validate(["pack/pack.yaml", "-c", "bad.yaml"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'bad.yaml:2:15  error  schema.type  `spc.min_points` should be a number, not "many"',
    );
  });

  it("a --config that does not exist cannot run", async () => {
    const r = await validate(["pack/pack.yaml", "-c", "missing.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing.yaml  error  file.not_found");
  });
});
