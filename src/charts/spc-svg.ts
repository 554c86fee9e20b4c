// Builds a Making Data Count SPC chart as a deterministic SVG string from a MeasureAnalysis:
// grey line and points, solid mean (median on run charts), dashed process limits (stepped on
// P/U/C charts), target line, breaks at rebases, annotations, trial-limit labels, special cause
// points coloured AND shaped, nice y ticks, a thinned date axis and a legend. Pure: no I/O.
import { MONTH_NAMES, dateParts, formatPeriodDate } from "../common/calendar.js";
import { formatFixed } from "../common/numbers.js";
import type { AnalysedPoint, MeasureAnalysis, PointType, SpcChart } from "../analysis/types.js";
import type { Frequency } from "../schema/spotlight-schema.js";
import { assuranceLabel, variationLabel } from "./icons.js";
import { FONT_FAMILY, PALETTE, el, esc, fitText, num, text, textWidth } from "./svg-kit.js";

export type { Frequency };

export interface ChartMeta {
  title: string;
  unit: string;
  decimals?: number;
  frequency: Frequency;
  annotations?: { date: string; label: string }[];
  target?: number | null;
  improvement: "increase" | "decrease" | "neutral";
}

export interface ChartOptions {
  width?: number;
  height?: number;
  /** Text of the SVG `<desc>`; built from the analysis and meta when absent. */
  description?: string;
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates

/** Days since 1970-01-01 (pure calendar arithmetic, no clock or time zone). */
function dayNumber(date: string): number | null {
  const p = dateParts(date);
  return p ? Date.UTC(p.y, p.m - 1, p.d) / 86_400_000 : null;
}

/** Short axis label: `Jan 24` for monthly/quarterly data, `6 Jan 24` for weekly/daily. */
export function formatDateLabel(date: string, frequency: Frequency): string {
  const p = dateParts(date);
  if (!p) return date;
  const month = (MONTH_NAMES[p.m - 1] ?? "?").slice(0, 3);
  const year = String(p.y % 100).padStart(2, "0");
  return frequency === "monthly" || frequency === "quarterly"
    ? `${month} ${year}`
    : `${p.d} ${month} ${year}`;
}

/** en-GB number with thousands separators; `decimals` fixed, or up to 2 trimmed when absent. */
export function formatNumber(value: number, decimals?: number): string {
  // toPrecision(12) first, so that 0.95 (stored as 0.94999…) rounds to 1.0 and not 0.9.
  const places = decimals ?? 2;
  const rounded = Math.round(Number(value.toPrecision(12)) * 10 ** places) / 10 ** places;
  return formatFixed(rounded, places, decimals ?? 0);
}

function withUnit(value: string, unit: string): string {
  if (!unit) return value;
  return unit === "%" ? `${value}%` : `${value} ${unit}`;
}

/** Evenly spaced "nice" ticks (1, 2, 2.5, 5 × 10^k) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = min;
  let hi = max;
  if (hi - lo < 1e-12) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const rough = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/**
 * The y range: the data with 4% head room (never below 0 for non-negative data), so markers do
 * not sit on the axis, and the nice ticks inside it. A flat series gets the ticks' own range.
 */
function yDomain(ys: number[]): { lo: number; hi: number; ticks: number[] } {
  if (ys.length === 0) return { lo: 0, hi: 1, ticks: [0, 1] };
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  const room = (max - min) * 0.04;
  let lo = min >= 0 ? Math.max(0, min - room) : min - room;
  let hi = max + room;
  if (hi - lo < 1e-9) {
    const around = niceTicks(min, max);
    lo = Math.max(min >= 0 ? 0 : -Infinity, around[0] ?? min - 1);
    hi = around[around.length - 1] ?? max + 1;
  }
  const ticks = niceTicks(lo, hi).filter((t) => t >= lo - 1e-9 && t <= hi + 1e-9);
  return { lo, hi, ticks };
}

function tickDecimals(ticks: number[]): number {
  const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : 1;
  for (let d = 0; d <= 6; d += 1) {
    if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  }
  return 6;
}

// ---------------------------------------------------------------------------------------------
// Point markers

type Shape = "circle" | "diamond" | "triangle" | "square";

interface MarkerStyle {
  shape: Shape;
  fill: string;
  stroke: string;
  legend: string;
}

const MARKERS: Record<"common" | "improvement" | "concern" | "neutral", MarkerStyle> = {
  common: { shape: "circle", fill: PALETTE.grey, stroke: PALETTE.greyDark, legend: "Common cause" },
  improvement: {
    shape: "diamond",
    fill: PALETTE.blue,
    stroke: PALETTE.blueDark,
    legend: "Special cause: improvement",
  },
  concern: {
    shape: "triangle",
    fill: PALETTE.orange,
    stroke: PALETTE.orangeDark,
    legend: "Special cause: concern",
  },
  neutral: {
    shape: "square",
    fill: PALETTE.purple,
    stroke: PALETTE.purpleDark,
    legend: "Special cause: neither improvement nor concern",
  },
};

function markerKind(type: PointType): keyof typeof MARKERS {
  if (type === "special_cause_improvement") return "improvement";
  if (type === "special_cause_concern") return "concern";
  if (type === "common_cause") return "common";
  return "neutral";
}

/** A point marker; `size` scales it down on dense charts (1 = full size). */
function marker(
  shape: Shape,
  x: number,
  y: number,
  attrs: Record<string, string>,
  size = 1,
): string {
  const style = {
    ...attrs,
    "stroke-width": num(1.25 * Math.min(1, size + 0.2)),
    "stroke-linejoin": "round",
  };
  const r = 6.5 * size;
  switch (shape) {
    case "circle":
      return el("circle", { ...style, cx: x, cy: y, r: 3.5 * size });
    case "diamond":
      return el("path", {
        ...style,
        d: `M${num(x)} ${num(y - r)} L${num(x + r)} ${num(y)} L${num(x)} ${num(y + r)} L${num(x - r)} ${num(y)} Z`,
      });
    case "triangle":
      return el("path", {
        ...style,
        d: `M${num(x)} ${num(y - r)} L${num(x + r)} ${num(y + r * 0.77)} L${num(x - r)} ${num(y + r * 0.77)} Z`,
      });
    case "square":
      return el("rect", {
        ...style,
        x: x - r * 0.73,
        y: y - r * 0.73,
        width: r * 1.46,
        height: r * 1.46,
      });
  }
}

// ---------------------------------------------------------------------------------------------
// Layout

const FONT = { title: 15, axis: 11, label: 10, legend: 11 };
const LANE_ROW = 13;
const LANE_ROWS_MAX = 4;
const LEGEND_ROW = 17;

interface Scale {
  x: (i: number) => number;
  y: (v: number) => number;
  half: number;
}

interface Group {
  segment: number;
  first: number;
  last: number;
}

function groupsOf(points: AnalysedPoint[]): Group[] {
  const groups: Group[] = [];
  points.forEach((p, i) => {
    const current = groups[groups.length - 1];
    if (current && current.segment === p.segment) current.last = i;
    else groups.push({ segment: p.segment, first: i, last: i });
  });
  return groups;
}

const finite = (v: number | null | undefined): v is number =>
  typeof v === "number" && Number.isFinite(v);

/**
 * A centre or limit series as a path, stepping half-way between points when the value changes
 * (P/U charts) and straight when it does not (XmR). Each segment is drawn on its own, so a
 * rebase leaves a gap; null values leave a gap too.
 */
function seriesPath(
  points: AnalysedPoint[],
  groups: Group[],
  pick: (p: AnalysedPoint) => number | null,
  scale: Scale,
): string {
  const runs: [number, number][][] = [];
  for (const g of groups) {
    let run: [number, number][] | null = null;
    for (let i = g.first; i <= g.last; i += 1) {
      const v = pick(points[i] as AnalysedPoint);
      if (!finite(v)) {
        run = null;
        continue;
      }
      const single = g.first === g.last;
      const x0 = i === g.first ? scale.x(i) - (single ? scale.half : 0) : scale.x(i) - scale.half;
      const x1 = i === g.last ? scale.x(i) + (single ? scale.half : 0) : scale.x(i) + scale.half;
      const y = scale.y(v);
      if (!run) {
        run = [
          [x0, y],
          [x1, y],
        ];
        runs.push(run);
        continue;
      }
      const end = run[run.length - 1] as [number, number];
      if (num(end[1]) === num(y)) end[0] = x1;
      else run.push([x0, y], [x1, y]);
    }
  }
  return runs
    .map((run) => run.map(([x, y], i) => `${i === 0 ? "M" : "L"}${num(x)} ${num(y)}`).join(" "))
    .join(" ");
}

/** The data line: one subpath per run of non-null values. */
function valuePath(points: AnalysedPoint[], scale: Scale): string {
  const parts: string[] = [];
  let drawing = false;
  points.forEach((p, i) => {
    if (!finite(p.value)) {
      drawing = false;
      return;
    }
    parts.push(`${drawing ? "L" : "M"}${num(scale.x(i))} ${num(scale.y(p.value))}`);
    drawing = true;
  });
  return parts.join(" ");
}

interface LaneLabel {
  x: number;
  text: string;
  kind: "annotation" | "rebase";
  row: number;
  anchor: "start" | "end";
}

/** Places annotation and rebase labels in rows above the plot so that they do not overlap. */
function placeLaneLabels(
  items: { x: number; text: string; kind: LaneLabel["kind"] }[],
  left: number,
  right: number,
): LaneLabel[] {
  const rows: [number, number][][] = [];
  const placed: LaneLabel[] = [];
  const sorted = [...items].sort(
    (a, b) => a.x - b.x || (a.kind === b.kind ? 0 : a.kind === "rebase" ? -1 : 1),
  );
  for (const item of sorted) {
    const label = fitText(item.text, 170, FONT.label);
    const w = textWidth(label, FONT.label);
    const anchor: LaneLabel["anchor"] = item.x + 4 + w > right ? "end" : "start";
    const span: [number, number] =
      anchor === "start"
        ? [item.x - 2, item.x + 6 + w]
        : [Math.max(left, item.x - 6 - w), item.x + 2];
    let row = rows.findIndex((spans) => spans.every(([a, b]) => span[1] < a || span[0] > b));
    if (row === -1 && rows.length < LANE_ROWS_MAX) row = rows.push([]) - 1;
    if (row === -1) row = leastCrowdedRow(rows, span);
    rows[row]?.push(span);
    placed.push({ x: item.x, text: label, kind: item.kind, row, anchor });
  }
  return placed;
}

/** The row whose labels overlap `span` the least (used only when every row is taken). */
function leastCrowdedRow(rows: [number, number][][], span: [number, number]): number {
  const overlap = (spans: [number, number][]): number =>
    spans.reduce(
      (sum, [a, b]) => sum + Math.max(0, Math.min(b, span[1]) - Math.max(a, span[0])),
      0,
    );
  let best = 0;
  rows.forEach((spans, i) => {
    if (overlap(spans) < overlap(rows[best] ?? [])) best = i;
  });
  return best;
}

interface LegendItem {
  symbol: string;
  label: string;
}

function legendLine(stroke: string, dash?: string, width = 1.5): (x: number, y: number) => string {
  return (x, y) =>
    el("path", {
      d: `M${num(x)} ${num(y)} L${num(x + 22)} ${num(y)}`,
      stroke,
      "stroke-width": width,
      "stroke-dasharray": dash,
    });
}

// ---------------------------------------------------------------------------------------------
// Description

const CHART_NAMES: Record<SpcChart, string> = {
  xmr: "XmR (individuals) SPC chart",
  run: "Run chart",
  p: "P chart (proportion)",
  u: "U chart (rate)",
  c: "C chart (count)",
};

const FREQUENCY_NOUNS: Record<Frequency, string> = {
  daily: "daily",
  weekly: "weekly",
  monthly: "monthly",
  quarterly: "quarterly",
};

/** Plain-English description of a chart: type, period, latest value, icons and target. */
export function describeChart(analysis: MeasureAnalysis, meta: ChartMeta): string {
  const points = analysis.points;
  const sentences: string[] = [];
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${CHART_NAMES[analysis.chart]} of ${meta.title} with no data.`;
  sentences.push(
    `${CHART_NAMES[analysis.chart]} of ${meta.title}: ${points.length} ${FREQUENCY_NOUNS[meta.frequency]} ` +
      `${points.length === 1 ? "point" : "points"} from ${formatPeriodDate(first.date, meta.frequency)} ` +
      `to ${formatPeriodDate(last.date, meta.frequency)}.`,
  );
  const latest = [...points].reverse().find((p) => finite(p.value));
  if (latest && finite(latest.value)) {
    sentences.push(
      `Latest value ${withUnit(formatNumber(latest.value, meta.decimals), meta.unit)} ` +
        `(${formatPeriodDate(latest.date, meta.frequency)}).`,
    );
  }
  if (meta.improvement !== "neutral") {
    sentences.push(meta.improvement === "increase" ? "Higher is better." : "Lower is better.");
  }
  sentences.push(`${variationLabel(analysis.variation)}.`);
  if (analysis.assurance) sentences.push(`${assuranceLabel(analysis.assurance)}.`);
  const target = meta.target ?? analysis.options.target;
  if (finite(target))
    sentences.push(`Target ${withUnit(formatNumber(target, meta.decimals), meta.unit)}.`);
  if (analysis.trial_limits && analysis.chart !== "run") {
    sentences.push("The limits are trial limits (too few points to fix them).");
  }
  return sentences.join(" ");
}

// ---------------------------------------------------------------------------------------------
// The chart

export function renderChartSvg(
  analysis: MeasureAnalysis,
  meta: ChartMeta,
  opts: ChartOptions = {},
): string {
  const W = opts.width ?? 800;
  const H = opts.height ?? 400;
  const points = analysis.points;
  const n = points.length;
  const isRun = analysis.chart === "run";
  const target = meta.target !== undefined ? meta.target : analysis.options.target;
  const groups = groupsOf(points);
  const idBase = `spc-${analysis.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const description = opts.description ?? describeChart(analysis, meta);
  const out: string[] = [];

  // y domain from values, centre lines, limits and target.
  const ys: number[] = [];
  for (const p of points)
    for (const v of [p.value, p.centre, p.lower, p.upper]) if (finite(v)) ys.push(v);
  if (finite(target)) ys.push(target);
  const hasData = points.some((p) => finite(p.value));
  const { lo, hi, ticks } = yDomain(ys);
  const decimals = tickDecimals(ticks);
  const tickLabels = ticks.map((t) => formatNumber(t, decimals));

  // Horizontal layout.
  const unitSpace = meta.unit ? 20 : 0;
  const plotLeft = 8 + unitSpace + Math.max(...tickLabels.map((t) => textWidth(t, FONT.axis))) + 8;
  const plotRight = W - 16;
  const plotW = plotRight - plotLeft;
  const pad = Math.min(12, plotW / 8);
  const stepX = n > 1 ? (plotW - 2 * pad) / (n - 1) : plotW - 2 * pad;
  const xAt = (i: number): number => (n > 1 ? plotLeft + pad + i * stepX : plotLeft + plotW / 2);

  // Lane labels (annotations and rebases), above the plot.
  const laneItems: { x: number; text: string; kind: LaneLabel["kind"] }[] = [];
  for (const g of groups.slice(1)) {
    laneItems.push({
      x: (xAt(g.first) + xAt(g.first - 1)) / 2,
      text: isRun ? "Median recalculated" : "Limits recalculated",
      kind: "rebase",
    });
  }
  for (const a of meta.annotations ?? []) {
    const x = annotationX(a.date, points, xAt);
    if (x !== null) laneItems.push({ x, text: a.label, kind: "annotation" });
  }
  const lane = placeLaneLabels(laneItems, 4, W - 4);
  const laneRows = lane.length > 0 ? Math.max(...lane.map((l) => l.row)) + 1 : 0;

  // Legend items (point shapes present, then lines).
  const kinds = new Set(points.filter((p) => finite(p.value)).map((p) => markerKind(p.point_type)));
  const legend: LegendItem[] = [];
  for (const kind of ["common", "improvement", "concern", "neutral"] as const) {
    if (kind !== "common" && !kinds.has(kind)) continue;
    const m = MARKERS[kind];
    legend.push({ symbol: m.shape, label: m.legend });
  }
  const hasCentre = points.some((p) => finite(p.centre));
  const hasLimits = !isRun && points.some((p) => finite(p.upper) || finite(p.lower));
  if (hasCentre) legend.push({ symbol: "centre", label: isRun ? "Median" : "Mean" });
  if (hasLimits) legend.push({ symbol: "limits", label: "Process limits" });
  if (finite(target)) legend.push({ symbol: "target", label: "Target" });
  const legendRows = layoutLegend(legend, 12, W - 12);
  const legendHeight = (legendRows[legendRows.length - 1]?.row ?? 0) * LEGEND_ROW + LEGEND_ROW;

  // Vertical layout.
  const plotTop = 34 + (laneRows > 0 ? laneRows * LANE_ROW + 4 : 4);
  const plotBottom = H - 10 - legendHeight - 24;
  const yAt = (v: number): number => plotBottom - ((v - lo) / (hi - lo)) * (plotBottom - plotTop);
  const scale: Scale = { x: xAt, y: yAt, half: stepX / 2 };

  out.push(el("title", { id: `${idBase}-title` }, esc(meta.title)));
  out.push(el("desc", { id: `${idBase}-desc` }, esc(description)));
  out.push(el("rect", { x: 0, y: 0, width: W, height: H, fill: PALETTE.white }));
  out.push(
    text(fitText(meta.title, W - 24, FONT.title, true), {
      x: 12,
      y: 21,
      "font-size": FONT.title,
      "font-weight": "bold",
      fill: PALETTE.text,
    }),
  );

  // Grid and y axis.
  const grid = ticks.map((t, i) =>
    [
      el("path", {
        d: `M${num(plotLeft)} ${num(yAt(t))} L${num(plotRight)} ${num(yAt(t))}`,
        stroke: PALETTE.grid,
      }),
      text(tickLabels[i] ?? "", {
        x: plotLeft - 6,
        y: yAt(t) + 4,
        "text-anchor": "end",
        "font-size": FONT.axis,
        fill: PALETTE.textMuted,
      }),
    ].join("\n"),
  );
  out.push(el("g", { class: "y-axis" }, grid));
  if (meta.unit) {
    const cy = (plotTop + plotBottom) / 2;
    out.push(
      text(fitText(meta.unit, plotBottom - plotTop, FONT.axis), {
        class: "y-unit",
        x: 16,
        y: cy,
        transform: `rotate(-90 16 ${num(cy)})`,
        "text-anchor": "middle",
        "font-size": FONT.axis,
        fill: PALETTE.textMuted,
      }),
    );
  }

  // x axis with thinned date labels.
  out.push(
    el(
      "g",
      { class: "x-axis" },
      xAxis(points, meta.frequency, xAt, plotLeft, plotRight, plotBottom, W),
    ),
  );

  // Rebase and annotation markers.
  const laneTop = 34;
  const markers = lane.map((l) => {
    const top = laneTop + l.row * LANE_ROW;
    const rebase = l.kind === "rebase";
    const tx = l.anchor === "start" ? l.x + 4 : l.x - 4;
    return el("g", { class: rebase ? "rebase" : "annotation" }, [
      el("path", {
        d: `M${num(l.x)} ${num(top)} L${num(l.x)} ${num(plotBottom)}`,
        stroke: rebase ? PALETTE.axis : PALETTE.textMuted,
        "stroke-width": 1,
        "stroke-dasharray": rebase ? "1 3" : "3 3",
      }),
      backedLabel(l.text, tx, top + 9.5, l.anchor, rebase ? PALETTE.textMuted : PALETTE.text),
    ]);
  });
  if (markers.length > 0) out.push(el("g", { class: "markers" }, markers));

  // Limits, centre, target. Their labels go in `overlays`, drawn above the points.
  const overlays: string[] = [];
  if (hasLimits) {
    const limitStyle = {
      fill: "none",
      stroke: PALETTE.axis,
      "stroke-width": 1.5,
      "stroke-dasharray": "6 4",
    };
    const upper = seriesPath(points, groups, (p) => p.upper, scale);
    const lower = seriesPath(points, groups, (p) => p.lower, scale);
    out.push(
      el(
        "g",
        { class: "limits" },
        [
          upper ? el("path", { class: "limit upper", d: upper, ...limitStyle }) : "",
          lower ? el("path", { class: "limit lower", d: lower, ...limitStyle }) : "",
        ].filter(Boolean),
      ),
    );
  }
  if (hasCentre) {
    out.push(
      el("path", {
        class: isRun ? "centre median" : "centre mean",
        d: seriesPath(points, groups, (p) => p.centre, scale),
        fill: "none",
        stroke: PALETTE.text,
        "stroke-width": 1.5,
      }),
    );
  }
  if (finite(target)) {
    const ty = yAt(target);
    const value = formatNumber(target, meta.decimals);
    const label = `Target ${meta.unit === "%" ? `${value}%` : value}`;
    out.push(
      el("g", { class: "target" }, [
        el("path", {
          d: `M${num(plotLeft)} ${num(ty)} L${num(plotRight)} ${num(ty)}`,
          stroke: PALETTE.target,
          "stroke-width": 1.5,
          "stroke-dasharray": "10 3 2 3",
        }),
      ]),
    );
    // The label goes at whichever end of the line, above or below it, hides fewest points
    // (the latest points matter most, so the right end only wins when it is clear).
    const w = textWidth(label, FONT.label);
    const spots = [
      { x: plotRight - 2, baseline: ty - 4, anchor: "end" as const },
      { x: plotLeft + 2, baseline: ty - 4, anchor: "start" as const },
      { x: plotRight - 2, baseline: ty + 13, anchor: "end" as const },
      { x: plotLeft + 2, baseline: ty + 13, anchor: "start" as const },
    ].filter((c) => c.baseline - 10 >= plotTop && c.baseline + 3 <= plotBottom);
    const hidden = (c: { x: number; baseline: number; anchor: "start" | "end" }) => {
      const x0 = c.anchor === "end" ? c.x - w - 6 : c.x - 6;
      const x1 = c.anchor === "end" ? c.x + 6 : c.x + w + 6;
      return points.filter((p, i) => {
        if (!finite(p.value)) return false;
        const px = scale.x(i);
        const py = scale.y(p.value);
        return px >= x0 && px <= x1 && py >= c.baseline - 16 && py <= c.baseline + 8;
      }).length;
    };
    const spot = spots.reduce<(typeof spots)[number] | undefined>(
      (best, c) => (best === undefined || hidden(c) < hidden(best) ? c : best),
      undefined,
    ) ?? {
      x: plotRight - 2,
      baseline: ty - 4 < plotTop + 10 ? ty + 13 : ty - 4,
      anchor: "end" as const,
    };
    overlays.push(
      backedLabel(label, spot.x, spot.baseline, spot.anchor, PALETTE.target, "target-label"),
    );
  }

  // Data line and points.
  if (hasData) {
    out.push(
      el("path", {
        class: "values",
        d: valuePath(points, scale),
        fill: "none",
        stroke: PALETTE.grey,
        "stroke-width": 1.75,
        "stroke-linejoin": "round",
      }),
    );
    // Markers shrink when points are closer than about 10 units, down to 45% (60% for special cause).
    const density = Math.min(1, Math.max(0.45, stepX / 10));
    const marks = points.flatMap((p, i) => {
      if (!finite(p.value)) return [];
      const m = MARKERS[markerKind(p.point_type)];
      const size = m.shape === "circle" ? density : Math.max(0.6, density);
      return [
        marker(
          m.shape,
          xAt(i),
          yAt(p.value),
          { class: `point ${p.point_type} marker-${m.shape}`, fill: m.fill, stroke: m.stroke },
          size,
        ),
      ];
    });
    out.push(el("g", { class: "points" }, marks));
  } else {
    out.push(
      text("No data", {
        x: (plotLeft + plotRight) / 2,
        y: (plotTop + plotBottom) / 2,
        "text-anchor": "middle",
        "font-size": FONT.axis,
        fill: PALETTE.textMuted,
      }),
    );
  }

  // Trial limits labels.
  if (!isRun) {
    const trial = new Set(analysis.segments.filter((s) => s.trial_limits).map((s) => s.index));
    for (const g of groups) {
      if (!trial.has(g.segment)) continue;
      overlays.push(trialLabel(points, g, scale, plotTop, plotLeft));
    }
  }
  if (overlays.length > 0) out.push(el("g", { class: "labels" }, overlays));

  // Legend.
  const legendTop = H - 10 - legendHeight;
  out.push(
    el(
      "g",
      { class: "legend" },
      legendRows.map((item) => {
        const y = legendTop + item.row * LEGEND_ROW + LEGEND_ROW / 2;
        return [
          legendSymbol(item.symbol, item.x, y),
          text(item.label, {
            x: item.x + 28,
            y: y + 4,
            "font-size": FONT.legend,
            fill: PALETTE.text,
          }),
        ].join("\n");
      }),
    ),
  );

  return `${el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      class: `spc-chart spc-${analysis.chart}`,
      viewBox: `0 0 ${num(W)} ${num(H)}`,
      width: W,
      height: H,
      role: "img",
      "aria-labelledby": `${idBase}-title ${idBase}-desc`,
      "font-family": FONT_FAMILY,
      "font-size": FONT.axis,
    },
    out,
  )}\n`;
}

/** x of an annotation: on its point, or interpolated between the points either side of its date. */
function annotationX(
  date: string,
  points: AnalysedPoint[],
  xAt: (i: number) => number,
): number | null {
  const day = dayNumber(date);
  if (day === null || points.length === 0) return null;
  const days = points.map((p) => dayNumber(p.date));
  for (let i = 0; i < points.length; i += 1) {
    const d = days[i];
    if (d === null || d === undefined) continue;
    if (d === day) return xAt(i);
    if (d > day) {
      const prev = i > 0 ? days[i - 1] : null;
      if (prev === null || prev === undefined) return null;
      return xAt(i - 1) + ((day - prev) / (d - prev)) * (xAt(i) - xAt(i - 1));
    }
  }
  return null;
}

const STEP_CHOICES: Record<Frequency, number[]> = {
  monthly: [1, 2, 3, 4, 6, 12, 24, 36, 60, 120],
  quarterly: [1, 2, 4, 8, 12, 20, 40],
  weekly: [1, 2, 4, 8, 13, 26, 52, 104],
  daily: [1, 2, 7, 14, 28, 56, 91, 182, 364, 728],
};

function xAxis(
  points: AnalysedPoint[],
  frequency: Frequency,
  xAt: (i: number) => number,
  plotLeft: number,
  plotRight: number,
  plotBottom: number,
  W: number,
): string[] {
  const parts = [
    el("path", {
      d: `M${num(plotLeft)} ${num(plotBottom)} L${num(plotRight)} ${num(plotBottom)}`,
      stroke: PALETTE.axis,
    }),
  ];
  const n = points.length;
  if (n === 0) return parts;
  const labels = points.map((p) => formatDateLabel(p.date, frequency));
  const widest = Math.max(...labels.map((l) => textWidth(l, FONT.axis)));
  const maxLabels = Math.max(2, Math.min(12, Math.floor((plotRight - plotLeft) / (widest + 14))));
  const step =
    STEP_CHOICES[frequency].find((k) => Math.ceil(n / k) <= maxLabels) ?? Math.ceil(n / maxLabels);
  for (let i = 0; i < n; i += step) {
    const x = xAt(i);
    const label = labels[i] ?? "";
    const w = textWidth(label, FONT.axis);
    const tx = Math.min(Math.max(x, w / 2 + 2), W - w / 2 - 2);
    parts.push(
      el("path", {
        d: `M${num(x)} ${num(plotBottom)} L${num(x)} ${num(plotBottom + 4)}`,
        stroke: PALETTE.axis,
      }),
    );
    parts.push(
      text(label, {
        class: "x-label",
        x: tx,
        y: plotBottom + 16,
        "text-anchor": "middle",
        "font-size": FONT.axis,
        fill: PALETTE.textMuted,
      }),
    );
  }
  return parts;
}

/** A small label on a white, slightly transparent backing so lines and points do not hide it. */
function backedLabel(
  content: string,
  x: number,
  baseline: number,
  anchor: "start" | "end",
  fill: string,
  cls?: string,
): string {
  const w = textWidth(content, FONT.label);
  return [
    el("rect", {
      x: anchor === "start" ? x - 1 : x - w - 1,
      y: baseline - 9.5,
      width: w + 2,
      height: LANE_ROW - 1,
      fill: PALETTE.white,
      "fill-opacity": 0.85,
    }),
    text(content, {
      class: cls,
      x,
      y: baseline,
      "text-anchor": anchor,
      "font-size": FONT.label,
      fill,
    }),
  ].join("\n");
}

function trialLabel(
  points: AnalysedPoint[],
  g: Group,
  scale: Scale,
  plotTop: number,
  plotLeft: number,
): string {
  const last = points[g.last] as AnalysedPoint;
  const anchorValue = [last.upper, last.centre].find(finite);
  let y = finite(anchorValue) ? scale.y(anchorValue) - 5 : plotTop + 12;
  if (y < plotTop + 10) y = (finite(anchorValue) ? scale.y(anchorValue) : plotTop) + 13;
  const label = "Trial limits";
  const w = textWidth(label, FONT.label);
  const right = scale.x(g.last);
  const startAligned = right - w < plotLeft;
  return backedLabel(
    label,
    startAligned ? scale.x(g.first) : right,
    y,
    startAligned ? "start" : "end",
    PALETTE.textMuted,
    "trial-limits",
  );
}

function layoutLegend(
  items: LegendItem[],
  left: number,
  right: number,
): (LegendItem & { x: number; row: number })[] {
  const placed: (LegendItem & { x: number; row: number })[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const w = 28 + textWidth(item.label, FONT.legend) + 16;
    if (x + w > right && x > left) {
      row += 1;
      x = left;
    }
    placed.push({ ...item, x, row });
    x += w;
  }
  return placed;
}

function legendSymbol(symbol: string, x: number, y: number): string {
  switch (symbol) {
    case "centre":
      return legendLine(PALETTE.text)(x, y);
    case "limits":
      return legendLine(PALETTE.axis, "6 4")(x, y);
    case "target":
      return legendLine(PALETTE.target, "10 3 2 3")(x, y);
    default: {
      const m = Object.values(MARKERS).find((k) => k.shape === symbol) ?? MARKERS.common;
      return marker(m.shape, x + 11, y, { fill: m.fill, stroke: m.stroke });
    }
  }
}
