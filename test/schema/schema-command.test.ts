// `spotlight schema`: prints the JSON Schema, writes it with -o, and --config gives the
// configuration file's schema.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportConfigJsonSchema, exportJsonSchema, schemaText } from "../../src/schema/json-schema.js";
import { runCli } from "../helpers/cli.js";

describe("spotlight schema", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "spotlight-schema-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints the pack/spotlight schema on stdout", async () => {
    const r = await runCli(["schema"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: schemaText(exportJsonSchema()), stderr: "" });
  });

  it("writes it with -o and says so on stderr", async () => {
    const r = await runCli(["schema", "-o", "out/spotlight.schema.json"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "wrote out/spotlight.schema.json\n" });
    expect(await readFile(join(dir, "out/spotlight.schema.json"), "utf8")).toBe(
      schemaText(exportJsonSchema()),
    );
  });

  it("--config gives the config schema; --quiet says nothing", async () => {
    const r = await runCli(["schema", "--config", "-o", "config.schema.json", "-q"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await readFile(join(dir, "config.schema.json"), "utf8")).toBe(
      schemaText(exportConfigJsonSchema()),
    );
  });

  it("writing to a folder cannot run: exit 2", async () => {
    const r = await runCli(["schema", "-o", "."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error  output\.(is_directory|write_failed)/);
  });
});
