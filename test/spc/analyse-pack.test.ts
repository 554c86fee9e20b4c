// analysePack: options from each measure over the config's spc defaults, skipped measures,
// and the SPC diagnostics at the measure's position in its spotlight file.
import { describe, expect, it } from "vitest";
import { analysePack } from "../../src/analysis/analyse-pack.js";
import type { DataPoint, Pack, SourceDoc } from "../../src/load/types.js";
import { defaultConfig } from "../../src/schema/config-schema.js";
import type { Measure, Spotlight } from "../../src/schema/spotlight-schema.js";

/** A source whose positions encode the data path: line = path length, column = last index + 1. */
const source: SourceDoc = {
  file: "spotlights/falls.yaml",
  locate: (p) => ({
    line: 10 * p.length,
    column: typeof p.at(-1) === "number" ? Number(p.at(-1)) + 1 : 1,
  }),
  locateKey: (p) => ({ line: 10 * p.length, column: 1 }),
  locateInString: () => undefined,
};

const months = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
  );

function rows(values: (number | null)[], extra: (i: number) => Partial<DataPoint> = () => ({})) {
  return months(values.length).map((date, i) => ({
    date,
    value: values[i]!,
    file: "data/falls.csv",
    line: i + 2,
    ...extra(i),
  }));
}

function measure(m: Partial<Measure> & { id: string }): Measure {
  return {
    name: m.id,
    type: "outcome",
    unit: "count",
    improvement: "decrease",
    chart: "xmr",
    frequency: "monthly",
    ...m,
  } as Measure;
}

function pack(measures: Measure[], data: Record<string, DataPoint[]>, spc = {}): Pack {
  const config = defaultConfig();
  return {
    file: "pack.yaml",
    dir: "/",
    spotlights: [
      {
        spotlight: { id: "falls", measures } as unknown as Spotlight,
        source,
        basePath: [],
      },
    ],
    data: new Map([["falls", new Map(Object.entries(data))]]),
    inputs: [],
    config: { ...config, spc: { ...config.spc, ...spc } },
  };
}

const noisy = [9, 11, 10, 12, 8, 10, 11, 9, 10, 12, 9, 11, 10, 8, 11, 10, 9, 12, 10, 11];

describe("analysePack", () => {
  it("analyses each measure with its own options over the config defaults", () => {
    const p = pack(
      [
        measure({ id: "a", target: 5, rebase: [{ date: "2024-11-01", reason: "new bed rails" }] }),
        measure({ id: "b", screen_outliers: false, baseline_points: 12, chart: "run" }),
        measure({ id: "none", chart: "none" }),
        measure({ id: "empty" }),
      ],
      { a: rows(noisy), b: rows(noisy), none: rows(noisy) },
      { screen_outliers: true, min_points: 6 },
    );
    const { analyses, diagnostics } = analysePack(p);
    const falls = analyses.get("falls")!;
    expect([...falls.keys()]).toEqual(["a", "b"]);
    const a = falls.get("a")!;
    expect(a.options).toEqual({
      improvement: "decrease",
      target: 5,
      rebase: ["2024-11-01"],
      baseline_points: null,
      screen_outliers: true,
      min_points: 6,
      multiplier: 1,
    });
    expect(a.segments.map((s) => s.n)).toEqual([10, 10]);
    expect(a.narrative).toMatch(
      /The limits were recalculated from November 2024 \(new bed rails\)\./,
    );
    expect(falls.get("b")!.options).toMatchObject({ screen_outliers: false, baseline_points: 12 });
    expect(falls.get("b")!.chart).toBe("run");
    expect(diagnostics).toEqual([]);
  });

  it("reports rebase dates outside the data and constant series (trial limits and neutral targets are the standard's checks)", () => {
    const p = pack(
      [
        measure({ id: "a", rebase: ["2030-01-01"] }),
        measure({ id: "short" }),
        measure({ id: "flat", improvement: "neutral", target: 3 }),
      ],
      { a: rows(noisy), short: rows(noisy.slice(0, 8)), flat: rows(new Array(15).fill(4)) },
    );
    const found = analysePack(p).diagnostics.map((d) => [
      d.code,
      d.severity,
      d.file,
      d.line,
      d.column,
      d.path,
    ]);
    expect(found).toEqual([
      [
        "spc.rebase_not_in_data",
        "warning",
        "spotlights/falls.yaml",
        40,
        1,
        ["measures", 0, "rebase", 0],
      ],
      ["spc.constant", "warning", "spotlights/falls.yaml", 20, 3, ["measures", 2]],
    ]);
  });

  it("P and U charts use the rows with numerator and denominator, or are skipped", () => {
    const ratio = (i: number) => (i === 4 ? {} : { numerator: 10 + (i % 3), denominator: 100 + i });
    const p = pack(
      [
        measure({ id: "part", chart: "p", multiplier: 100 }),
        measure({ id: "nothing", chart: "u" }),
      ],
      { part: rows(noisy, ratio), nothing: rows(noisy) },
    );
    const { analyses, diagnostics } = analysePack(p);
    const part = analyses.get("falls")!.get("part")!;
    expect(part.points[4]!.value).toBeNull();
    expect(part.points[0]!.value).toBeCloseTo(10, 12);
    expect(analyses.get("falls")!.has("nothing")).toBe(false);
    expect(diagnostics.map((d) => [d.code, d.severity, d.file, d.line])).toEqual([
      ["spc.chart_needs_denominator", "warning", "data/falls.csv", 6],
      ["spc.chart_needs_denominator", "error", "spotlights/falls.yaml", 30],
    ]);
  });
});
