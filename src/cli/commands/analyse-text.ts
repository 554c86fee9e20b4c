// Text output of `spotlight analyse` for people: one small table per measure (latest value,
// centre, limits, icons in words, segments) followed by the narrative, wrapped to 100
// columns. Colour (MDC blue for improvement, orange for concern) only when asked for.
import { Chalk, type ChalkInstance } from "chalk";
import type { Assurance, MeasureAnalysis, Variation } from "../../analysis/types.js";
import { formatNumber } from "../../analysis/narrative.js";
import { assuranceLabel, variationLabel } from "../../charts/icons.js";

const CHART_NAMES = { xmr: "XmR", run: "run", p: "P", u: "U", c: "C" } as const;

// The same words as the icons' labels in the paper and the chart descriptions.
const variationWords = (v: Variation): string => variationLabel(v).toLowerCase();

function assuranceWords(a: Assurance): string {
  return a === null ? "none (no target)" : assuranceLabel(a).toLowerCase();
}

function paintVariation(chalk: ChalkInstance, v: Variation): string {
  const words = variationWords(v);
  if (v.startsWith("improvement")) return chalk.blue(words);
  if (v.startsWith("concern")) return chalk.hex("#ED8B00")(words);
  if (v.startsWith("neutral")) return chalk.magenta(words);
  return chalk.gray(words);
}

function paintAssurance(chalk: ChalkInstance, a: Assurance): string {
  const words = assuranceWords(a);
  if (a === "pass") return chalk.blue(words);
  if (a === "fail") return chalk.hex("#ED8B00")(words);
  return chalk.gray(words);
}

export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

export function formatAnalysisText(a: MeasureAnalysis, colour: boolean): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const num = (x: number | null) => (x === null ? "–" : formatNumber(x, { unit: "" }));
  const last = a.points[a.points.length - 1];
  const latestValue = [...a.points].reverse().find((p) => p.value !== null);
  const o = a.options;
  const settings = [
    `${CHART_NAMES[a.chart]} chart`,
    `improvement ${o.improvement}`,
    ...(o.target !== null ? [`target ${num(o.target)}`] : []),
    ...(o.baseline_points !== null ? [`baseline ${o.baseline_points} points`] : []),
    ...(o.screen_outliers ? ["screened moving ranges"] : []),
    ...(o.multiplier !== 1 ? [`× ${num(o.multiplier)}`] : []),
  ];
  const rows: [string, string][] = [
    ["latest", latestValue ? `${num(latestValue.value)} (${latestValue.date})` : "no values"],
    [a.chart === "run" ? "median" : "centre", num(last?.centre ?? null)],
  ];
  if (a.chart !== "run") {
    rows.push([
      "limits",
      last && last.lower !== null && last.upper !== null
        ? `${num(last.lower)} to ${num(last.upper)}${a.trial_limits ? chalk.yellow(" (trial)") : ""}`
        : "cannot be calculated",
    ]);
  }
  rows.push(["variation", paintVariation(chalk, a.variation)]);
  rows.push(["assurance", paintAssurance(chalk, a.assurance)]);
  const seg = a.segments[a.segments.length - 1];
  rows.push([
    "points",
    `${a.points.length}${a.segments.length > 1 ? ` in ${a.segments.length} segments (latest from ${seg!.start})` : ""}`,
  ]);
  if (seg && seg.runs.useful > 0) {
    rows.push([
      "runs",
      `longest ${seg.runs.longest_run} (max ${seg.runs.longest_run_max}), crossings ${seg.runs.crossings} (min ${seg.runs.crossings_min})${seg.runs.signal ? chalk.yellow(" — non-random") : ""}`,
    ]);
  }
  const head = `${chalk.bold(a.id)}  ${chalk.dim(settings.join(", "))}`;
  const body = rows.map(([k, v]) => `  ${k.padEnd(10)}  ${v}`).join("\n");
  return `${head}\n${body}\n\n${wrap(a.narrative, 100, "  ")}\n`;
}

export function formatAnalysesText(list: readonly MeasureAnalysis[], colour: boolean): string {
  if (list.length === 0) return "No measures to analyse.\n";
  return list.map((a) => formatAnalysisText(a, colour)).join("\n");
}
