// Every reference vector through the pure analysis functions (the CLI path is in vectors-cli.test.ts).
import { describe, it } from "vitest";
import {
  analyseVector,
  compareQicLines,
  compareRuns,
  compareXmr,
  loadVectors,
  qicToChart,
} from "./vectors.js";

describe.each(loadVectors().map((v) => [v.id, v] as const))("vector %s", (_id, v) => {
  it("XmR equals NHSRplotthedots", () => compareXmr(v, analyseVector(v, "xmr")));
  for (const qic of v.input.options.qicharts2.charts) {
    it(`${qic} chart centre, limits and runs equal qicharts2`, () => {
      const a = analyseVector(v, qicToChart[qic]!);
      compareQicLines(v, qic, a);
      compareRuns(v, qic, a);
    });
  }
});
