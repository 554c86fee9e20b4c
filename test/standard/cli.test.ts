// The standard through the CLI: `validate` prints standard warnings with file:line:column and
// exits 0; `--strict` makes them fail (exit 1); the celebrate check reads the real analysis.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixtures } from "./helpers.js";

const cwd = path.join(fixtures, "cli");

describe("spotlight validate and the standard", () => {
  it("passes --strict on a spotlight that meets the standard", async () => {
    const r = await runCli(["validate", "good.yaml", "--strict"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("0 errors, 0 warnings");
  });

  it("prints a standard warning and exits 0, or 1 with --strict", async () => {
    const plain = await runCli(["validate", "bad.yaml"], { cwd });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(
      `bad.yaml:2:8  warning  standard.problem_framing  the title uses solution wording: "Rolling out"`,
    );
    const strict = await runCli(["validate", "bad.yaml", "--strict"], { cwd });
    expect(strict.code).toBe(1);
  });

  it("reports celebrate from the SPC analysis of the data (special cause improvement)", async () => {
    const r = await runCli(["validate", "no-successes.yaml", "--format", "json"], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "standard.celebrate",
        file: "no-successes.yaml",
        line: 21,
        column: 5,
        path: ["measures", 0],
      }),
    ]);
  });
});
