// Anhøj runs analysis for one segment, as qicharts2 0.8.1 (RULES.md B2): points on the centre
// line and missing points are dropped; signal when the longest run > round(log2 n) + 3 or the
// number of crossings < qbinom(0.05, n - 1, 0.5), the binomial quantile computed exactly.
import type { RunsStatistics } from "../types.js";
import { roundHalfEven } from "./stats.js";

/** Exact up to this many trials (BigInt binomial sums); above it, a log-space sum of the pmf. */
const EXACT_LIMIT = 5000;

/**
 * qbinom(0.05, size, 0.5): the smallest k with P(X <= k) >= 0.05 for X ~ Binomial(size, 1/2).
 * Exact for size <= 5000: compares 20 · Σ C(size, j) with 2^size in integers.
 */
const cache = new Map<number, number>();

export function crossingsMin(size: number): number {
  if (size <= 0) return 0;
  let k = cache.get(size);
  if (k === undefined) {
    k = computeCrossingsMin(size);
    cache.set(size, k);
  }
  return k;
}

function computeCrossingsMin(size: number): number {
  if (size <= EXACT_LIMIT) {
    const total = 1n << BigInt(size);
    let c = 1n; // C(size, 0)
    let cum = 0n;
    for (let k = 0; k <= size; k++) {
      cum += c;
      if (20n * cum >= total) return k;
      c = (c * BigInt(size - k)) / BigInt(k + 1);
    }
    return size;
  }
  // log pmf(0) = -size·ln 2, then pmf(k+1) = pmf(k) · (size-k)/(k+1); the rounding error stays
  // far below the gap between 0.05 and the nearest attainable CDF value.
  let logP = -size * Math.LN2;
  let cum = 0;
  for (let k = 0; k <= size; k++) {
    cum += Math.exp(logP);
    if (cum >= 0.05) return k;
    logP += Math.log((size - k) / (k + 1));
  }
  return size;
}

export function longestRunMax(useful: number): number {
  return roundHalfEven(Math.log2(useful)) + 3;
}

/** Runs statistics of values around a centre line (per point; null = missing). */
export function runsAnalysis(
  y: readonly (number | null)[],
  centre: readonly (number | null)[],
): RunsStatistics {
  let useful = 0;
  let runs = 0;
  let longest = 0;
  let current = 0;
  let last = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    const c = centre[i]!;
    if (v === null || c === null || Number.isNaN(v) || Number.isNaN(c) || v === c) continue;
    const s = v > c ? 1 : -1;
    useful++;
    if (s === last) current++;
    else {
      runs++;
      current = 1;
      last = s;
    }
    if (current > longest) longest = current;
  }
  if (useful === 0) {
    return {
      useful: 0,
      longest_run: null,
      longest_run_max: null,
      crossings: null,
      crossings_min: null,
      signal: false,
    };
  }
  const longestMax = longestRunMax(useful);
  const crossings = runs - 1;
  const crossMin = crossingsMin(useful - 1);
  return {
    useful,
    longest_run: longest,
    longest_run_max: longestMax,
    crossings,
    crossings_min: crossMin,
    signal: longest > longestMax || crossings < crossMin,
  };
}
