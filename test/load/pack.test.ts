// loadPack on a good pack and on a single spotlight file: what the loaded Pack holds.
import { cp, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeIo } from "../../src/cli/node-io.js";
import { FatalError } from "../../src/diagnostics/diagnostic.js";
import { loadPack } from "../../src/load/pack.js";
import { find, fixturesDir, loadFixture, shimReader } from "./helpers.js";

describe("loadPack on a good pack", () => {
  it("loads the paper, spotlights from a glob, data and inputs with no diagnostics", async () => {
    const { pack, diagnostics } = await loadFixture("good-pack/pack.yaml");
    expect(diagnostics).toEqual([]);
    expect(pack).toBeDefined();
    expect(pack!.file).toBe("good-pack/pack.yaml");
    expect(pack!.dir).toBe(join(fixturesDir, "good-pack"));
    expect(pack!.paper?.organisation).toBe("Northshire Hospitals NHS Foundation Trust");
    expect(pack!.spotlights.map((s) => s.spotlight.id)).toEqual(["falls-ward7", "sepsis-ed"]);
    expect(pack!.spotlights[0]!.source.file).toBe("good-pack/spotlights/falls.yaml");
    expect(pack!.spotlights[0]!.basePath).toEqual([]);
    // defaults from the schema are applied
    expect(pack!.spotlights[0]!.spotlight.measures[0]!.chart).toBe("xmr");
    expect(pack!.config.spc.min_points).toBe(13);
    expect(pack!.data.get("falls-ward7")?.get("falls-rate")).toHaveLength(24);
    expect(pack!.inputs).toEqual([
      join(fixturesDir, "good-pack/pack.yaml"),
      join(fixturesDir, "good-pack/spotlights/falls.yaml"),
      join(fixturesDir, "good-pack/spotlights/sepsis.yaml"),
      join(fixturesDir, "good-pack/data/measures.csv"),
    ]);
    // positions of the paper survive for later checks
    expect(pack!.paperSource?.locate(["paper", "title"])).toEqual({ line: 7, column: 10 });
  });

  it("loads a single spotlight file on its own (no paper)", async () => {
    const { pack, diagnostics } = await loadFixture("good-pack/spotlights/sepsis.yaml");
    expect(diagnostics).toEqual([]);
    expect(pack!.paper).toBeUndefined();
    expect(pack!.paperSource).toBeUndefined();
    expect(pack!.spotlights.map((s) => s.spotlight.id)).toEqual(["sepsis-ed"]);
  });

  it("inline spotlights keep their path inside the pack file", async () => {
    const { pack } = await loadFixture("inline-spotlight/pack.yaml");
    // the inline spotlight is invalid (bad phase), so it is not loaded, but the pack is
    expect(pack!.spotlights).toEqual([]);
    expect(pack!.paper?.meeting).toBe("Trust Board (Public)");
  });

  it("a missing top file cannot run (FatalError)", async () => {
    await expect(loadFixture("nope/pack.yaml")).rejects.toBeInstanceOf(FatalError);
  });
});

describe("loadPack with files written for the test", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "spotlight-load-"));
    await cp(join(fixturesDir, "good-pack"), join(dir, "pack"), { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const load = (file: string, extra = {}) =>
    loadPack(file, { io: nodeIo, cwd: dir, readData: shimReader, ...extra });

  it("a symbolic link out of the pack folder is refused unless allowed", async () => {
    await writeFile(join(dir, "secret.yaml"), "id: x\n");
    await symlink(join(dir, "secret.yaml"), join(dir, "pack/spotlights/zz-link.yaml"));
    try {
      const { diagnostics } = await load("pack/pack.yaml");
      expect(find(diagnostics, "file.outside_pack")).toMatchObject({
        file: "pack/pack.yaml",
        line: 19,
        column: 5,
        message: "pack/spotlights/zz-link.yaml is outside the pack folder",
      });
      const allowed = await load("pack/pack.yaml", { allowOutside: true });
      expect(allowed.diagnostics.some((d) => d.code === "file.outside_pack")).toBe(false);
      // read through the link: its (invalid) spotlight is now validated
      expect(find(allowed.diagnostics, "schema.required").file).toBe(
        "pack/spotlights/zz-link.yaml",
      );
    } finally {
      await rm(join(dir, "pack/spotlights/zz-link.yaml"));
    }
  });

  it("limits from the config: too many spotlights, too long strings, too large files", async () => {
    await writeFile(
      join(dir, "pack/spotlight.config.yaml"),
      "limits:\n  max_spotlights: 1\n  max_string_length: 60\n",
    );
    try {
      const { pack, diagnostics } = await load("pack/pack.yaml");
      expect(find(diagnostics, "schema.too_many")).toMatchObject({
        file: "pack/pack.yaml",
        line: 19,
        column: 3,
      });
      expect(pack!.spotlights).toHaveLength(1);
      expect(find(diagnostics, "schema.string_too_long")).toMatchObject({
        file: "pack/pack.yaml",
        line: 14,
        column: 7,
        path: ["paper", "recommendations", 0],
      });
      expect(pack!.inputs).toContain(join(dir, "pack/spotlight.config.yaml"));
    } finally {
      await rm(join(dir, "pack/spotlight.config.yaml"));
    }
  });

  it("an invalid config is reported in the config file with schema codes", async () => {
    await writeFile(
      join(dir, "pack/spotlight.config.yaml"),
      "spc:\n  date_format: ymd\nstyel: {}\n",
    );
    try {
      const { pack, diagnostics } = await load("pack/pack.yaml");
      expect(find(diagnostics, "schema.enum")).toMatchObject({
        file: "pack/spotlight.config.yaml",
        line: 2,
        column: 16,
        expected: ["dmy", "mdy"],
      });
      expect(find(diagnostics, "schema.unknown_key")).toMatchObject({
        file: "pack/spotlight.config.yaml",
        line: 3,
        column: 1,
        hint: "Did you mean `style`?",
      });
      expect(pack!.config.spc.date_format).toBe("dmy");
    } finally {
      await rm(join(dir, "pack/spotlight.config.yaml"));
    }
  });

  it("an explicit --config that does not exist cannot run", async () => {
    await expect(load("pack/pack.yaml", { configFile: "nope.yaml" })).rejects.toBeInstanceOf(
      FatalError,
    );
  });

  it("a data file that does not exist is reported where the pack names it", async () => {
    await writeFile(
      join(dir, "pack/missing-data.yaml"),
      "paper: {}\ndata: [data/nope.csv]\nspotlights: [spotlights/*.yaml]\n",
    );
    const { diagnostics } = await load("pack/missing-data.yaml");
    expect(find(diagnostics, "file.not_found")).toMatchObject({
      file: "pack/missing-data.yaml",
      line: 2,
      column: 8,
      message: "pack/data/nope.csv does not exist",
    });
  });

  it("an empty file is file.empty", async () => {
    await writeFile(join(dir, "pack/empty.yaml"), "# nothing yet\n");
    const { pack, diagnostics } = await load("pack/empty.yaml");
    expect(pack).toBeUndefined();
    expect(find(diagnostics, "file.empty")).toMatchObject({
      file: "pack/empty.yaml",
      line: 1,
      column: 1,
    });
  });
});
