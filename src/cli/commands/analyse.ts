// `spotlight analyse <data>`: reads one data file, groups its rows by (spotlight, measure),
// analyses each series with the options from the flags (over the config's spc defaults) and
// prints the DESIGN §8 JSON or a table per measure with the narrative. Optionally writes an
// SVG and PNG chart per measure. Bad flags → exit 2; errors in the data → exit 1.
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { analyseMeasure } from "../../analysis/analyse-measure.js";
import { inferFrequency } from "../../analysis/narrative.js";
import type { MeasureAnalysis, SpcChart, SpcInputPoint, SpcOptions } from "../../analysis/types.js";
import {
  diagnostic,
  FatalError,
  hasErrors,
  type Diagnostic,
} from "../../diagnostics/diagnostic.js";
import { displayPath, loadConfig } from "../../load/config.js";
import { readDataFile } from "../../load/data.js";
import type { DataRow } from "../../load/types.js";
import type { Frequency, Improvement } from "../../schema/spotlight-schema.js";
import { writeFailure, writeFileAtomic } from "../../write/safe-write.js";
import type { CliContext } from "../context.js";
import { formatDiagnosticsText, useColour } from "../print-diagnostics.js";
import { AnalysisJsonWriter } from "./analyse-json.js";
import { formatAnalysesText, formatAnalysisText } from "./analyse-text.js";

export interface AnalyseFlags {
  measure?: string;
  chart?: string;
  improvement?: string;
  target?: string;
  rebase?: string[];
  baselinePoints?: string;
  screenOutliers?: boolean;
  minPoints?: string;
  multiplier?: string;
  format?: string;
  charts?: string;
  config?: string;
  quiet?: boolean;
}

const usage = (message: string) => new FatalError(diagnostic({ code: "cli.usage", message }));

function numberFlag(name: string, raw: string | undefined, check?: (n: number) => string | null) {
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(n)) {
    throw usage(`${name} must be a number, got "${raw}"`);
  }
  const problem = check?.(n);
  if (problem) throw usage(`${name} ${problem}, got "${raw}"`);
  return n;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
function validIsoDate(text: string): boolean {
  const m = isoDate.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
}

/** Checks the flags and builds the options; throws FatalError (exit 2) on a bad flag. */
export function optionsFromFlags(
  flags: AnalyseFlags,
  spc: { min_points: number; screen_outliers: boolean },
): SpcOptions {
  const int = (n: number) => (Number.isInteger(n) ? null : "must be a whole number");
  const baseline = numberFlag(
    "--baseline-points",
    flags.baselinePoints,
    (n) => int(n) ?? (n < 12 ? "must be at least 12" : null),
  );
  const minPoints = numberFlag(
    "--min-points",
    flags.minPoints,
    (n) => int(n) ?? (n < 2 ? "must be at least 2" : null),
  );
  const multiplier = numberFlag("--multiplier", flags.multiplier, (n) =>
    n > 0 ? null : "must be greater than 0",
  );
  const rebase = flags.rebase ?? [];
  for (const d of rebase) {
    if (!validIsoDate(d)) throw usage(`--rebase dates must be YYYY-MM-DD, got "${d}"`);
  }
  return {
    improvement: (flags.improvement ?? "increase") as Improvement,
    target: numberFlag("--target", flags.target) ?? null,
    rebase: [...new Set(rebase)].sort(),
    baseline_points: baseline ?? null,
    screen_outliers: flags.screenOutliers ?? spc.screen_outliers,
    min_points: minPoints ?? spc.min_points,
    multiplier: multiplier ?? 1,
  };
}

/**
 * One series' rows, kept as columns of primitives while the file is read: a million rows cost
 * a few bytes each instead of an object each. Missing numbers are NaN (data values are always
 * finite, so NaN cannot be a real value).
 */
interface Series {
  id: string;
  spotlight?: string;
  measure: string;
  dates: string[];
  values: number[];
  /** Empty until a row gives a numerator or denominator. */
  numerators: number[];
  denominators: number[];
  lines: number[];
  file: string;
}

const num = (x: number | null | undefined): number => (x === null || x === undefined ? NaN : x);
const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Collects rows into series by (spotlight, measure), in first-seen order. */
export class SeriesCollector {
  private readonly groups = new Map<string, Series>();

  add = (row: DataRow): void => {
    const key = row.spotlight === undefined ? row.measure : `${row.spotlight}\u0000${row.measure}`;
    let g = this.groups.get(key);
    if (!g) {
      g = {
        id: row.measure,
        ...(row.spotlight ? { spotlight: row.spotlight } : {}),
        measure: row.measure,
        dates: [],
        values: [],
        numerators: [],
        denominators: [],
        lines: [],
        file: row.file,
      };
      this.groups.set(key, g);
    }
    const ratio = row.numerator != null || row.denominator != null;
    // Numerator and denominator columns exist only once a row has one (then padded with NaN).
    if (ratio && g.numerators.length < g.dates.length) {
      g.numerators.length = g.denominators.length = g.dates.length;
      g.numerators.fill(NaN);
      g.denominators.fill(NaN);
    }
    g.dates.push(row.date);
    g.values.push(num(row.value));
    if (ratio || g.numerators.length > 0) {
      g.numerators.push(num(row.numerator));
      g.denominators.push(num(row.denominator));
    }
    g.lines.push(row.line);
  };

  /** The series, each sorted by date; ids are "spotlight/measure" only when a measure id is shared. */
  series(): Series[] {
    const perMeasure = new Map<string, number>();
    for (const g of this.groups.values()) {
      perMeasure.set(g.measure, (perMeasure.get(g.measure) ?? 0) + 1);
    }
    return [...this.groups.values()].map((g) => {
      if (g.spotlight && perMeasure.get(g.measure)! > 1) g.id = `${g.spotlight}/${g.measure}`;
      return sortByDate(g);
    });
  }
}

function sortByDate(g: Series): Series {
  let sorted = true;
  for (let i = 1; i < g.dates.length && sorted; i++) sorted = g.dates[i - 1]! <= g.dates[i]!;
  if (sorted) return g;
  const order = g.dates
    .map((_, i) => i)
    .sort((a, b) => {
      const [x, y] = [g.dates[a]!, g.dates[b]!];
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  const pick = <T>(xs: T[]): T[] => (xs.length === 0 ? xs : order.map((i) => xs[i]!));
  return {
    ...g,
    dates: pick(g.dates),
    values: pick(g.values),
    numerators: pick(g.numerators),
    denominators: pick(g.denominators),
    lines: pick(g.lines),
  };
}

/** The series' points as the analysis takes them. */
function points(g: Series): SpcInputPoint[] {
  const ratios = g.numerators.length > 0;
  return g.dates.map((date, i) => {
    const p: SpcInputPoint = { date, value: orNull(g.values[i]!) };
    if (!ratios) return p;
    const [n, d] = [g.numerators[i]!, g.denominators[i]!];
    if (!Number.isNaN(n) || !Number.isNaN(d)) {
      p.numerator = orNull(n);
      p.denominator = orNull(d);
    }
    return p;
  });
}

export function analyseCommand(dataFile: string, opts: Record<string, unknown>) {
  return async (ctx: CliContext): Promise<number> => {
    const flags = opts as AnalyseFlags;
    const colour = useColour(ctx.env, ctx.stderr.isTTY);
    const abs = resolve(ctx.cwd, dataFile);
    const display = displayPath(ctx.cwd, abs);
    const loadedConfig = await loadConfig({
      io: ctx.fs,
      packDir: dirname(abs),
      cwd: ctx.cwd,
      ...(flags.config !== undefined ? { configFile: flags.config } : {}),
    });
    const config = loadedConfig.config;
    const options = optionsFromFlags(flags, config.spc);
    const chart = (flags.chart ?? "xmr") as SpcChart;

    const diagnostics: Diagnostic[] = [...loadedConfig.diagnostics];
    // Rows are handed over one by one and kept as columns: large files stay small in memory.
    const collector = new SeriesCollector();
    const read = await readDataFile(abs, display, ctx.fs, {
      ...(config.columns ? { columns: config.columns } : {}),
      dateFormat: config.spc.date_format,
      maxRows: config.limits.max_rows,
      maxFileBytes: config.limits.max_file_mb * 1048576,
      onRow: collector.add,
    });
    for (const d of read.diagnostics) {
      // The data file is named on the command line, so a missing one means "cannot run".
      if (d.code === "file.not_found" || d.code === "file.unreadable") {
        throw new FatalError({
          ...d,
          hint: "Check the path; it is relative to the current folder.",
        });
      }
      diagnostics.push(d);
    }

    let series = collector.series();
    if (flags.measure !== undefined) {
      const wanted = flags.measure;
      series = series.filter((s) => s.id === wanted || s.measure === wanted);
      if (series.length === 0) {
        diagnostics.push(
          diagnostic({
            code: "ref.no_data",
            file: display,
            message: `no rows for measure "${wanted}" in ${display}`,
          }),
        );
      }
    }
    for (const s of series) {
      for (let i = 1; i < s.dates.length; i++) {
        if (s.dates[i - 1] !== s.dates[i]) continue;
        const [a, b] = [s.lines[i - 1]!, s.lines[i]!];
        diagnostics.push(
          diagnostic({
            code: "data.duplicate_date",
            file: s.file,
            line: b,
            message: `measure "${s.id}" has two rows for ${s.dates[i]} (lines ${a} and ${b})`,
          }),
        );
      }
    }
    if (chart === "p" || chart === "u") {
      for (const s of series) {
        const i = s.values.findIndex(
          (v, k) =>
            !Number.isNaN(v) &&
            (s.numerators.length === 0 ||
              Number.isNaN(s.numerators[k]!) ||
              Number.isNaN(s.denominators[k]!)),
        );
        if (i >= 0) {
          diagnostics.push(
            diagnostic({
              code: "spc.chart_needs_denominator",
              file: s.file,
              line: s.lines[i]!,
              message: `a ${chart.toUpperCase()} chart needs a numerator and a denominator on every row; measure "${s.id}" has none on ${s.dates[i]}`,
            }),
          );
        }
      }
    }
    if (hasErrors(diagnostics)) {
      ctx.stderr.write(formatDiagnosticsText(diagnostics, colour));
      return 1;
    }
    if (diagnostics.length > 0 && !flags.quiet) {
      ctx.stderr.write(formatDiagnosticsText(diagnostics, colour));
    }

    // One measure at a time: analyse, print, chart, then let it go (large files stay flat).
    const json = flags.format === "json";
    const outColour = useColour(ctx.env, ctx.stdout.isTTY);
    const chartDir = flags.charts !== undefined ? resolve(ctx.cwd, flags.charts) : undefined;
    if (chartDir) {
      await mkdir(chartDir, { recursive: true }).catch((e: unknown) => {
        throw writeFailure(e, flags.charts!);
      });
    }
    const jsonOut = json ? new AnalysisJsonWriter((text) => ctx.stdout.write(text)) : undefined;
    if (!json && series.length === 0) ctx.stdout.write(formatAnalysesText([], outColour));
    for (let i = 0; i < series.length; i++) {
      const s = series[i]!;
      const frequency = inferFrequency(s.dates);
      const analysis = analyseMeasure({
        id: s.id,
        chart,
        points: points(s),
        options,
        meta: { name: s.id, unit: "", frequency },
      });
      // Let the series' columns go once it is analysed.
      Object.assign(s, { dates: [], values: [], numerators: [], denominators: [], lines: [] });
      if (jsonOut) jsonOut.measure(analysis);
      else {
        ctx.stdout.write((i > 0 ? "\n" : "") + formatAnalysisText(analysis, outColour));
      }
      if (chartDir) await writeChart(chartDir, analysis, frequency);
    }
    jsonOut?.end();
    if (chartDir && !flags.quiet && ctx.stderr.isTTY) {
      ctx.stderr.write(`wrote ${series.length * 2} chart files to ${flags.charts}\n`);
    }
    return 0;
  };
}

async function writeChart(dir: string, a: MeasureAnalysis, frequency: Frequency): Promise<void> {
  const { renderChartSvg } = await import("../../charts/spc-svg.js");
  const { svgToPng } = await import("../../charts/raster.js");
  const svg = renderChartSvg(a, {
    title: a.id,
    unit: "",
    frequency,
    improvement: a.options.improvement,
    target: a.options.target,
  });
  const base = join(dir, a.id.replace(/[^A-Za-z0-9_-]/g, "_"));
  await writeFileAtomic(`${base}.svg`, svg);
  await writeFileAtomic(`${base}.png`, svgToPng(svg, { width: 1600 }));
}
