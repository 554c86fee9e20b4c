// Test helpers for the standard checks: loads YAML fixtures with the real pack loader (real
// line/column), and builds fake analyses for the checks that read them.
import * as path from "node:path";
import type { PackAnalyses } from "../../src/analysis/analyse-pack.js";
import type { MeasureAnalysis, Variation, Assurance } from "../../src/analysis/types.js";
import { nodeIo } from "../../src/cli/node-io.js";
import { loadPack } from "../../src/load/pack.js";
import type { Pack } from "../../src/load/types.js";

export const fixtures = path.resolve(import.meta.dirname, "../fixtures/standard");

/**
 * Loads a fixture pack or spotlight file with the real loader (data files skipped), file names
 * relative to the fixtures folder; fails the test on any load error.
 */
export async function loadFixture(file: string, opts: { config?: string } = {}): Promise<Pack> {
  const loaded = await loadPack(file, {
    io: nodeIo,
    cwd: fixtures,
    readData: false,
    ...(opts.config !== undefined ? { configFile: opts.config } : {}),
  });
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || loaded.pack === undefined)
    throw new Error(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join("\n"));
  return loaded.pack;
}

/** Analyses giving each named measure a variation and assurance. */
export function analysesOf(
  spotlight: string,
  measures: Record<string, { variation?: Variation; assurance?: Assurance; trial?: number }>,
): PackAnalyses {
  const inner = new Map<string, MeasureAnalysis>();
  for (const [id, m] of Object.entries(measures)) {
    inner.set(id, {
      id,
      chart: "xmr",
      options: {
        improvement: "decrease",
        target: null,
        rebase: [],
        baseline_points: null,
        screen_outliers: false,
        min_points: 13,
        multiplier: 1,
      },
      points: [],
      segments: [
        {
          index: 0,
          start: "2026-01-01",
          n: m.trial ?? 20,
          trial_limits: m.trial !== undefined,
          runs: {
            useful: 0,
            longest_run: null,
            longest_run_max: null,
            crossings: null,
            crossings_min: null,
            signal: false,
          },
        },
      ],
      variation: m.variation ?? "common_cause",
      assurance: m.assurance ?? null,
      trial_limits: m.trial !== undefined,
      narrative: "",
    });
  }
  return new Map([[spotlight, inner]]);
}
