// The scaffold written by `spotlight init` (the Northshire example pack, with its data and
// config) meets the section standard: after loading and SPC analysis, check gives nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysePack } from "../../src/analysis/analyse-pack.js";
import { check } from "../../src/check/check.js";
import { nodeIo } from "../../src/cli/node-io.js";
import { loadPack } from "../../src/load/pack.js";
import { runCli } from "../helpers/cli.js";

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "standard-scaffold-"));
  const init = await runCli(["init", join(dir, "pack")]);
  expect(init.code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("spotlight init scaffold", () => {
  it("loads without errors and gives no standard diagnostics at all", async () => {
    const loaded = await loadPack("pack/pack.yaml", { io: nodeIo, cwd: dir });
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const pack = loaded.pack!;
    expect(pack.spotlights).toHaveLength(4);
    const { analyses } = analysePack(pack);
    // The checks that read the analysis have something to read.
    expect([...analyses.values()].reduce((n, m) => n + m.size, 0)).toBeGreaterThan(0);
    expect(check(pack, analyses)).toEqual([]);
  });
});
