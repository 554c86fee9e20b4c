// Centre lines and 3-sigma limits of the qicharts2 0.8.1 charts for one segment (RULES.md B3):
// run (median), P (Σ numerators / Σ denominators, binomial limits clipped to [0, 1]),
// U (Σ counts / Σ exposure, lcl >= 0) and C (mean count, lcl >= 0). Limits vary per point
// with the denominator; the near lines are the 2-sigma lines. Only the first `fix` points
// (qicharts2 `freeze`) set the centre. Values here are unscaled (multiplier applied later).
import { finiteOrNull, mean, median } from "./stats.js";

export interface PointLines {
  centre: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  nearLower: (number | null)[];
  nearUpper: (number | null)[];
}

function constantLines(n: number, centre: number | null): PointLines {
  const c = finiteOrNull(centre);
  const none = new Array<number | null>(n).fill(null);
  return {
    centre: new Array<number | null>(n).fill(c),
    lower: none,
    upper: none.slice(),
    nearLower: none.slice(),
    nearUpper: none.slice(),
  };
}

/** Run chart: median of the baseline values, no limits. */
export function runLines(y: readonly (number | null)[], fix: number | null): PointLines {
  const base = fix === null ? y : y.slice(0, fix);
  return constantLines(y.length, median(base));
}

type Clip = { lowerZero: boolean; upperOne: boolean };

function sigmaLines(centre: number, sigmas: readonly (number | null)[], clip: Clip): PointLines {
  const out = constantLines(sigmas.length, centre);
  if (out.centre[0] === null) return out;
  const lo = (x: number) => (clip.lowerZero && x < 0 ? 0 : x);
  const hi = (x: number) => (clip.upperOne && x > 1 ? 1 : x);
  for (let i = 0; i < sigmas.length; i++) {
    const s = sigmas[i]!;
    if (s === null || !Number.isFinite(s)) continue;
    out.lower[i] = finiteOrNull(lo(centre - 3 * s));
    out.upper[i] = finiteOrNull(hi(centre + 3 * s));
    out.nearLower[i] = finiteOrNull(lo(centre - 2 * s));
    out.nearUpper[i] = finiteOrNull(hi(centre + 2 * s));
  }
  return out;
}

/** Σ numerators / Σ denominators over the baseline rows where both are present. */
function weightedCentre(
  num: readonly (number | null)[],
  den: readonly (number | null)[],
  fix: number | null,
): number {
  const end = fix === null ? num.length : Math.min(fix, num.length);
  let s = 0;
  let d = 0;
  for (let i = 0; i < end; i++) {
    const a = num[i]!;
    const b = den[i]!;
    if (a === null || b === null) continue;
    s += a;
    d += b;
  }
  return s / d;
}

export function pLines(
  num: readonly (number | null)[],
  den: readonly (number | null)[],
  fix: number | null,
): PointLines {
  const cl = weightedCentre(num, den, fix);
  const sig = den.map((n) => (n === null ? null : Math.sqrt((cl * (1 - cl)) / n)));
  return sigmaLines(cl, sig, { lowerZero: true, upperOne: true });
}

export function uLines(
  num: readonly (number | null)[],
  den: readonly (number | null)[],
  fix: number | null,
): PointLines {
  const cl = weightedCentre(num, den, fix);
  const sig = den.map((n) => (n === null ? null : Math.sqrt(cl / n)));
  return sigmaLines(cl, sig, { lowerZero: true, upperOne: false });
}

export function cLines(y: readonly (number | null)[], fix: number | null): PointLines {
  const cl = mean(fix === null ? y : y.slice(0, fix));
  const s = Math.sqrt(cl);
  return sigmaLines(
    cl,
    y.map(() => s),
    { lowerZero: true, upperOne: false },
  );
}
