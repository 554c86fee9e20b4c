// The view model: the ONE plain object the templates receive (DESIGN §2 step 4). Built from the
// loaded pack and its SPC analyses; every value is display-ready (en-GB dates, enums as words,
// numbers with units). Pure: no I/O, no clock. The README documents it from these comments.
import type { PackAnalyses } from "../analysis/analyse-pack.js";
import type { MeasureAnalysis, Variation } from "../analysis/types.js";
import type { DataPoint, Pack } from "../load/types.js";
import type { Paper } from "../schema/pack-schema.js";
import type { Measure, Spotlight } from "../schema/spotlight-schema.js";
import { formatDay, formatPeriodDate } from "../common/calendar.js";
import { formatNumber, formatWithUnit, joinWords } from "./format.js";
import { assuranceLabel, iconFileName, variationLabel } from "../charts/icons.js";
import { assuranceClause, chartName, enumLabel, improvementLabel } from "./labels.js";
import { assetFileNames, type IconKind } from "./assets.js";

/** The whole template context. Optional values are always present: `null` or `[]` when absent. */
export interface ViewModel {
  /** Document title: the paper's title, or the spotlight's title when one spotlight is rendered alone. */
  title: string;
  /** The trust's name, or null when one spotlight is rendered alone. */
  organisation: string | null;
  /** The meeting date for headers, e.g. "3 December 2026"; null without a paper. */
  date: string | null;
  /** The meeting date as `YYYY-MM-DD`; null without a paper. */
  date_iso: string | null;
  /** The cover sheet; null when a single spotlight file is rendered (no `paper:`). */
  paper: PaperView | null;
  /** The spotlights in render order. */
  spotlights: SpotlightView[];
  /** One row per measure of every spotlight, for the paper's summary table. */
  summary_rows: SummaryRow[];
  /** Every distinct icon used, in first-use order (the writer draws these files). */
  icons: IconView[];
  /** Folder (relative to the Markdown file) holding charts and icons, e.g. "paper_files". */
  assets_dir: string;
}

/** The board paper's cover sheet, formatted for display. */
export interface PaperView {
  /** The trust's name. */
  organisation: string;
  /** e.g. "Trust Board (Public)". */
  meeting: string;
  /** Meeting date, e.g. "3 December 2026". */
  date: string;
  /** Meeting date as `YYYY-MM-DD`. */
  date_iso: string;
  /** e.g. "PUB26/12/7.1". */
  agenda_item: string;
  /** Enclosure reference, or null. */
  paper_ref: string | null;
  /** The paper's title. */
  title: string;
  /** Purposes in words, e.g. ["Assurance", "Discussion"]. */
  purposes: string[];
  /** Purposes joined for a table cell, e.g. "Assurance and discussion". */
  purpose: string;
  /** e.g. "Reasonable"; null when not given. */
  assurance_level: string | null;
  /** "Name, Role". */
  executive_lead: string;
  /** "Name, Role". */
  author: string;
  /** "Name, Role", or null. */
  presenter: string | null;
  /** Executive summary, Markdown (paragraphs, bold, italic, lists, links). */
  summary: string;
  /** Each a sentence, e.g. "The Board is asked to …". */
  recommendations: string[];
  /** Strategic objectives the paper links to. */
  strategic_objectives: string[];
  /** Board Assurance Framework risk ids ([] when none). */
  baf_risks: string[];
  /** Committees that saw the paper before. */
  previously_considered_by: { committee: string; date: string; outcome: string | null }[];
  /** Equality impact statement. */
  equality_impact: string;
  /** Quality impact statement, or null. */
  quality_impact: string | null;
}

/** A named person, already written "Name, Role". */
export type PersonText = string;

/** One improvement spotlight (one project), display-ready. */
export interface SpotlightView {
  /** The spotlight's id (as in the data files). */
  id: string;
  /** The project's title (the issue, not the countermeasure). */
  title: string;
  /** 1-based position in the paper. */
  number: number;
  /** The executive who sponsors the project. */
  executive_sponsor: PersonText;
  /** Who to ask about the project. */
  project_lead: PersonText;
  /** The clinical lead, or null. */
  clinical_lead: PersonText | null;
  /** Division, care group or service. */
  service: string;
  /** e.g. "Testing". */
  phase: string;
  /** e.g. "On track"; null when not given. */
  status: string | null;
  /** e.g. "Model for Improvement"; null when not given. */
  methodology: string | null;
  /** The period the update covers: start and end dates ("1 April 2026") and "1 April 2026 to 30 November 2026". */
  report_period: { start: string; end: string; text: string };
  /** Date the data was extracted, or null. */
  data_as_at: string | null;
  /** In words, e.g. ["Patient safety"]. */
  quality_dimensions: string[];
  /** Trust strategic objectives the project serves. */
  strategic_objectives: string[];
  /** Trust values the project shows. */
  values: string[];
  /** Board Assurance Framework risks the project addresses. */
  baf_risks: string[];
  /** Markdown. */
  problem: string;
  /** Markdown, or null. */
  background: string | null;
  /** The aim and the measure that shows it. */
  aim: AimView;
  /** Every measure, in the order written, with its analysis. */
  measures: MeasureView[];
  /** The team's own words on the results (Markdown), or null; each measure also has a narrative. */
  results: string | null;
  /** Change ideas, with their status in words ("Adopted") or null. */
  change_ideas: { description: string; status: string | null }[];
  /** Plan-Do-Study-Act cycles. */
  pdsa: PdsaView[];
  /** Patient involvement (level in words, e.g. "Co-designed") and staff involvement. */
  involvement: {
    patients: { level: string; description: string | null };
    staff: { description: string | null; groups: string[]; count: number | null };
  };
  /**
   * Waste removed: lean waste type in words ("Waiting"), description, estimate with unit ("40 hours per month") or null.
   */
  waste: { type: string; description: string; estimate: string | null }[];
  /** Successes to celebrate: text, people to thank, date ("14 July 2025") or null. */
  successes: { text: string; people: string[]; date: string | null }[];
  /** Risks and issues with impact, mitigation and owner (each null when not given). */
  risks: {
    description: string;
    impact: string | null;
    mitigation: string | null;
    owner: string | null;
  }[];
  /** What the board is asked to do: `type` in words ("Take assurance") and the text. */
  ask: { type: string; text: string };
  /** Next steps: action, owner and due date ("31 October 2025"). */
  next_steps: { action: string; owner: string; due: string }[];
  /** Markdown, or null. */
  sustain: string | null;
  /** Markdown, or null. */
  data_quality: string | null;
  /** Only present when `consent_recorded: true`; otherwise null. */
  patient_story: { summary: string } | null;
  /** The spotlight's own images, copied beside the paper. */
  images: ImageView[];
}

/** One of a spotlight's own images (a photo, a driver diagram). */
export interface ImageView {
  /** The path as written in the spotlight, relative to the spotlight file. */
  path: string;
  /** The copy beside the paper, e.g. "paper_files/falls-ward7-image-1.png". */
  file: string;
  /** Alt text ("" for a decorative image). */
  alt: string;
  /** Caption shown under the image, or null. */
  caption: string | null;
  /** True when the image is decorative (empty alt text). */
  decorative: boolean;
}

/** The aim, with its numbers formatted in the unit of its measure. */
export interface AimView {
  /** The aim as written. */
  statement: string;
  /** Id of the aim's measure. */
  measure_id: string;
  /** Name of the aim's measure (the id when the measure is missing). */
  measure: string;
  /** e.g. "8.4 falls per 1,000 bed days". */
  baseline: string;
  /** Target with unit. */
  target: string;
  /** e.g. "31 March 2027". */
  by: string;
}

/** A PDSA cycle. */
export interface PdsaView {
  /** Cycle number. */
  cycle: number;
  /** The change tested. */
  change: string;
  /** Start date, e.g. "6 January 2025". */
  start: string;
  /** End date, or null while the cycle runs. */
  end: string | null;
  /** What the team predicted, or null. */
  prediction: string | null;
  /** What happened, or null. */
  result: string | null;
  /** What was learned, or null. */
  learning: string | null;
  /** "Adopt", "Adapt" or "Abandon", or null. */
  decision: string | null;
}

/** An icon image with its text label (icons never stand alone). */
export interface IconView {
  /** "variation" or "assurance". */
  kind: IconKind;
  /** The analysis value, e.g. "improvement_low" or "pass". */
  value: string;
  /** e.g. "Special cause improvement (low)". */
  label: string;
  /** SVG path relative to the Markdown file, e.g. "paper_files/icon-variation-improvement_low.svg". */
  file: string;
  /** PNG of the same icon. */
  png_file: string;
}

/** A measure with its data and analysis summary. */
export interface MeasureView {
  /** The measure's id. */
  id: string;
  /** The measure's name as the board reads it. */
  name: string;
  /** "Outcome", "Process" or "Balancing". */
  type: string;
  /** The unit as written, e.g. "falls per 1,000 bed days". */
  unit: string;
  /** "Higher is better", "Lower is better" or "No preferred direction". */
  improvement: string;
  /** Numerator, denominator, inclusions; or null. */
  definition: string | null;
  /** System the data comes from, or null. */
  data_source: string | null;
  /** e.g. "Monthly". */
  frequency: string;
  /** Target with unit, e.g. "5.5 falls per 1,000 bed days", or null. */
  target: string | null;
  /** True when this measure is the one the aim names. */
  is_aim: boolean;
  /** "XmR", "Run", "P", "U" or "C"; null for `chart: none` or when there is no analysis. */
  chart_type: string | null;
  /** Number of data points (missing values included). */
  points: number;
  /** The last value with its unit ("4.2 falls per 1,000 bed days") and its date ("December 2026"), or null. */
  latest: { value: string; date: string } | null;
  /** Centre line (mean, or median for run charts) of the last segment, or null. */
  centre: string | null;
  /** Lower process limit of the last point, or null. */
  lower: string | null;
  /** Upper process limit of the last point, or null. */
  upper: string | null;
  /** The Making Data Count variation icon of the last point, or null without an analysis. */
  variation: IconView | null;
  /** The assurance icon (target against the limits), or null without a target or analysis. */
  assurance: IconView | null;
  /** Plain-English sentences from the analysis ("" when there is none). */
  narrative: string;
  /** True when the last segment has fewer points than min_points, so its limits are provisional (never for run charts, which have no limits). */
  trial_limits: boolean;
  /** The chart image files and alt text, or null when no chart is drawn. */
  chart: { svg_file: string; png_file: string; alt: string } | null;
}

/** One row of the paper's summary table. */
export interface SummaryRow {
  /** The spotlight's id. */
  spotlight_id: string;
  /** The spotlight's title. */
  spotlight: string;
  /** The measure's id. */
  measure_id: string;
  /** The measure's name. */
  measure: string;
  /** Latest value with unit, or null. */
  latest: string | null;
  /** Target with unit, or null. */
  target: string | null;
  /** Variation icon with its label, or null. */
  variation: IconView | null;
  /** Assurance icon with its label, or null. */
  assurance: IconView | null;
}

export interface ViewModelOptions {
  /** Folder for charts and icons, relative to the Markdown file, e.g. "paper_files". */
  assetsDir: string;
}

const person = (p: { name: string; role: string } | undefined): PersonText | null =>
  p ? `${p.name}, ${p.role}` : null;

/** `photos/Ward 7.JPG` → `.jpg`; files with no extension keep none. */
const imageExtension = (path: string) =>
  (/\.[A-Za-z0-9]{1,5}$/.exec(path)?.[0] ?? "").toLowerCase();

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** Decimal places a number is written with (5.5 → 1, 12 → 0), at most 6. */
function decimalsOf(x: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) < 1e-9) return d;
  return 6;
}

function paperView(p: Paper): PaperView {
  const purposes = p.purpose.map(enumLabel);
  return {
    organisation: p.organisation,
    meeting: p.meeting,
    date: formatDay(p.date),
    date_iso: p.date,
    agenda_item: p.agenda_item,
    paper_ref: orNull(p.paper_ref),
    title: p.title,
    purposes,
    purpose: joinWords(purposes.map((w, i) => (i === 0 ? w : w.toLowerCase()))),
    assurance_level: p.assurance_level === undefined ? null : enumLabel(p.assurance_level),
    executive_lead: person(p.executive_lead)!,
    author: person(p.author)!,
    presenter: person(p.presenter),
    summary: p.summary,
    recommendations: [...p.recommendations],
    strategic_objectives: [...p.strategic_objectives],
    baf_risks: [...(p.baf_risks ?? [])],
    previously_considered_by: (p.previously_considered_by ?? []).map((c) => ({
      committee: c.committee,
      date: formatDay(c.date),
      outcome: orNull(c.outcome),
    })),
    equality_impact: p.equality_impact,
    quality_impact: orNull(p.quality_impact),
  };
}

/** Shared state while building: icons in first-use order and the asset file names. */
class Assets {
  readonly icons = new Map<string, IconView>();
  readonly names: (spotlightId: string, measureId: string) => string;
  constructor(readonly dir: string) {
    this.names = assetFileNames();
  }
  icon(kind: IconKind, value: string, label: string): IconView {
    const key = `${kind}:${value}`;
    let view = this.icons.get(key);
    if (!view) {
      const svg = `${this.dir}/${iconFileName(kind as "variation", value as Variation)}`;
      view = { kind, value, label, file: svg, png_file: svg.replace(/\.svg$/, ".png") };
      this.icons.set(key, view);
    }
    return view;
  }
}

function measureView(
  s: Spotlight,
  m: Measure,
  analysis: MeasureAnalysis | undefined,
  data: DataPoint[] | undefined,
  assets: Assets,
): MeasureView {
  const values = (analysis?.points ?? data ?? []).map((p) => p.value);
  const present = values.filter((v): v is number => v !== null);
  const integers = present.every((v) => Number.isInteger(v));
  const valueDecimals = m.decimals ?? (integers ? 0 : 1);
  const statDecimals = m.decimals ?? 1;
  const points = analysis?.points ?? data ?? [];
  let lastIndex = points.length - 1;
  while (lastIndex >= 0 && points[lastIndex]!.value === null) lastIndex--;
  const last = lastIndex >= 0 ? points[lastIndex]! : undefined;
  const target =
    m.target === undefined
      ? null
      : formatWithUnit(m.target, m.unit, Math.max(valueDecimals, decimalsOf(m.target)));
  const latest = last
    ? {
        value: formatWithUnit(last.value!, m.unit, valueDecimals),
        date: formatPeriodDate(last.date, m.frequency),
      }
    : null;
  const finalPoint = analysis?.points[analysis.points.length - 1];
  const stat = (x: number | null | undefined) =>
    x === null || x === undefined ? null : formatNumber(x, statDecimals);
  const variation = analysis
    ? assets.icon("variation", analysis.variation, variationLabel(analysis.variation))
    : null;
  const assurance =
    analysis && analysis.assurance !== null
      ? assets.icon("assurance", analysis.assurance, assuranceLabel(analysis.assurance))
      : null;
  let chart: MeasureView["chart"] = null;
  if (analysis && m.chart !== "none") {
    const base = `${assets.dir}/${assets.names(s.id, m.id)}`;
    chart = {
      svg_file: `${base}.svg`,
      png_file: `${base}.png`,
      alt: chartAltText(m, analysis, latest?.value ?? null, target),
    };
  }
  return {
    id: m.id,
    name: m.name,
    type: enumLabel(m.type),
    unit: m.unit,
    improvement: improvementLabel(m.improvement),
    definition: orNull(m.definition),
    data_source: orNull(m.data_source),
    frequency: enumLabel(m.frequency),
    target,
    is_aim: s.aim.measure === m.id,
    chart_type: analysis && m.chart !== "none" ? chartName(analysis.chart) : null,
    points: points.length,
    latest,
    centre: stat(finalPoint?.centre),
    lower: stat(finalPoint?.lower),
    upper: stat(finalPoint?.upper),
    variation,
    assurance,
    narrative: analysis?.narrative ?? "",
    trial_limits: analysis !== undefined && analysis.chart !== "run" && analysis.trial_limits,
    chart,
  };
}

/** "Falls per 1,000" → "falls per 1,000", but "ED waits" stays (an acronym). */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * Alt text for a chart, from the analysis: chart type, measure, period, latest value,
 * variation and assurance in words, target. E.g. "XmR chart of falls per 1,000 bed days,
 * January 2024 to December 2026; latest 4.2; special cause improvement (low); target 5.5
 * consistently passed."
 */
export function chartAltText(
  m: Pick<Measure, "name" | "frequency" | "target">,
  analysis: MeasureAnalysis,
  latest: string | null,
  target: string | null,
): string {
  const first = analysis.points[0];
  const last = analysis.points[analysis.points.length - 1];
  const parts: string[] = [];
  let head = `${chartName(analysis.chart)} chart of ${lowerFirst(m.name)}`;
  if (first && last) {
    const from = formatPeriodDate(first.date, m.frequency);
    const to = formatPeriodDate(last.date, m.frequency);
    head += from === to ? `, ${from}` : `, ${from} to ${to}`;
  }
  parts.push(head);
  parts.push(latest === null ? "no latest value" : `latest ${latest}`);
  parts.push(variationLabel(analysis.variation).toLowerCase());
  if (target !== null) {
    parts.push(
      analysis.assurance === null
        ? `target ${target}`
        : `target ${target} ${assuranceClause(analysis.assurance)}`,
    );
  } else {
    parts.push("no target");
  }
  if (analysis.trial_limits && analysis.chart !== "run")
    parts.push("trial limits (too few points to fix them)");
  return `${parts.join("; ")}.`;
}

function spotlightView(
  s: Spotlight,
  index: number,
  analyses: PackAnalyses,
  data: Pack["data"],
  assets: Assets,
): SpotlightView {
  const measures = s.measures.map((m) =>
    measureView(s, m, analyses.get(s.id)?.get(m.id), data.get(s.id)?.get(m.id), assets),
  );
  const aimMeasure = s.measures.find((m) => m.id === s.aim.measure);
  const aimNumber = (x: number) =>
    aimMeasure ? formatWithUnit(x, aimMeasure.unit, decimalsOf(x)) : formatNumber(x, decimalsOf(x));
  const start = formatDay(s.report_period.start);
  const end = formatDay(s.report_period.end);
  return {
    id: s.id,
    title: s.title,
    number: index + 1,
    executive_sponsor: person(s.executive_sponsor)!,
    project_lead: person(s.project_lead)!,
    clinical_lead: person(s.clinical_lead),
    service: s.service,
    phase: enumLabel(s.phase),
    status: s.status === undefined ? null : enumLabel(s.status),
    methodology: s.methodology === undefined ? null : enumLabel(s.methodology),
    report_period: { start, end, text: `${start} to ${end}` },
    data_as_at: s.data_as_at === undefined ? null : formatDay(s.data_as_at),
    quality_dimensions: (s.quality_dimensions ?? []).map(enumLabel),
    strategic_objectives: [...(s.strategic_objectives ?? [])],
    values: [...(s.values ?? [])],
    baf_risks: [...(s.baf_risks ?? [])],
    problem: s.problem,
    background: orNull(s.background),
    aim: {
      statement: s.aim.statement,
      measure_id: s.aim.measure,
      measure: aimMeasure?.name ?? s.aim.measure,
      baseline: aimNumber(s.aim.baseline),
      target: aimNumber(s.aim.target),
      by: formatDay(s.aim.by),
    },
    measures,
    results: orNull(s.results),
    change_ideas: (s.change_ideas ?? []).map((c) => ({
      description: c.description,
      status: c.status === undefined ? null : enumLabel(c.status),
    })),
    pdsa: (s.pdsa ?? []).map((p) => ({
      cycle: p.cycle,
      change: p.change,
      start: formatDay(p.start),
      end: p.end === undefined ? null : formatDay(p.end),
      prediction: orNull(p.prediction),
      result: orNull(p.result),
      learning: orNull(p.learning),
      decision: p.decision === undefined ? null : enumLabel(p.decision),
    })),
    involvement: {
      patients: {
        level: enumLabel(s.involvement.patients.level),
        description: orNull(s.involvement.patients.description),
      },
      staff: {
        description: orNull(s.involvement.staff.description),
        groups: [...(s.involvement.staff.groups ?? [])],
        count: orNull(s.involvement.staff.count),
      },
    },
    waste: (s.waste ?? []).map((w) => ({
      type: enumLabel(w.type),
      description: w.description,
      estimate: w.estimate
        ? `${formatWithUnit(w.estimate.value, w.estimate.unit, decimalsOf(w.estimate.value))}${
            w.estimate.period ? ` ${w.estimate.period}` : ""
          }`
        : null,
    })),
    successes: (s.successes ?? []).map((x) => ({
      text: x.text,
      people: [...(x.people ?? [])],
      date: x.date === undefined ? null : formatDay(x.date),
    })),
    risks: (s.risks ?? []).map((r) => ({
      description: r.description,
      impact: orNull(r.impact),
      mitigation: orNull(r.mitigation),
      owner: orNull(r.owner),
    })),
    ask: { type: enumLabel(s.ask.type), text: s.ask.text },
    next_steps: s.next_steps.map((n) => ({
      action: n.action,
      owner: n.owner,
      due: formatDay(n.due),
    })),
    sustain: orNull(s.sustain),
    data_quality: orNull(s.data_quality),
    patient_story:
      s.patient_story && s.patient_story.consent_recorded === true
        ? { summary: s.patient_story.summary }
        : null,
    images: (s.images ?? []).map((i, n) => ({
      path: i.path,
      file: `${assets.dir}/${assets.names(s.id, `image-${n + 1}`)}${imageExtension(i.path)}`,
      alt: i.decorative ? "" : (i.alt ?? ""),
      caption: orNull(i.caption),
      decorative: i.decorative ?? false,
    })),
  };
}

/** Builds the template context from a loaded pack and its analyses. Pure. */
export function buildViewModel(
  pack: Pack,
  analyses: PackAnalyses,
  opts: ViewModelOptions,
): ViewModel {
  const assets = new Assets(opts.assetsDir);
  const spotlights = pack.spotlights.map((l, i) =>
    spotlightView(l.spotlight, i, analyses, pack.data, assets),
  );
  const summary_rows: SummaryRow[] = spotlights.flatMap((s) =>
    s.measures.map((m) => ({
      spotlight_id: s.id,
      spotlight: s.title,
      measure_id: m.id,
      measure: m.name,
      latest: m.latest?.value ?? null,
      target: m.target,
      variation: m.variation,
      assurance: m.assurance,
    })),
  );
  const paper = pack.paper ? paperView(pack.paper) : null;
  return {
    title: paper?.title ?? spotlights[0]?.title ?? "Improvement spotlight",
    organisation: paper?.organisation ?? null,
    date: paper?.date ?? null,
    date_iso: paper?.date_iso ?? null,
    paper,
    spotlights,
    summary_rows,
    icons: [...assets.icons.values()],
    assets_dir: opts.assetsDir,
  };
}
