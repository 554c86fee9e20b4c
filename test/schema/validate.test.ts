// validateWithSchema: how zod issues become diagnostics (codes, messages, hints, positions),
// including unions, empty values, sizes and the "did you mean" helper.
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/yaml.js";
import { configSchema } from "../../src/schema/config-schema.js";
import { measureSchema } from "../../src/schema/spotlight-schema.js";
import { didYouMean, editDistance, formatPath, validateWithSchema } from "../../src/schema/validate.js";

const measure = (extra: string) =>
  `id: m\nname: A measure\ntype: outcome\nunit: percent\nimprovement: increase\n${extra}`;

function run(text: string, schema = measureSchema as typeof measureSchema | typeof configSchema) {
  const { value, source } = parseYaml(text, "m.yaml");
  return validateWithSchema(schema as typeof measureSchema, value, source, []);
}

describe("validateWithSchema", () => {
  it("valid input gives data with defaults and no diagnostics", () => {
    const r = run(measure(""));
    expect(r.diagnostics).toEqual([]);
    expect(r.data?.chart).toBe("xmr");
    expect(r.data?.frequency).toBe("monthly");
  });

  it("a union of date or {date, reason}: one message per entry, from the branch meant", () => {
    const r = run(measure("rebase:\n  - 2024-02-31\n  - { date: soon, reason: x }\n  - 5\n"));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["schema.date", 7, 5, '`rebase[0]`: this date does not exist, got "2024-02-31"'],
      ["schema.date", 8, 13, '`rebase[1].date`: expected a date written YYYY-MM-DD, got "soon"'],
      ["schema.type", 9, 5, "`rebase[2]` should be text or a mapping (key: value lines), not the number 5"],
    ]);
  });

  it("an empty value is not a missing key", () => {
    const r = run(measure("target:\n"));
    expect(r.diagnostics).toMatchObject([
      { code: "schema.type", line: 6, column: 1, message: "`target` is empty: expected a number", path: ["target"] },
    ]);
  });

  it("sizes and custom messages", () => {
    const r = run(measure("baseline_points: 4\nname: ''\n"), measureSchema);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual(
      expect.arrayContaining([["schema.invalid", "`baseline_points` must be at least 12"]]),
    );
    const c = run("style:\n  colours: { heading: blue }\n", configSchema);
    expect(c.diagnostics).toMatchObject([
      { code: "schema.invalid", line: 2, column: 23, message: "`style.colours.heading`: expected a colour written #RRGGBB" },
    ]);
  });

  it("unknown keys in nested objects list the allowed keys when nothing is close", () => {
    const r = run("spc: { min_pts: 5, zzzzzzzz: 1 }\n", configSchema);
    expect(r.diagnostics.map((d) => [d.code, d.column, d.hint])).toEqual([
      ["schema.unknown_key", 8, "Did you mean `min_points`?"],
      ["schema.unknown_key", 20, "Allowed keys: min_points, screen_outliers, date_format."],
    ]);
  });

  it("basePath prefixes paths and positions", () => {
    const { value, source } = parseYaml(`measures:\n  - ${measure("type: outcum\n").replace(/\n(?=.)/g, "\n    ")}`, "s.yaml");
    const r = validateWithSchema(measureSchema, (value as { measures: unknown[] }).measures[0], source, ["measures", 0]);
    expect(r.diagnostics).toMatchObject([
      { code: "schema.enum", path: ["measures", 0, "type"], hint: "Did you mean `outcome`?" },
    ]);
  });
});

describe("helpers", () => {
  it("formatPath", () => {
    expect(formatPath(["measures", 2, "target"])).toBe("measures[2].target");
    expect(formatPath([])).toBe("(top level)");
  });
  it("editDistance counts an adjacent swap as one edit", () => {
    expect(editDistance("phsae", "phase")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
  it("didYouMean only suggests close candidates, ignoring case and separators", () => {
    expect(didYouMean("titel", ["title", "service"])).toBe("title");
    expect(didYouMean("Co-Designed", ["co_designed", "engaged"])).toBe("co_designed");
    expect(didYouMean("banana", ["title", "service"])).toBeUndefined();
  });
});
