// Narrative goldens: the exact sentences for reference vectors and edge cases (en-GB dates,
// rebase reasons, trial limits, missing values, constant series, run-chart signals).
import { describe, expect, it } from "vitest";
import { analyseMeasure } from "../../src/analysis/analyse-measure.js";
import { variationLabel } from "../../src/charts/icons.js";
import { formatNumber, inferFrequency } from "../../src/analysis/narrative.js";
import { formatPeriodDate } from "../../src/common/calendar.js";
import { formatFixed } from "../../src/common/numbers.js";
import type { SpcChart } from "../../src/analysis/types.js";
import { analyseVector, defaultOptions, loadVectors } from "./vectors.js";

const vectors = loadVectors();

function narrate(id: string, chart: SpcChart = "xmr", decimals?: number): string {
  const v = vectors.find((x) => x.id === id)!;
  return analyseVector(v, chart, {
    ...(decimals !== undefined ? { decimals } : {}),
    rebaseReasons: { "2020-06-01": "new triage model." },
  }).narrative;
}

describe("narrative", () => {
  it.each([
    [
      "dev-shift-down-decrease",
      "xmr",
      undefined,
      "Special cause improvement: the last 13 months have all been below the average of 126.",
    ],
    [
      "dev-trend-down-7-decrease",
      "xmr",
      1,
      "Special cause improvement: each of the last six months has been lower than the month before, a falling trend that started in August 2021.",
    ],
    [
      "dev-two-of-three-high",
      "xmr",
      undefined,
      "Special cause improvement: two of the last three months have been close to the upper process limit of 21.6, more than two-thirds of the way from the average of 18.5.",
    ],
    [
      "dev-rebase-one",
      "xmr",
      0,
      "Common cause variation: the latest value of 123 (August 2021) is within the process limits of 105 to 135 and shows no sign of a change around the average of 120. The target of 135 lies above the upper process limit, so it will be met consistently if the process does not change. The limits were recalculated from June 2020 (new triage model).",
    ],
    [
      "dev-target-hit-and-miss",
      "xmr",
      1,
      "Common cause variation: the latest value of 88.3 (January 2023) is within the process limits of 75.5 to 97.4 and shows no sign of a change around the average of 86.5. The target of 85.0 lies within the process limits, so it will be met only some of the time.",
    ],
    [
      "dev-missing-value",
      "xmr",
      undefined,
      "Common cause variation: the latest value of 275 (February 2021) is within the process limits of 232 to 292 and shows no sign of a change around the average of 262. One value is missing (May 2020); missing values are left as gaps and are not counted in runs or trends.",
    ],
    [
      "dev-short-10-weekly",
      "xmr",
      0,
      "Common cause variation: the latest value of 1,303 (8 April 2024) is within the process limits of 1,200 to 1,634 and shows no sign of a change around the average of 1,417. These are trial limits: they rest on only ten weeks of data (fewer than 13), so they will change as more data arrive.",
    ],
    [
      "dev-fix-after-15",
      "xmr",
      1,
      "Special cause concern: the last 14 months have all been below the average of 63.6 set before the change in July 2019.",
    ],
    [
      "dev-shift-down-decrease",
      "run",
      undefined,
      "Non-random variation: the latest value of 125 (February 2022) is below the median of 125. The run chart shows a non-random pattern: a run of ten months on one side of the median (more than 8 is unusual) and the line crosses the median only 5 times (fewer than 8 is unusual).",
    ],
  ] as const)("%s (%s chart)", (id, chart, decimals, expected) => {
    expect(narrate(id, chart, decimals)).toBe(expected);
  });

  it("says the limits cannot be calculated for a constant series, and names missing months", () => {
    const months = Array.from(
      { length: 14 },
      (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
    );
    const a = analyseMeasure({
      id: "c",
      chart: "xmr",
      points: months.map((date, i) => ({ date, value: i === 4 || i === 6 ? null : 4 })),
      options: { ...defaultOptions, improvement: "decrease", target: 3 },
      meta: { name: "c", unit: "", frequency: "monthly" },
    });
    expect(a.assurance).toBe("inconsistent");
    expect(a.narrative).toBe(
      "Every value in the latest period is 4, so the process limits cannot be calculated because the values do not vary. Without process limits it cannot be said whether the target of 3 will be met. Two values are missing (May 2024 and July 2024); missing values are left as gaps and are not counted in runs or trends.",
    );
  });

  it("says when a single value cannot give limits", () => {
    const a = analyseMeasure({
      id: "one",
      chart: "xmr",
      points: [{ date: "2025-03-01", value: 12.5 }],
      options: { ...defaultOptions, improvement: "increase", target: null },
      meta: { name: "one", unit: "", frequency: "monthly" },
    });
    expect(a.narrative).toBe(
      "There is only one value (12.5) in the latest period, so the process limits cannot be calculated yet.",
    );
  });

  it("names special cause in a neutral measure with the variation icon's words", () => {
    const values = [...Array(15).fill(10), 10.5, 9.5, ...Array(8).fill(20)];
    const a = analyseMeasure({
      id: "neutral",
      chart: "xmr",
      points: values.map((value, i) => ({
        date: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
        value,
      })),
      options: { ...defaultOptions, improvement: "neutral", target: null },
      meta: { name: "neutral", unit: "", frequency: "monthly" },
    });
    expect(a.variation).toBe("neutral_high");
    expect(variationLabel(a.variation)).toMatch(
      /^Special cause variation, neither improvement nor concern/,
    );
    expect(a.narrative).toMatch(/^Special cause variation, neither improvement nor concern: /);
  });

  it("formats dates and numbers in en-GB", () => {
    expect(formatPeriodDate("2026-04-01", "monthly")).toBe("April 2026");
    expect(formatPeriodDate("2026-04-06", "weekly")).toBe("6 April 2026");
    expect(formatNumber(1234.5, { unit: "" })).toBe("1,235");
    expect(formatNumber(7.94, { unit: "%", decimals: 1 })).toBe("7.9%");
    expect(formatNumber(0.012345, { unit: "" })).toBe("0.01235");
    expect(formatFixed(1234567.891, 2)).toBe("1,234,567.89");
    expect(formatFixed(2.5, 2, 2)).toBe("2.50");
    expect(formatFixed(-0.0001, 2)).toBe("0");
    expect(formatFixed(-1234.5, 0)).toBe("-1,235");
    expect(inferFrequency(["2024-01-01", "2024-01-08", "2024-01-15"])).toBe("weekly");
    expect(inferFrequency(["2024-01-01", "2024-04-01", "2024-07-01"])).toBe("quarterly");
  });
});
