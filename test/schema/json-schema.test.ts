// The exported JSON Schema: the committed copies under schema/ equal what the code generates,
// and an independent validator (ajv, draft 2020-12) accepts good files and rejects bad ones.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import {
  exportConfigJsonSchema,
  exportJsonSchema,
  schemaText,
} from "../../src/schema/json-schema.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = join(root, "test/fixtures/load");
const yamlAt = (path: string): unknown => parse(readFileSync(path, "utf8"));

function compile(schema: object) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  return ajv.compile(schema);
}

describe("committed schema files", () => {
  it("schema/spotlight.schema.json is the generated schema (run `spotlight schema -o schema/spotlight.schema.json`)", () => {
    expect(readFileSync(join(root, "schema/spotlight.schema.json"), "utf8")).toBe(
      schemaText(exportJsonSchema()),
    );
  });
  it("schema/config.schema.json is the generated config schema", () => {
    expect(readFileSync(join(root, "schema/config.schema.json"), "utf8")).toBe(
      schemaText(exportConfigJsonSchema()),
    );
  });
});

describe("the pack/spotlight schema, checked with ajv 2020", () => {
  const validate = compile(exportJsonSchema());
  const ok = (value: unknown) => {
    const valid = validate(value);
    return { valid, errors: valid ? [] : validate.errors };
  };

  it("has descriptions for editor hover", () => {
    const s = exportJsonSchema() as {
      $defs: { spotlight: { properties: Record<string, { description?: string }> } };
    };
    expect(s.$defs.spotlight.properties.problem?.description).toMatch(/problem/);
  });

  it("accepts the good pack file and each spotlight file", () => {
    expect(ok(yamlAt(join(fixtures, "good-pack/pack.yaml")))).toEqual({ valid: true, errors: [] });
    for (const f of ["falls.yaml", "sepsis.yaml"])
      expect(ok(yamlAt(join(fixtures, "good-pack/spotlights", f)))).toEqual({
        valid: true,
        errors: [],
      });
    expect(ok(yamlAt(join(fixtures, "single-spotlight/sepsis.yaml"))).valid).toBe(true);
  });

  it("accepts a pack with an inline spotlight", () => {
    const pack = yamlAt(join(fixtures, "good-pack/pack.yaml")) as Record<string, unknown>;
    const inline = yamlAt(join(fixtures, "good-pack/spotlights/falls.yaml"));
    expect(ok({ ...pack, spotlights: ["spotlights/*.yaml", inline] }).valid).toBe(true);
  });

  it("rejects an unknown key, a bad enum, a missing field and a bad date", () => {
    for (const bad of ["unknown-key", "unknown-enum", "missing-required", "wrong-type"])
      expect(ok(yamlAt(join(fixtures, bad, "spotlight.yaml"))).valid, bad).toBe(false);
    const pack = yamlAt(join(fixtures, "good-pack/pack.yaml")) as Record<string, unknown>;
    expect(ok({ ...pack, spotlights: [42] }).valid).toBe(false);
    expect(ok({ ...pack, extra: true }).valid).toBe(false);
    const paper = pack.paper as Record<string, unknown>;
    expect(ok({ ...pack, paper: { ...paper, date: "3 December 2026" } }).valid).toBe(false);
  });

  it("accepts the example pack under examples/ when it is there", (ctx) => {
    const dir = join(root, "examples/northshire");
    if (!existsSync(dir)) ctx.skip();
    expect(ok(yamlAt(join(dir, "pack.yaml"))).errors).toEqual([]);
    for (const f of readdirSync(join(dir, "spotlights")).filter((n) => n.endsWith(".yaml")))
      expect({ f, ...ok(yamlAt(join(dir, "spotlights", f))) }).toEqual({ f, valid: true, errors: [] });
  });
});

describe("the config schema, checked with ajv 2020", () => {
  const validate = compile(exportConfigJsonSchema());
  it("accepts an empty config and a full one; rejects unknown keys and bad values", () => {
    expect(validate({})).toBe(true);
    expect(
      validate({
        style: { font: "Arial", colours: { heading: "#005EB8" } },
        spc: { min_points: 15, date_format: "mdy" },
        columns: { date: "Month" },
        standard: { word_limits: { problem: 120 }, checks: { "standard.acronym": "off" } },
      }),
    ).toBe(true);
    expect(validate({ stlye: {} })).toBe(false);
    expect(validate({ spc: { date_format: "ymd" } })).toBe(false);
    expect(validate({ style: { colours: { heading: "blue" } } })).toBe(false);
  });
  it("accepts the example config when it is there", (ctx) => {
    const file = join(root, "examples/northshire/spotlight.config.yaml");
    if (!existsSync(file)) ctx.skip();
    expect(validate(yamlAt(file)), JSON.stringify(validate.errors)).toBe(true);
  });
});
