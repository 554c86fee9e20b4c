// A spotlight file checked on its own belongs to the pack around it: the pack folder's config
// applies and data files beside the pack are inside it (no --allow-outside needed).
import { describe, expect, it } from "vitest";
import { nodeIo } from "../../src/cli/node-io.js";
import { loadPack } from "../../src/load/pack.js";
import { repoRoot, runCli } from "../helpers/cli.js";

describe("a single spotlight file inside a pack folder", () => {
  it("uses the pack folder's config and reaches ../data without --allow-outside", async () => {
    const { pack, diagnostics } = await loadPack("examples/northshire/spotlights/falls.yaml", {
      io: nodeIo,
      cwd: repoRoot,
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(pack?.configSource?.file).toBe("examples/northshire/spotlight.config.yaml");
    expect(pack?.data.get(pack.spotlights[0]!.spotlight.id)?.size).toBeGreaterThan(0);
  });

  it("validates cleanly from the command line", async () => {
    const r = await runCli(["validate", "examples/northshire/spotlights/falls.yaml", "--strict"], {
      cwd: repoRoot,
    });
    expect(r.stderr).toMatch(/0 errors, 0 warnings/);
    expect(r.code).toBe(0);
  });
});
