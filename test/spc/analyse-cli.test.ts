// `spotlight analyse` end to end in-process: JSON shape, text output, grouping and --measure,
// exit codes for bad flags (2), missing files (2) and bad data (1), and --charts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "spotlight-analyse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const months = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
  );

// 20 months: 12 around 10, then 8 well below (a shift down).
const values = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 7, 6, 7, 6, 7, 6, 7, 6];
const twoMeasures = csv("two.csv", [
  "spotlight,measure,date,value",
  ...months(20).map((d, i) => `falls,rate,${d},${values[i]}`),
  ...months(20).map((d, i) => `waits,rate,${d},${values[i]! * 2}`),
  ...months(10).map((d, i) => `waits,delay,${d},${i === 3 ? "" : 5 + (i % 3)}`),
]);

describe("spotlight analyse", () => {
  it("prints the DESIGN §8 JSON, one object per (spotlight, measure)", async () => {
    const r = await runCli([
      "analyse",
      twoMeasures,
      "--format",
      "json",
      "--improvement",
      "decrease",
      "--target",
      "8",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout) as { measures: Record<string, unknown>[] };
    // Streamed measure by measure, yet exactly what JSON.stringify(…, null, 2) prints.
    expect(r.stdout).toBe(JSON.stringify(json, null, 2) + "\n");
    expect(json.measures.map((m) => m.id)).toEqual(["falls/rate", "waits/rate", "delay"]);
    const m = json.measures[0]!;
    expect(Object.keys(m)).toEqual([
      "id",
      "chart",
      "options",
      "points",
      "segments",
      "variation",
      "assurance",
      "trial_limits",
      "narrative",
    ]);
    expect(m.options).toEqual({
      improvement: "decrease",
      target: 8,
      rebase: [],
      baseline_points: null,
      screen_outliers: false,
      min_points: 13,
      multiplier: 1,
    });
    const points = m.points as Record<string, unknown>[];
    expect(Object.keys(points[0]!)).toEqual([
      "date",
      "value",
      "segment",
      "centre",
      "lower",
      "upper",
      "rule",
      "point_type",
    ]);
    // 12 above the mean, then 8 below: all a shift; the 6s are also close to the lower limit.
    expect(points.map((p) => p.rule).join(" ")).toBe(
      "shift ".repeat(13) + "two_of_three shift two_of_three shift two_of_three shift two_of_three",
    );
    expect(points[19]!.point_type).toBe("special_cause_improvement");
    expect(m.variation).toBe("improvement_low");
    expect(m.assurance).toBe("inconsistent");
    expect(Object.keys((m.segments as Record<string, unknown>[])[0]!)).toEqual([
      "index",
      "start",
      "n",
      "trial_limits",
      "runs",
    ]);
    const delay = json.measures[2]!;
    expect((delay.points as { value: unknown }[])[3]!.value).toBeNull();
    expect(delay.narrative).toMatch(/One value is missing \(April 2023\)/);
  });

  it("--measure picks one series; flags set the options", async () => {
    const r = await runCli([
      "analyse",
      twoMeasures,
      "--format",
      "json",
      "--measure",
      "waits/rate",
      "--chart",
      "run",
      "--rebase",
      "2023-07-01",
      "--min-points",
      "5",
      "--screen-outliers",
    ]);
    expect(r.code).toBe(0);
    const [m] = (JSON.parse(r.stdout) as { measures: Record<string, unknown>[] }).measures;
    expect(m!.id).toBe("waits/rate");
    expect(m!.chart).toBe("run");
    expect(m!.options).toMatchObject({
      rebase: ["2023-07-01"],
      min_points: 5,
      screen_outliers: true,
    });
    expect((m!.segments as { start: string; n: number }[]).map((s) => [s.start, s.n])).toEqual([
      ["2023-01-01", 6],
      ["2023-07-01", 14],
    ]);
  });

  it("prints a table and the narrative per measure as text, coloured only when asked", async () => {
    const plain = await runCli(["analyse", twoMeasures, "--measure", "delay"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^delay {2}XmR chart, improvement increase\n/);
    expect(plain.stdout).toMatch(/ {2}limits {6}\S+ to \S+ \(trial\)\n/);
    expect(plain.stdout).toMatch(/ {2}variation {3}common cause variation\n/);
    expect(plain.stdout).toMatch(/These are trial limits/);
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    const coloured = await runCli(
      ["analyse", twoMeasures, "--measure", "falls/rate", "--improvement", "decrease"],
      {
        env: { NO_COLOR: undefined, FORCE_COLOR: "1" },
      },
    );
    expect(coloured.stdout).toMatch(/\x1b\[34mspecial cause improvement \(low\)/);
  });

  it.each([
    [["--baseline-points", "5"], /--baseline-points must be at least 12, got "5"/],
    [["--baseline-points", "12.5"], /--baseline-points must be a whole number/],
    [["--target", "abc"], /--target must be a number, got "abc"/],
    [["--min-points", "1"], /--min-points must be at least 2/],
    [["--multiplier", "0"], /--multiplier must be greater than 0/],
    [["--rebase", "2023-02-30"], /--rebase dates must be YYYY-MM-DD, got "2023-02-30"/],
    [["--chart", "pie"], /argument 'pie' is invalid/],
  ])("bad flag %j exits 2", async (flags, message) => {
    const r = await runCli(["analyse", twoMeasures, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("a missing data file cannot run (exit 2)", async () => {
    const r = await runCli(["analyse", path.join(dir, "nope.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.csv {2}error {2}file\.not_found/);
  });

  it("bad data gives diagnostics with file:line:column and exit 1, no output", async () => {
    const file = csv("bad.csv", ["measure,date,value", "m,2024-01-01,3", "m,2024-02-01,12..5"]);
    const r = await runCli(["analyse", file, "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^bad\.csv:3:14 {2}error {2}data\.bad_number/);
  });

  it("takes column names and spc defaults from the config beside the data; flags win", async () => {
    const sub = path.join(dir, "configured");
    mkdirSync(sub);
    writeFileSync(
      path.join(sub, "spotlight.config.yaml"),
      "spc: { screen_outliers: true, min_points: 5 }\ncolumns: { date: Month, value: Rate }\n",
    );
    writeFileSync(path.join(sub, "x.csv"), "measure,Month,Rate\nm,Jan 2024,3\nm,Feb 2024,4\n");
    const r = await runCli(["analyse", "x.csv", "--format", "json", "--min-points", "7"], {
      cwd: sub,
    });
    expect(r.code).toBe(0);
    const [m] = (JSON.parse(r.stdout) as { measures: Record<string, unknown>[] }).measures;
    expect(m!.options).toMatchObject({ screen_outliers: true, min_points: 7 });
    expect((m!.points as { date: string; value: number }[]).map((p) => [p.date, p.value])).toEqual([
      ["2024-01-01", 3],
      ["2024-02-01", 4],
    ]);
  });

  it("two rows for the same measure and date are an error (exit 1)", async () => {
    const file = csv("dup.csv", [
      "measure,date,value",
      "m,2024-01-01,3",
      "m,2024-01-01,4",
      "m,2024-02-01,5",
    ]);
    const r = await runCli(["analyse", file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^dup\.csv:3 {2}error {2}data\.duplicate_date {2}measure "m" has two rows for 2024-01-01 \(lines 2 and 3\)/,
    );
  });

  it("an unknown --measure is an error (exit 1)", async () => {
    const r = await runCli(["analyse", twoMeasures, "--measure", "nope"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ref\.no_data {2}no rows for measure "nope"/);
  });

  it("a P chart needs numerator and denominator on every row (exit 1)", async () => {
    const file = csv("p.csv", [
      "measure,date,numerator,denominator,value",
      "m,2024-01-01,3,10,",
      "m,2024-02-01,,,0.5",
    ]);
    const r = await runCli(["analyse", file, "--chart", "p"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^p\.csv:3 {2}error {2}spc\.chart_needs_denominator/);
  });

  it("P chart values and limits are scaled by --multiplier and keep numerator/denominator", async () => {
    const file = csv("rate.csv", [
      "measure,date,numerator,denominator",
      ...months(12).map((d, i) => `m,${d},${5 + (i % 4)},${1000 + 10 * i}`),
    ]);
    const r = await runCli([
      "analyse",
      file,
      "--chart",
      "u",
      "--multiplier",
      "1000",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const p = (JSON.parse(r.stdout) as { measures: { points: Record<string, number>[] }[] })
      .measures[0]!.points[0]!;
    expect(Object.keys(p).slice(0, 4)).toEqual(["date", "value", "numerator", "denominator"]);
    expect(p.value).toBeCloseTo(5, 12);
    const cl = (5 * 3 + 6 * 3 + 7 * 3 + 8 * 3) / (12 * 1000 + 10 * 66);
    expect(p.centre).toBeCloseTo(cl * 1000, 10);
    expect(p.upper).toBeCloseTo((cl + 3 * Math.sqrt(cl / 1000)) * 1000, 10);
  });

  it("--charts writes an SVG and a PNG per measure", async () => {
    const out = path.join(dir, "charts");
    const r = await runCli(["analyse", twoMeasures, "--measure", "delay", "--charts", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, "delay.svg"), "utf8")).toMatch(/^<svg/);
    expect(existsSync(path.join(out, "delay.png"))).toBe(true);
    expect([...readFileSync(path.join(out, "delay.png")).subarray(1, 4)]).toEqual([
      0x50, 0x4e, 0x47,
    ]);
  });
});
