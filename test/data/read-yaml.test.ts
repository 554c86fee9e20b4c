// YAML measure data: the same long shape as CSV, as a list of rows or {spotlight?, measure?,
// rows}; problems are reported at the YAML node's line and column.
import { describe, expect, it } from "vitest";
import { linkData } from "../../src/load/link-data.js";
import { brief, readBytes, readFixture } from "./helpers.js";

describe("YAML data", () => {
  it("a list of rows: values, numerator/denominator, notes; errors at the cell", async () => {
    const r = await readFixture("yaml-rows.yaml");
    expect(brief(r.diagnostics)).toEqual([
      "error data.bad_number yaml-rows.yaml:3:69",
      "error data.impossible_date yaml-rows.yaml:10:50",
      "error data.bad_number yaml-rows.yaml:11:69",
      "error schema.unknown_key yaml-rows.yaml:12:75",
    ]);
    expect(r.rows.map((x) => [x.line, x.date, x.value, x.note ?? ""])).toEqual([
      [2, "2024-01-01", 8.4, ""],
      [3, "2024-02-01", null, ""],
      [4, "2024-03-01", 0.075, "PDSA 1"],
      [11, "2024-05-01", null, ""],
      [12, "2024-06-01", null, ""],
    ]);
    expect(r.rows[0]).toMatchObject({
      spotlight: "falls",
      measure: "falls-rate",
      file: "yaml-rows.yaml",
    });
  });

  it("a mapping with rows: top-level spotlight and measure apply to rows that give none", async () => {
    const r = await readFixture("yaml-mapping.yaml");
    expect(r.diagnostics).toEqual([]);
    expect(r.rows.map((x) => [x.spotlight, x.measure, x.date, x.value])).toEqual([
      ["falls", "falls-rate", "2024-01-01", 8.4],
      ["falls", "falls-rate", "2024-02-01", 7.5],
      ["falls", "falls-rate", "2024-03-01", null],
      ["falls", "harm-rate", "2024-03-01", 2],
    ]);
  });

  it("link diagnostics point at the measure key's value in the YAML", async () => {
    const r = await readBytes(
      "d.yaml",
      "- spotlight: falls\n  measure: nope\n  date: 2024-01-01\n  value: 1\n",
    );
    expect(r.diagnostics).toEqual([]);
    const { diagnostics } = linkData(r.rows, []);
    expect(brief(diagnostics)).toEqual(["error ref.unknown_spotlight d.yaml:1:14"]);
  });

  it("wrong shape, syntax errors and empty files are diagnostics", async () => {
    expect(brief((await readBytes("a.yaml", "rows: 3\n")).diagnostics)).toEqual([
      "error schema.type a.yaml:1:7",
    ]);
    expect(
      brief((await readBytes("b.yaml", "- [1, 2\n")).diagnostics).map((s) => s.split(" ")[1]),
    ).toEqual(["yaml.syntax"]);
    expect(brief((await readBytes("c.yaml", "  \n")).diagnostics)).toEqual([
      "error file.empty c.yaml:1:1",
    ]);
    expect(brief((await readBytes("d.yaml", "rows: []\n")).diagnostics)).toEqual([
      "error file.empty d.yaml:1:1",
    ]);
    expect(brief((await readBytes("e.yaml", "- 3\n")).diagnostics)).toEqual([
      "error schema.type e.yaml:1:3",
    ]);
  });

  it("YAML numbers as dates are not guessed", async () => {
    const r = await readBytes("s.yaml", "- { measure: m, date: 45292, value: 1 }\n");
    expect(brief(r.diagnostics)).toEqual(["error data.bad_date s.yaml:1:23"]);
    expect(r.diagnostics[0]!.hint).toContain("Excel serial");
  });
});
