// Every reference vector through the CLI: the series is written to a temporary CSV, analysed
// with `spotlight analyse --format json` in-process, and the parsed JSON is compared with
// NHSRplotthedots (XmR) and qicharts2 (run, I runs, P, U, C) at 1e-9 relative.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { MeasureAnalysis } from "../../src/analysis/types.js";
import { runCli } from "../helpers/cli.js";
import {
  compareQicLines,
  compareRuns,
  compareXmr,
  loadVectors,
  qicToChart,
  type Vector,
} from "./vectors.js";

const dir = mkdtempSync(path.join(tmpdir(), "spotlight-vectors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cell = (x: number | null | undefined) => (x === null || x === undefined ? "" : String(x));

/** value column for XmR/run/C; numerator and denominator (no value) for P and U. */
function writeCsv(v: Vector, ratio: boolean): string {
  const file = path.join(dir, `${v.id}${ratio ? "-ratio" : ""}.csv`);
  const lines = ratio
    ? [
        "measure,date,numerator,denominator",
        ...v.input.dates.map(
          (d, i) =>
            `${v.id},${d},${cell(v.input.numerators![i])},${cell(v.input.denominators![i])}`,
        ),
      ]
    : [
        "measure,date,value",
        ...v.input.dates.map((d, i) => `${v.id},${d},${cell(v.input.values[i])}`),
      ];
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

async function analyseViaCli(v: Vector, qic: string): Promise<MeasureAnalysis> {
  const chart = qicToChart[qic]!;
  const o = v.input.options;
  const ratio = chart === "p" || chart === "u";
  const args = ["analyse", writeCsv(v, ratio), "--format", "json", "--chart", chart];
  args.push("--improvement", o.improvement_direction);
  if (o.target !== undefined) args.push("--target", String(o.target));
  if (o.rebase?.length) args.push("--rebase", ...o.rebase);
  if (o.fix_after_n_points !== undefined) {
    args.push("--baseline-points", String(o.fix_after_n_points));
  }
  args.push(o.screen_outliers ? "--screen-outliers" : "--no-screen-outliers");
  if (ratio && o.qicharts2.multiply !== undefined) {
    args.push("--multiplier", String(o.qicharts2.multiply));
  }
  const r = await runCli(args);
  expect(r.stderr, `${v.id} stderr`).toBe("");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as { measures: MeasureAnalysis[] };
  expect(json.measures).toHaveLength(1);
  return json.measures[0]!;
}

describe.each(loadVectors().map((v) => [v.id, v] as const))("vector %s via the CLI", (_id, v) => {
  it("XmR equals NHSRplotthedots", async () => compareXmr(v, await analyseViaCli(v, "i")));
  for (const qic of v.input.options.qicharts2.charts) {
    it(`${qic}: centre, limits and runs equal qicharts2`, async () => {
      const a = await analyseViaCli(v, qic);
      compareQicLines(v, qic, a);
      compareRuns(v, qic, a);
    });
  }
});
