// linkData: rows matched to spotlights and measures, with unknown ids, ambiguity, duplicates,
// order, gaps and measures with no data reported at the right file:line:column; no row is
// lost silently (counted).
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { linkData } from "../../src/load/link-data.js";
import type { DataRow, LoadedSpotlight } from "../../src/load/types.js";
import { parseYaml } from "../../src/load/yaml.js";
import type { Spotlight } from "../../src/schema/spotlight-schema.js";
import { brief, readBytes, readFixture } from "./helpers.js";

/** A spotlight file with the given measures (id: frequency), loaded with its positions. */
function spotlight(file: string, id: string, measures: Record<string, string>): LoadedSpotlight {
  const lines = [`id: ${id}`, "measures:"];
  for (const [m, frequency] of Object.entries(measures)) {
    lines.push(`  - id: ${m}`, `    name: ${m}`, `    frequency: ${frequency}`);
  }
  const parsed = parseYaml(lines.join("\n") + "\n", file);
  return {
    spotlight: parsed.value as unknown as Spotlight,
    source: parsed.source,
    basePath: [],
  };
}

const falls = () =>
  spotlight("falls.yaml", "falls", { "falls-rate": "monthly", "harm-rate": "monthly" });
const sepsis = () =>
  spotlight("sepsis.yaml", "sepsis", { "harm-rate": "monthly", "abx-time": "weekly" });

function row(line: number, measure: string, date: string, extra: Partial<DataRow> = {}): DataRow {
  return { file: "d.csv", line, measure, date, value: line, ...extra };
}

/** How many input rows a diagnostic names: "(N rows: …)" or one. */
function rowsNamed(list: readonly Diagnostic[]): number {
  const perRow = new Set(["ref.unknown_spotlight", "ref.unknown_measure", "ref.ambiguous_measure"]);
  let n = 0;
  for (const d of list) {
    if (perRow.has(d.code)) n += Number(/\((\d+) rows/.exec(d.message)?.[1] ?? 1);
    else if (d.code === "data.duplicate_date" && d.severity === "error") {
      n += Number(/^(\d+) more rows/.exec(d.message)?.[1] ?? 1);
    }
  }
  return n;
}

function countPoints(data: ReturnType<typeof linkData>["data"]): number {
  let n = 0;
  for (const m of data.values()) for (const list of m.values()) n += list.length;
  return n;
}

describe("linkData", () => {
  it("unknown measure from a CSV file: at the measure cell, with a did-you-mean hint", async () => {
    const read = await readFixture("unknown-measure.csv");
    expect(read.diagnostics).toEqual([]);
    const { data, diagnostics } = linkData(read.rows, [falls()]);
    const unknown = diagnostics.filter((d) => d.code === "ref.unknown_measure");
    expect(brief(unknown)).toEqual(["error ref.unknown_measure unknown-measure.csv:3:7"]);
    expect(unknown[0]!.hint).toBe('Did you mean "falls-rate"?');
    expect(
      data
        .get("falls")!
        .get("falls-rate")!
        .map((p) => p.date),
    ).toEqual(["2024-01-01", "2024-02-01"]);
  });

  it("duplicate row: data.duplicate_date at the second row, naming both lines", async () => {
    const read = await readFixture("duplicate-row.csv");
    const { data, diagnostics } = linkData(read.rows, [falls()]);
    const dup = diagnostics.filter((d) => d.code === "data.duplicate_date");
    expect(brief(dup)).toEqual(["error data.duplicate_date duplicate-row.csv:4:18"]);
    expect(dup[0]!.message).toContain("2024-01-01: line 2 and line 4");
    expect(
      data
        .get("falls")!
        .get("falls-rate")!
        .map((p) => p.line),
    ).toEqual([2, 3]);
    // Line 4 (2024-01-01) came after 2024-02-01, so the file was also out of order.
    expect(diagnostics.map((d) => d.code)).toContain("data.unsorted");
  });

  it("unknown spotlight at the spotlight cell; rows of one unknown id are grouped", async () => {
    const read = await readBytes(
      "s.csv",
      "spotlight,measure,date,value\nfals,falls-rate,2024-01-01,1\nfals,falls-rate,2024-02-01,2\n",
    );
    const { diagnostics } = linkData(read.rows, [falls()]);
    const u = diagnostics.filter((d) => d.code === "ref.unknown_spotlight");
    expect(brief(u)).toEqual(["error ref.unknown_spotlight s.csv:2:1"]);
    expect(u[0]!.message).toContain("(2 rows: lines 2, 3)");
    expect(u[0]!.hint).toBe('Did you mean "falls"?');
  });

  it("a measure id used by two spotlights needs the spotlight column", () => {
    const { data, diagnostics } = linkData(
      [row(2, "harm-rate", "2024-01-01"), row(3, "abx-time", "2024-01-01")],
      [falls(), sepsis()],
    );
    expect(
      diagnostics.filter((d) => d.code === "ref.ambiguous_measure").map((d) => d.line),
    ).toEqual([2]);
    expect(data.get("sepsis")!.get("abx-time")).toHaveLength(1);
  });

  it("a measure with no rows: ref.no_data at the measure in its YAML", () => {
    const { diagnostics } = linkData([row(2, "falls-rate", "2024-01-01")], [falls()]);
    expect(brief(diagnostics.filter((d) => d.code === "ref.no_data"))).toEqual([
      "error ref.no_data falls.yaml:6:5",
    ]);
  });

  it("a measure drawn with no chart (chart: none) and no rows is only a warning", () => {
    const spot = falls();
    (spot.spotlight.measures[1] as { chart?: string }).chart = "none";
    const { diagnostics } = linkData([row(2, "falls-rate", "2024-01-01")], [spot]);
    expect(brief(diagnostics.filter((d) => d.code === "ref.no_data"))).toEqual([
      "warning ref.no_data falls.yaml:6:5",
    ]);
  });

  it("unsorted rows are sorted with a warning; gaps name the missing periods", () => {
    const rows = [
      row(2, "falls-rate", "2024-03-01"),
      row(3, "falls-rate", "2024-01-01"),
      row(4, "falls-rate", "2024-06-01"),
      row(5, "harm-rate", "2024-01-01"),
    ];
    const { data, diagnostics } = linkData(rows, [falls()]);
    expect(
      data
        .get("falls")!
        .get("falls-rate")!
        .map((p) => p.date),
    ).toEqual(["2024-01-01", "2024-03-01", "2024-06-01"]);
    expect(brief(diagnostics)).toEqual([
      "warning data.unsorted d.csv:3:undefined",
      "warning data.gap d.csv:2:undefined",
    ]);
    expect(diagnostics[1]!.message).toContain("2024-02, 2024-04, 2024-05");
  });

  it("weekly gaps by date; two dates in one month of a monthly measure warn", () => {
    const rows = [
      row(2, "abx-time", "2024-01-01", { spotlight: "sepsis" }),
      row(3, "abx-time", "2024-01-08", { spotlight: "sepsis" }),
      row(4, "abx-time", "2024-01-29", { spotlight: "sepsis" }),
      row(5, "harm-rate", "2024-01-01", { spotlight: "sepsis" }),
      row(6, "harm-rate", "2024-01-15", { spotlight: "sepsis" }),
    ];
    const { diagnostics } = linkData(rows, [falls(), sepsis()]);
    const gap = diagnostics.find((d) => d.code === "data.gap")!;
    expect(gap.message).toContain("2024-01-15, 2024-01-22");
    const same = diagnostics.find((d) => d.code === "data.duplicate_date")!;
    expect(same.severity).toBe("warning");
    expect(same.line).toBe(6);
  });

  it("value that disagrees with numerator / denominator warns (scales 1, 100 and the multiplier agree)", () => {
    const rows = [
      row(2, "falls-rate", "2024-01-01", { value: 0.25, numerator: 1, denominator: 4 }),
      row(3, "falls-rate", "2024-02-01", { value: 25, numerator: 1, denominator: 4 }),
      row(4, "falls-rate", "2024-03-01", { value: 0.3, numerator: 1, denominator: 4 }),
      row(5, "harm-rate", "2024-01-01"),
    ];
    const { diagnostics } = linkData(rows, [falls()]);
    expect(brief(diagnostics)).toEqual(["warning data.value_mismatch d.csv:4:undefined"]);
  });

  it("every row reaches the data or is named in a diagnostic", () => {
    const rows: DataRow[] = [];
    const measures = ["falls-rate", "harm-rate", "abx-time", "nope", "fals-rate"];
    const spots = [undefined, "falls", "sepsis", "ghost"];
    let line = 2;
    for (let i = 0; i < 1200; i++) {
      const spotlight = spots[(i * 7) % spots.length];
      const r = row(
        line++,
        measures[(i * 3) % measures.length]!,
        `2024-${String((i % 12) + 1).padStart(2, "0")}-01`,
      );
      if (spotlight !== undefined) r.spotlight = spotlight;
      rows.push(r);
    }
    const { data, diagnostics } = linkData(rows, [falls(), sepsis()]);
    // Enough duplicates that the per-code cap summarises some of them.
    expect(diagnostics.some((d) => /^\d+ more rows/.test(d.message))).toBe(true);
    expect(countPoints(data) + rowsNamed(diagnostics)).toBe(rows.length);
  });
});

describe("linkData positions from YAML data", () => {
  it("duplicate dates in YAML rows are placed at the date value", async () => {
    const r = await readBytes(
      "d.yaml",
      "- { spotlight: falls, measure: falls-rate, date: 2024-01-01, value: 1 }\n- spotlight: falls\n  measure: falls-rate\n  date: 2024-01-01\n  value: 2\n- { spotlight: falls, measure: harm-rate, date: 2024-01-01 }\n",
    );
    expect(r.diagnostics).toEqual([]);
    const { diagnostics } = linkData(r.rows, [falls()]);
    expect(brief(diagnostics)).toEqual(["error data.duplicate_date d.yaml:4:9"]);
  });
});

describe("no row is lost silently, from file to data", () => {
  it("each CSV record is in the data or named by exactly one row diagnostic", async () => {
    const kinds = [
      "falls,falls-rate,2024-MM-01,1",
      "falls,harm-rate,2024-MM-01,2",
      ",harm-rate,2024-MM-01,3",
      "falls,falls-rate,2024-MM-31,4",
      "falls,falls-rate,not a date,5",
      "falls,,2024-MM-01,6",
      "falls,falls-rate,,7",
      "Total,,,8",
      "falls,falls-rate,2024-MM-01,9,extra",
      "ghost,falls-rate,2024-MM-01,10",
      "falls,nope,2024-MM-01,11",
      "falls,falls-rate,2024-MM-01,x12",
    ];
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) {
      const month = String((i % 12) + 1).padStart(2, "0");
      lines.push(kinds[(i * 5) % kinds.length]!.replace("MM", month));
    }
    const read = await readBytes("all.csv", `spotlight,measure,date,value\n${lines.join("\n")}\n`);
    const dropped = new Set([
      "csv.ragged_row",
      "data.missing_date",
      "data.missing_measure",
      "data.total_row",
      "data.bad_date",
      "data.impossible_date",
    ]);
    const droppedAtRead = read.diagnostics.filter((d) => dropped.has(d.code)).length;
    expect(read.rows.length + droppedAtRead).toBe(lines.length);
    const { data, diagnostics } = linkData(read.rows, [falls(), sepsis()]);
    expect(countPoints(data) + rowsNamed(diagnostics)).toBe(read.rows.length);
  });
});

describe("unknown measure hints", () => {
  it("names the spotlight that does define the measure", () => {
    const { diagnostics } = linkData(
      [row(2, "abx-time", "2024-01-01", { spotlight: "falls" })],
      [falls(), sepsis()],
    );
    const d = diagnostics.find((x) => x.code === "ref.unknown_measure")!;
    expect(d.message).toBe('spotlight "falls" has no measure "abx-time"');
    expect(d.hint).toBe('Measure "abx-time" belongs to spotlight "sepsis".');
  });
});
