// Test helpers for the standard checks: builds a Pack from YAML fixture files with a small
// SourceDoc of its own (real line/column from the yaml package), and fake analyses.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, Scalar, type Node } from "yaml";
import type { PackAnalyses } from "../../src/analysis/analyse-pack.js";
import type { MeasureAnalysis, Variation, Assurance } from "../../src/analysis/types.js";
import type { LoadedSpotlight, Pack, Position, SourceDoc } from "../../src/load/types.js";
import { configSchema } from "../../src/schema/config-schema.js";
import { paperSchema } from "../../src/schema/pack-schema.js";
import { spotlightSchema } from "../../src/schema/spotlight-schema.js";

export const fixtures = path.resolve(import.meta.dirname, "../fixtures/standard");

type DataPath = readonly (string | number)[];

/** A SourceDoc over a YAML text, good enough for the fixtures' plain, quoted and block scalars. */
export function yamlSource(file: string, text: string): { data: unknown; source: SourceDoc } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, keepSourceTokens: true });
  const pos = (offset: number): Position => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const nodeAt = (p: DataPath): Node | undefined => {
    for (let n = p.length; n >= 0; n--) {
      const node = p.length === 0 || n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true);
      if (node !== undefined && node !== null && typeof node === "object" && "range" in node)
        return node as Node;
    }
    return undefined;
  };
  const source: SourceDoc = {
    file,
    locate(p) {
      const node = nodeAt(p);
      return node?.range ? pos(node.range[0]) : undefined;
    },
    locateKey(p) {
      const parent = doc.getIn(p.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((i) => isScalar(i.key) && i.key.value === p.at(-1));
        if (pair && isScalar(pair.key) && pair.key.range) return pos(pair.key.range[0]);
      }
      return source.locate(p);
    },
    locateInString(p, index) {
      const node = doc.getIn(p, true);
      if (!isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
      const start = node.range[0];
      if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)
        return pos(start + 1 + index);
      if (node.type === Scalar.PLAIN) {
        // Folded plain scalars: walk the source, treating each line break as one space.
        return pos(walk(start, index, (o) => text[o] === "\n"));
      }
      // Block scalar: content starts on the line after the header, at the block's indent.
      let o = text.indexOf("\n", start) + 1;
      const indent = /^ */.exec(text.slice(o))![0].length;
      o += indent;
      for (let i = 0; i < index; i++) {
        if (text[o] === "\n") o += 1 + indent;
        else o++;
      }
      return pos(o);
    },
  };
  function walk(o: number, index: number, isBreak: (o: number) => boolean): number {
    for (let i = 0; i < index; i++) {
      if (isBreak(o)) {
        o++;
        while (text[o] === " ") o++;
      } else o++;
    }
    return o;
  }
  return { data: doc.toJS(), source };
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
