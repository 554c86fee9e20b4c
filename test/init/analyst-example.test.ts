// The analyst example runs end to end: examples/analyst/monthly.sh validates the Northshire
// pack, renders DOCX and Markdown with --summary, and prints warnings and icons per spotlight.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "spotlight-analyst-"));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Runs monthly.sh with `spotlight` run from the sources (no build needed). */
function monthly(pack: string, out: string) {
  const cli = join(tmp, "cli.mts");
  writeFileSync(
    cli,
    `import { run } from ${JSON.stringify(join(repoRoot, "src/cli/run.ts"))};\nprocess.exitCode = await run(process.argv.slice(2));\n`,
  );
  return spawnSync("bash", [join(repoRoot, "examples/analyst/monthly.sh"), pack, out], {
    encoding: "utf8",
    env: {
      ...process.env,
      NO_COLOR: "1",
      SPOTLIGHT: `${join(repoRoot, "node_modules/.bin/tsx")} ${cli}`,
    },
  });
}

it("validates, renders DOCX and Markdown, and prints icons per measure", () => {
  const out = join(tmp, "out");
  const r = monthly(join(repoRoot, "examples/northshire/pack.yaml"), out);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("Validation: 0 errors, 0 warnings, 0 notes");
  expect(r.stdout).toMatch(/^falls-wards-7-8: Inpatient falls on Wards 7 and 8\n {2}warnings: 0$/m);
  expect(r.stdout).toMatch(/^ {2}falls-rate +improvement_low +inconsistent$/m);
  expect(r.stdout).toMatch(/^ {2}antibiotics-1h +improvement_high +fail$/m);
  expect(r.stdout).toMatch(/^ {2}discharges-before-noon +common_cause +inconsistent$/m);
  expect(r.stdout).toMatch(/^ {2}list-overruns +common_cause +no target$/m);
  expect(readFileSync(join(out, "paper.docx")).subarray(0, 2).toString()).toBe("PK");
  expect(readFileSync(join(out, "paper.md"), "utf8")).toContain("Inpatient falls on Wards 7 and 8");
  const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as {
    spotlights: { id: string }[];
  };
  expect(summary.spotlights.map((s) => s.id)).toEqual([
    "falls-wards-7-8",
    "sepsis-ed",
    "discharge-before-noon",
    "theatre-first-case",
  ]);
});

it("stops with exit 1 and renders nothing when the pack has errors", () => {
  const pack = join(tmp, "pack.yaml");
  writeFileSync(pack, "paper: {}\nspotlights: []\n");
  const out = join(tmp, "out");
  const r = monthly(pack, out);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("The pack has errors; nothing was rendered.");
  expect(r.stderr).toContain("schema.required");
  expect(existsSync(join(out, "paper.docx"))).toBe(false);
  expect(existsSync(join(out, "validation.json"))).toBe(true);
});
