import { describe, expect, it } from "vitest";
import { buildViewModel, chartAltText } from "../../src/model/view-model.js";
import { formatDay } from "../../src/common/calendar.js";
import { formatNumber, formatWithUnit } from "../../src/model/format.js";
import { sampleAnalyses, samplePack } from "../fixtures/render/sample-pack.js";

describe("buildViewModel", () => {
  const vm = buildViewModel(samplePack, sampleAnalyses, { assetsDir: "paper_files" });

  it("matches the view-model fixture the Markdown golden is rendered from", async () => {
    await expect(JSON.stringify(vm, null, 2) + "\n").toMatchFileSnapshot(
      "../fixtures/render/view-model.json",
    );
  });

  it("formats the cover sheet for display", () => {
    expect(vm.paper).toMatchObject({
      date: "3 December 2026",
      purpose: "Assurance and discussion",
      assurance_level: "Reasonable",
      executive_lead: "Dr Priya Shah, Chief Nurse",
      previously_considered_by: [
        { committee: "Quality Committee", date: "20 November 2026", outcome: "Supported" },
      ],
    });
  });

  it("writes people, dates and enums as words", () => {
    const s = vm.spotlights[0]!;
    expect(s.project_lead).toBe("Sam Okafor, Ward Manager, Ward 7");
    expect(s.status).toBe("On track");
    expect(s.methodology).toBe("Model for Improvement");
    expect(s.involvement.patients.level).toBe("Co-designed");
    expect(s.report_period.text).toBe("1 January 2024 to 31 August 2025");
    expect(s.pdsa[0]!.decision).toBe("Adapt");
    expect(s.waste[0]!.estimate).toBe("40 hours per month");
    expect(s.aim).toMatchObject({
      baseline: "8.4 falls per 1,000 bed days",
      target: "5.5 falls per 1,000 bed days",
      by: "31 March 2026",
    });
  });

  it("shows a patient story only when consent is recorded", () => {
    expect(vm.spotlights[0]!.patient_story).not.toBeNull();
    expect(vm.spotlights[1]!.patient_story).toBeNull();
  });

  it("summarises each measure's analysis with icons, chart files and alt text", () => {
    const m = vm.spotlights[0]!.measures[0]!;
    expect(m.latest).toEqual({ value: "4.2 falls per 1,000 bed days", date: "August 2025" });
    expect([m.centre, m.lower, m.upper]).toEqual(["4.9", "3.1", "6.7"]);
    expect(m.variation).toEqual({
      kind: "variation",
      value: "improvement_low",
      label: "Special cause improvement (low)",
      file: "paper_files/variation-improvement_low.svg",
      png_file: "paper_files/variation-improvement_low.png",
    });
    expect(m.chart).toEqual({
      svg_file: "paper_files/falls-ward7-falls-rate.svg",
      png_file: "paper_files/falls-ward7-falls-rate.png",
      alt: "XmR chart of falls per 1,000 bed days, January 2024 to August 2025; latest 4.2 falls per 1,000 bed days; special cause improvement (low); target 5.5 falls per 1,000 bed days consistently passed.",
    });
    const pct = vm.spotlights[0]!.measures[1]!;
    expect(pct.latest?.value).toBe("93%");
    expect(pct.trial_limits).toBe(true);
    expect(pct.chart?.alt).toContain("trial limits");
    const none = vm.spotlights[1]!.measures[1]!;
    expect(none.chart).toBeNull();
    expect(none.variation).toBeNull();
    expect(none.latest).toBeNull();
  });

  it("has a summary row for every measure of every spotlight", () => {
    expect(vm.summary_rows.map((r) => `${r.spotlight_id}/${r.measure_id}`)).toEqual([
      "falls-ward7/falls-rate",
      "falls-ward7/risk-assessed",
      "ed-wait/wait",
      "ed-wait/boarding",
    ]);
    expect(vm.icons.map((i) => i.file)).toEqual([
      "paper_files/variation-improvement_low.svg",
      "paper_files/assurance-pass.svg",
      "paper_files/variation-improvement_high.svg",
      "paper_files/assurance-inconsistent.svg",
      "paper_files/variation-common_cause.svg",
    ]);
  });

  it("is plain data: JSON round-trips it unchanged", () => {
    expect(JSON.parse(JSON.stringify(vm))).toEqual(vm);
  });

  it("gives unique chart file names when spotlight and measure ids collide", () => {
    const first = samplePack.spotlights[0]!;
    const twin = { ...first, spotlight: structuredClone(first.spotlight) };
    twin.spotlight.id = "falls";
    twin.spotlight.measures[0]!.id = "ward7-falls-rate";
    twin.spotlight.aim.measure = "ward7-falls-rate";
    const analyses = new Map(sampleAnalyses);
    analyses.set(
      "falls",
      new Map([["ward7-falls-rate", sampleAnalyses.get("falls-ward7")!.get("falls-rate")!]]),
    );
    const v = buildViewModel(
      { ...samplePack, spotlights: [samplePack.spotlights[0]!, twin] },
      analyses,
      {
        assetsDir: "out_files",
      },
    );
    expect(v.spotlights[1]!.measures[0]!.chart?.svg_file).toBe(
      "out_files/falls-ward7-falls-rate-2.svg",
    );
  });
});

describe("formatting", () => {
  it("formats dates en-GB without the clock or time zone", () => {
    expect(formatDay("2026-12-03")).toBe("3 December 2026");
    expect(formatDay("not a date")).toBe("not a date");
  });
  it("formats numbers with thousands separators and units", () => {
    expect(formatNumber(1234567.891, 2)).toBe("1,234,567.89");
    expect(formatNumber(-0.04, 1)).toBe("0.0");
    expect(formatWithUnit(1200, "gbp", 0)).toBe("£1,200");
    expect(formatWithUnit(42, "percent", 1)).toBe("42.0%");
    expect(formatWithUnit(12, "count", 0)).toBe("12");
    expect(formatWithUnit(38, "minutes", 0)).toBe("38 minutes");
  });
  it("writes alt text without a target", () => {
    const a = sampleAnalyses.get("ed-wait")!.get("wait")!;
    expect(chartAltText({ name: "Waits", frequency: "monthly" }, a, "150 minutes", null)).toBe(
      "Run chart of waits, January 2025 to August 2025; latest 150 minutes; common cause variation; no target.",
    );
  });
});
