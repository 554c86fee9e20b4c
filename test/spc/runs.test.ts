// Anhøj runs: the exact binomial quantile, R's rounding of log2 n, and the run/crossing counts.
import { describe, expect, it } from "vitest";
import { crossingsMin, longestRunMax, runsAnalysis } from "../../src/analysis/spc/runs.js";
import { roundHalfEven } from "../../src/analysis/spc/stats.js";

/** qbinom(0.05, size, 0.5) by exact rational arithmetic, independently of the implementation. */
function qbinomExact(size: number): number {
  let c = 1n;
  let cum = 0n;
  const total = 2n ** BigInt(size);
  for (let k = 0; k <= size; k++) {
    cum += c;
    if (cum * 20n >= total) return k;
    c = (c * BigInt(size - k)) / BigInt(k + 1);
  }
  return size;
}

describe("crossings minimum = qbinom(0.05, n - 1, 0.5)", () => {
  it.each([
    [8, 1],
    [10, 2],
    [12, 3],
    [20, 6],
    [24, 8],
    [36, 13],
    [100, 41],
  ])("n.useful %i → %i (RULES B2 and Anhøj's table)", (n, expected) => {
    expect(crossingsMin(n - 1)).toBe(expected);
  });
  it("is 0 for one useful point (size 0)", () => expect(crossingsMin(0)).toBe(0));
  it("the log-space path above 5000 trials agrees with exact arithmetic", () => {
    for (const size of [5001, 5002, 6000, 7777]) expect(crossingsMin(size)).toBe(qbinomExact(size));
  });
  it("handles a million trials quickly", () => {
    const k = crossingsMin(1_000_000);
    // Normal approximation: 500000 - 1.645 * 500 ≈ 499178
    expect(Math.abs(k - 499178)).toBeLessThanOrEqual(2);
  });
});

describe("longest run maximum = round(log2 n) + 3 with R's rounding", () => {
  it.each([
    [8, 6],
    [12, 7],
    [20, 7],
    [24, 8],
    [36, 8],
    [11, 6],
    [45, 8],
    [46, 9],
  ])("n %i → %i", (n, expected) => expect(longestRunMax(n)).toBe(expected));
  it("rounds halves to even like R", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([
      0, 2, 2, -0, -2, -2, 2, 3,
    ]);
  });
});

describe("runsAnalysis", () => {
  it("drops points on the centre and missing points without breaking the run", () => {
    const y = [1, 1, 5, null, 1, 5, 5, 0];
    const r = runsAnalysis(
      y,
      y.map(() => 5),
    );
    // signs: - - (0) (NA) - (0) (0) -  → one run of 4
    expect(r).toEqual({
      useful: 4,
      longest_run: 4,
      longest_run_max: 5,
      crossings: 0,
      crossings_min: 0,
      signal: false,
    });
  });
  it("gives nulls and no signal when no point is useful", () => {
    expect(runsAnalysis([3, 3, null], [3, 3, 3])).toEqual({
      useful: 0,
      longest_run: null,
      longest_run_max: null,
      crossings: null,
      crossings_min: null,
      signal: false,
    });
  });
  it("signals a long run strictly above the maximum", () => {
    const y = [...Array(9).fill(2), 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0];
    const r = runsAnalysis(
      y,
      y.map(() => 1),
    );
    expect(r.longest_run).toBe(9);
    expect(r.longest_run_max).toBe(7);
    expect(r.signal).toBe(true);
  });
});
