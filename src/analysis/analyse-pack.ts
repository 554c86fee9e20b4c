// Runs the SPC analysis for every measure of every spotlight in a loaded pack: builds the
// options from each measure and the config's spc defaults, skips chart "none" and measures
// without data, and reports SPC diagnostics (missing denominators, trial limits, rebase dates
// outside the data, constant series, targets on neutral measures) at the measure's position.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { DataPoint, LoadedSpotlight, Pack } from "../load/types.js";
import type { Measure } from "../schema/spotlight-schema.js";
import { analyseMeasure } from "./analyse-measure.js";
import type { MeasureAnalysis, SpcChart, SpcOptions } from "./types.js";

/** spotlight id → measure id → analysis (measures with chart "none" or no data are absent). */
export type PackAnalyses = Map<string, Map<string, MeasureAnalysis>>;

/** Options for one measure: the measure's own settings over the config's spc defaults. */
export function measureOptions(
  measure: Measure,
  spc: { min_points: number; screen_outliers: boolean },
): SpcOptions {
  return {
    improvement: measure.improvement,
    target: measure.target ?? null,
    rebase: (measure.rebase ?? []).map((r) => (typeof r === "string" ? r : r.date)),
    baseline_points: measure.baseline_points ?? null,
    screen_outliers: measure.screen_outliers ?? spc.screen_outliers,
    min_points: measure.min_points ?? spc.min_points,
    multiplier: measure.multiplier ?? 1,
  };
}

export function rebaseReasons(measure: Measure): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of measure.rebase ?? []) {
    if (typeof r !== "string" && r.reason) out[r.date] = r.reason;
  }
  return out;
}

/** P and U charts use only rows with both numerator and denominator. */
const needsDenominator = (chart: SpcChart) => chart === "p" || chart === "u";
const hasPair = (p: DataPoint) =>
  p.numerator !== null &&
  p.numerator !== undefined &&
  p.denominator !== null &&
  p.denominator !== undefined;

export function analysePack(pack: Pack): { analyses: PackAnalyses; diagnostics: Diagnostic[] } {
  const analyses: PackAnalyses = new Map();
  const diagnostics: Diagnostic[] = [];
  for (const loaded of pack.spotlights) {
    const sid = loaded.spotlight.id;
    const perMeasure = new Map<string, MeasureAnalysis>();
    loaded.spotlight.measures.forEach((measure, mi) => {
      const chart = measure.chart;
      if (chart === "none") return;
      const data = pack.data.get(sid)?.get(measure.id) ?? [];
      if (data.length === 0) return;
      const report = (
        code: DiagnosticCode,
        message: string,
        key: (string | number)[] = [],
        severity: Diagnostic["severity"] = "warning",
      ) => diagnostics.push(at(loaded, ["measures", mi, ...key], { code, message, severity }));

      if (needsDenominator(chart)) {
        const lacking = data.filter((p) => p.value !== null && !hasPair(p));
        if (lacking.length > 0 && !data.some(hasPair)) {
          report(
            "spc.chart_needs_denominator",
            `measure "${measure.id}" uses a ${chart.toUpperCase()} chart but no row has both a numerator and a denominator; it was not analysed`,
            ["chart"],
            "error",
          );
          return;
        }
        if (lacking.length > 0) {
          const first = lacking[0]!;
          diagnostics.push(
            diagnostic({
              code: "spc.chart_needs_denominator",
              severity: "warning",
              file: first.file,
              line: first.line,
              message: `measure "${measure.id}" uses a ${chart.toUpperCase()} chart but ${lacking.length} row(s) lack a numerator or denominator (first ${first.date}); they are treated as missing`,
            }),
          );
        }
      }

      const options = measureOptions(measure, pack.config.spc);
      const analysis = analyseMeasure({
        id: measure.id,
        chart,
        points: data,
        options,
        meta: {
          name: measure.name,
          unit: measure.unit,
          ...(measure.decimals !== undefined ? { decimals: measure.decimals } : {}),
          frequency: measure.frequency,
          rebaseReasons: rebaseReasons(measure),
        },
      });
      perMeasure.set(measure.id, analysis);

      const dates = new Set(data.map((p) => p.date));
      (measure.rebase ?? []).forEach((r, ri) => {
        const date = typeof r === "string" ? r : r.date;
        if (!dates.has(date)) {
          report(
            "spc.rebase_not_in_data",
            `rebase date ${date} of measure "${measure.id}" is not one of its data dates, so it has no effect`,
            typeof r === "string" ? ["rebase", ri] : ["rebase", ri, "date"],
          );
        }
      });
      const last = analysis.points[analysis.points.length - 1];
      if (chart === "xmr" && last && last.centre !== null && last.lower === null) {
        report(
          "spc.constant",
          `the values of measure "${measure.id}" do not vary in its latest segment, so its limits cannot be calculated`,
        );
      }
    });
    analyses.set(sid, perMeasure);
  }
  return { analyses, diagnostics };
}

function at(
  loaded: LoadedSpotlight,
  path: (string | number)[],
  d: { code: DiagnosticCode; message: string; severity: Diagnostic["severity"] },
): Diagnostic {
  const full = [...loaded.basePath, ...path];
  const pos = loaded.source.locate(full);
  return diagnostic({
    ...d,
    file: loaded.source.file,
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    path: full,
  });
}
