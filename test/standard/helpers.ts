// Test helpers for the standard checks: builds a Pack from YAML fixture files with the
// SourceDoc from the core's YAML reader (real line/column), and fake analyses.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { PackAnalyses } from "../../src/analysis/analyse-pack.js";
import type { MeasureAnalysis, Variation, Assurance } from "../../src/analysis/types.js";
import type { LoadedSpotlight, Pack, SourceDoc } from "../../src/load/types.js";
import { parseYaml } from "../../src/load/yaml.js";
import { configSchema } from "../../src/schema/config-schema.js";
import { paperSchema } from "../../src/schema/pack-schema.js";
import { spotlightSchema } from "../../src/schema/spotlight-schema.js";

export const fixtures = path.resolve(import.meta.dirname, "../fixtures/standard");

/** Parses a fixture with the core's YAML reader (real line/column), failing on YAML problems. */
export function yamlSource(file: string, text: string): { data: unknown; source: SourceDoc } {
  const parsed = parseYaml(text, file);
  if (parsed.diagnostics.length > 0) throw new Error(`${file}: ${parsed.diagnostics[0]!.message}`);
  return { data: parsed.value, source: parsed.source };
}

function read(file: string): string {
  return readFileSync(path.join(fixtures, file), "utf8");
}

/** A pack of spotlight fixture files, optionally with a paper file and a config file. */
export function packOf(opts: { spotlights: string[]; paper?: string; config?: string }): Pack {
  const spotlights: LoadedSpotlight[] = opts.spotlights.map((f) => {
    const { data, source } = yamlSource(f, read(f));
    return { spotlight: spotlightSchema.parse(data), source, basePath: [] };
  });
  const pack: Pack = {
    file: opts.spotlights[0]!,
    dir: fixtures,
    spotlights,
    data: new Map(),
    inputs: [],
    config: configSchema.parse({}),
  };
  if (opts.paper !== undefined) {
    const { data, source } = yamlSource(opts.paper, read(opts.paper));
    pack.paper = paperSchema.parse((data as { paper: unknown }).paper);
    pack.paperSource = source;
  }
  if (opts.config !== undefined) {
    const { data, source } = yamlSource(opts.config, read(opts.config));
    pack.config = configSchema.parse(data);
    pack.configSource = source;
  }
  return pack;
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
