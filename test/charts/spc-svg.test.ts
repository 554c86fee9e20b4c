import { describe, expect, it } from "vitest";
import {
  formatDateLabel,
  formatNumber,
  niceTicks,
  renderChartSvg,
  type ChartMeta,
} from "../../src/charts/spc-svg.js";
import {
  constantSeries,
  makeAnalysis,
  months,
  rebasedXmr,
  runChart,
  steppedP,
  trialWithGap,
  weeks,
} from "../fixtures/charts/analyses.js";
import { assertWellFormed, elementsWithClass, subpaths } from "./helpers.js";

const losMeta: ChartMeta = {
  title: "Average length of stay",
  unit: "days",
  decimals: 1,
  frequency: "monthly",
  target: 5.5,
  improvement: "decrease",
  annotations: [
    { date: "2024-03-01", label: "PDSA 1: discharge lounge" },
    { date: "2024-03-15", label: "PDSA 2: criteria-led discharge" },
    { date: "2030-01-01", label: "After the data" },
  ],
};
const plainMeta: ChartMeta = {
  title: "Falls",
  unit: "falls",
  frequency: "monthly",
  improvement: "neutral",
};

/** Text content of <text> elements with a given class. */
function texts(svg: string, cls: string): string[] {
  return [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, "g"))].map(
    (m) => m[1] ?? "",
  );
}

/** x coordinates of every point of a path's subpaths, per subpath. */
function runsOf(d: string): number[][] {
  return d
    .split("M")
    .filter(Boolean)
    .map((run) => [...run.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[1])));
}

describe("renderChartSvg", () => {
  const svg = renderChartSvg(rebasedXmr(), losMeta);

  it("is well-formed, accessible SVG with title and desc", () => {
    assertWellFormed(svg);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* viewBox="0 0 800 400"/);
    expect(svg).toContain(
      'role="img" aria-labelledby="spc-los-rebased-title spc-los-rebased-desc"',
    );
    expect(svg).toContain('<title id="spc-los-rebased-title">Average length of stay</title>');
    const desc = /<desc id="spc-los-rebased-desc">([^<]*)<\/desc>/.exec(svg)?.[1];
    expect(desc).toBe(
      "XmR (individuals) SPC chart of Average length of stay: 24 monthly points from January 2023 to " +
        "December 2024. Latest value 4.8 days (December 2024). Lower is better. Common cause variation. " +
        "Inconsistent: the target will be met only some of the time. Target 5.5 days.",
    );
    expect(svg).toContain('font-family="&apos;Liberation Sans&apos;, Arial');
  });

  it("uses opts.description and size when given", () => {
    const custom = renderChartSvg(rebasedXmr(), losMeta, {
      width: 600,
      height: 300,
      description: "Mine & yours",
    });
    expect(custom).toContain('viewBox="0 0 600 300" width="600" height="300"');
    expect(custom).toContain(">Mine &amp; yours</desc>");
  });

  it("colours AND shapes special cause points, with outlines that pass 3:1", () => {
    const concern = elementsWithClass(svg, "point", "special_cause_concern");
    expect(concern).toHaveLength(1);
    expect(concern[0]).toMatchObject({
      tag: "path",
      class: "point special_cause_concern marker-triangle",
      fill: "#ED8B00",
      stroke: "#B35900",
    });
    const improvement = elementsWithClass(svg, "point", "special_cause_improvement");
    expect(improvement).toHaveLength(1);
    expect(improvement[0]).toMatchObject({ tag: "path", fill: "#41B6E6", stroke: "#005EB8" });
    expect(improvement[0]?.class).toContain("marker-diamond");
    const common = elementsWithClass(svg, "point", "common_cause");
    expect(common).toHaveLength(22);
    expect(common.every((c) => c.tag === "circle" && c.fill === "#A6A6A6")).toBe(true);
    const neutral = elementsWithClass(
      renderChartSvg(trialWithGap(), plainMeta),
      "special_cause_neutral_high",
    );
    expect(neutral).toMatchObject([
      { tag: "rect", class: "point special_cause_neutral_high marker-square", fill: "#7030A0" },
    ]);
  });

  it("draws the limits dashed and the mean solid", () => {
    const limits = elementsWithClass(svg, "limit");
    expect(limits.map((l) => l.class)).toEqual(["limit upper", "limit lower"]);
    expect(limits.every((l) => l["stroke-dasharray"] === "6 4")).toBe(true);
    const [mean] = elementsWithClass(svg, "centre", "mean");
    expect(mean).toBeDefined();
    expect(mean?.["stroke-dasharray"]).toBeUndefined();
  });

  it("breaks the mean and limit lines at a rebase and marks it", () => {
    const [mean] = elementsWithClass(svg, "centre");
    const [upper] = elementsWithClass(svg, "limit", "upper");
    for (const d of [mean?.d ?? "", upper?.d ?? ""]) {
      const runs = runsOf(d);
      expect(runs).toHaveLength(2);
      // the second segment starts to the right of where the first ends
      expect(Math.min(...(runs[1] ?? []))).toBeGreaterThan(Math.max(...(runs[0] ?? [])));
    }
    const rebase = svg.match(/<g class="rebase">[\s\S]*?<\/g>/g) ?? [];
    expect(rebase).toHaveLength(1);
    expect(rebase[0]).toContain(">Limits recalculated</text>");
    // the rebase line lies between the two runs of the mean
    const x = Number(/<path d="M([\d.]+) /.exec(rebase[0] ?? "")?.[1]);
    const runs = runsOf(mean?.d ?? "");
    expect(x).toBeGreaterThan(Math.max(...(runs[0] ?? [])));
    expect(x).toBeLessThan(Math.min(...(runs[1] ?? [])));
  });

  it("draws the target with its own dash and a label", () => {
    const target = /<g class="target">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? "";
    expect(target).toContain('stroke="#DA291C"');
    expect(target).toContain('stroke-dasharray="10 3 2 3"');
    expect(texts(svg, "target-label")).toEqual(["Target 5.5"]);
    // the label is drawn after (above) the points
    expect(svg.indexOf('class="target-label"')).toBeGreaterThan(svg.indexOf('class="points"'));
    expect(svg).toMatch(/>Target<\/text>/); // legend
  });

  it("places annotations as vertical markers with labels that do not overlap; skips out-of-range ones", () => {
    const groups = svg.match(/<g class="annotation">[\s\S]*?<\/g>/g) ?? [];
    expect(groups).toHaveLength(2);
    const rows = groups.map((g) => Number(/<text x="[\d.]+" y="([\d.]+)"/.exec(g)?.[1]));
    expect(new Set(rows).size).toBe(2);
    expect(svg).not.toContain("After the data");
  });

  it("labels a readable, thinned date axis", () => {
    const labels = texts(svg, "x-label");
    expect(labels.length).toBeGreaterThanOrEqual(8);
    expect(labels.length).toBeLessThanOrEqual(12);
    expect(labels[0]).toBe("Jan 23");
    expect(labels).toContain("Jan 24");
    const weekly = texts(
      renderChartSvg(steppedP(), { ...plainMeta, frequency: "weekly" }),
      "x-label",
    );
    expect(weekly[0]).toBe("1 Jan 24");
    expect(weekly.length).toBeLessThanOrEqual(12);
    const long = makeAnalysis({
      dates: weeks("2022-01-03", 156),
      points: Array.from({ length: 156 }, (_, i) => ({ value: i % 7 })),
    });
    const longLabels = texts(
      renderChartSvg(long, { ...plainMeta, frequency: "weekly" }),
      "x-label",
    );
    expect(longLabels.length).toBeGreaterThanOrEqual(6);
    expect(longLabels.length).toBeLessThanOrEqual(12);
  });

  it("has nice y ticks and the unit label", () => {
    const ticks = [
      ...svg.matchAll(
        /<text x="[\d.]+" y="[\d.]+" text-anchor="end" font-size="11" fill="#425563">([^<]*)</g,
      ),
    ].map((m) => m[1]);
    expect(ticks).toEqual(["4", "5", "6", "7", "8"]);
    expect(texts(svg, "y-unit")).toEqual(["days"]);
  });

  it("keeps every annotation when many share a date, and shrinks markers on dense series", () => {
    const dates = Array.from({ length: 365 }, (_, i) =>
      new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const dense = makeAnalysis({ dates, points: dates.map((_, i) => ({ value: i % 10 })) });
    const annotations = ["A", "B", "C", "D", "E"].map((label) => ({ date: "2024-03-01", label }));
    const out = renderChartSvg(dense, { ...plainMeta, frequency: "daily", annotations });
    const groups = out.match(/<g class="annotation">[\s\S]*?<\/g>/g) ?? [];
    expect(groups.map((g) => />([A-E])<\/text>/.exec(g)?.[1])).toEqual(["A", "B", "C", "D", "E"]);
    const rows = new Set(groups.map((g) => /<text x="[\d.]+" y="([\d.]+)"/.exec(g)?.[1]));
    expect(rows.size).toBe(4);
    const radii = new Set(elementsWithClass(out, "point").map((p) => p.r));
    expect([...radii]).toEqual(["1.58"]); // 45% of 3.5
    expect(texts(out, "x-label")[0]).toBe("1 Jan 24");
  });

  it("leaves a gap in the data line at a null value and labels trial limits", () => {
    const gap = renderChartSvg(trialWithGap(), plainMeta);
    const [values] = elementsWithClass(gap, "values");
    expect(subpaths(values?.d ?? "")).toBe(2);
    expect(elementsWithClass(gap, "point")).toHaveLength(8);
    expect(texts(gap, "trial-limits")).toEqual(["Trial limits"]);
    expect(texts(svg, "trial-limits")).toEqual([]);
  });

  it("draws no limits for a constant series (null limits)", () => {
    const flat = renderChartSvg(constantSeries(), plainMeta);
    assertWellFormed(flat);
    expect(elementsWithClass(flat, "limit")).toEqual([]);
    expect(flat).not.toContain("Process limits");
    expect(flat).not.toContain("NaN");
    expect(elementsWithClass(flat, "centre", "mean")).toHaveLength(1);
  });

  it("draws a median and no limits on a run chart", () => {
    const run = renderChartSvg(runChart(), plainMeta);
    expect(elementsWithClass(run, "centre", "median")).toHaveLength(1);
    expect(elementsWithClass(run, "limit")).toEqual([]);
    expect(run).toContain(">Median</text>");
    expect(run).not.toContain(">Mean</text>");
  });

  it("steps the limits point by point on a P chart", () => {
    const p = renderChartSvg(steppedP(), plainMeta);
    const [upper] = elementsWithClass(p, "limit", "upper");
    expect(subpaths(upper?.d ?? "")).toBe(1);
    const ys = new Set([...(upper?.d ?? "").matchAll(/[\d.]+ ([\d.]+)/g)].map((m) => m[1]));
    expect(ys.size).toBe(12); // 12 different denominators
    const [mean] = elementsWithClass(p, "centre");
    expect(new Set([...(mean?.d ?? "").matchAll(/[\d.]+ ([\d.]+)/g)].map((m) => m[1])).size).toBe(
      1,
    );
  });

  it("escapes text and survives an empty series", () => {
    const empty = renderChartSvg(makeAnalysis({ dates: [], points: [] }), {
      ...plainMeta,
      title: 'A&E <ED> "4h"',
    });
    assertWellFormed(empty);
    expect(empty).toContain("A&amp;E &lt;ED&gt; &quot;4h&quot;");
    expect(empty).toContain(">No data</text>");
    expect(empty).not.toContain("NaN");
  });

  it("is deterministic and rounds coordinates to 2 decimals", () => {
    expect(renderChartSvg(rebasedXmr(), losMeta)).toBe(svg);
    expect(svg).not.toMatch(/\d\.\d{3,}/);
    expect(svg).not.toContain("NaN");
    expect(svg).not.toContain("Infinity");
  });
});

describe("helpers", () => {
  it("formats axis dates", () => {
    expect(formatDateLabel("2024-01-01", "monthly")).toBe("Jan 24");
    expect(formatDateLabel("2009-10-01", "quarterly")).toBe("Oct 09");
    expect(formatDateLabel("2024-03-04", "weekly")).toBe("4 Mar 24");
    expect(formatDateLabel("not a date", "daily")).toBe("not a date");
    expect(months("2023-11", 3)).toEqual(["2023-11-01", "2023-12-01", "2024-01-01"]);
  });

  it("finds nice ticks", () => {
    expect(niceTicks(4.1, 7.9)).toEqual([4, 5, 6, 7, 8]);
    expect(niceTicks(0.81, 0.97)).toEqual([0.8, 0.85, 0.9, 0.95, 1]);
    expect(niceTicks(12, 1234)).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(niceTicks(3, 3)).toEqual([2.6, 2.8, 3, 3.2, 3.4]);
  });

  it("formats numbers en-GB style", () => {
    expect(formatNumber(1234567.891)).toBe("1,234,567.89");
    expect(formatNumber(5.5, 1)).toBe("5.5");
    expect(formatNumber(5, 2)).toBe("5.00");
    expect(formatNumber(-0.001, 1)).toBe("0.0");
    expect(formatNumber(-1200)).toBe("-1,200");
    expect(formatNumber(0.95, 1)).toBe("1.0");
    expect(formatNumber(2.675, 2)).toBe("2.68");
    expect(formatNumber(0.125)).toBe("0.13");
  });
});

describe("target label placement", () => {
  const labelAnchor = (svg: string) =>
    /<text class="target-label"[^>]*text-anchor="(start|end)"/.exec(svg)?.[1] ??
    /<text[^>]*text-anchor="(start|end)"[^>]*class="target-label"/.exec(svg)?.[1];
  const series = (values: number[]) =>
    makeAnalysis({
      dates: months("2024-01-01", values.length),
      points: values.map((value) => ({ value, centre: 10, lower: 2, upper: 18 })),
      target: 6,
    });
  const meta: ChartMeta = { ...plainMeta, target: 6, improvement: "decrease" };

  it("sits at the right end when the latest points are clear of it", () => {
    const svg = renderChartSvg(series([6, 6.2, 5.9, 6.1, 12, 13, 12, 14, 13, 12, 13, 14]), meta);
    expect(labelAnchor(svg)).toBe("end");
  });

  it("moves to the left end rather than hide the latest points", () => {
    const svg = renderChartSvg(series([12, 13, 12, 14, 13, 12, 13, 14, 6, 6.2, 5.9, 6.1]), meta);
    expect(labelAnchor(svg)).toBe("start");
  });
});
