// Small numeric helpers shared by the SPC charts: R-compatible mean and median, R's
// half-to-even rounding, and the sign function. Missing values are `null` and are skipped.

/** Mean of the non-missing values as R computes it (sum / n, then one correction pass); NaN when none. */
export function mean(values: readonly (number | null)[]): number {
  let sum = 0;
  let n = 0;
  let first: number | null = null;
  let constant = true;
  for (const v of values) {
    if (v === null) continue;
    if (first === null) first = v;
    else if (v !== first) constant = false;
    sum += v;
    n++;
  }
  if (n === 0) return NaN;
  // A constant series has exactly its value as the mean (R's long double pass gives the same).
  if (constant && first !== null) return first;
  let m = sum / n;
  if (Number.isFinite(m)) {
    let t = 0;
    for (const v of values) if (v !== null) t += v - m;
    m += t / n;
  }
  return m;
}

/** Median of the non-missing values (mean of the two middle values for an even count); NaN when none. */
export function median(values: readonly (number | null)[]): number {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return NaN;
  const half = Math.floor(n / 2);
  return n % 2 === 1 ? xs[half]! : (xs[half - 1]! + xs[half]!) / 2;
}

/** R's round(x): halves go to the even neighbour (IEC 60559), unlike Math.round. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function sign(x: number): -1 | 0 | 1 {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** A finite number, or null (R's NA/NaN/Inf limits become null in the output). */
export function finiteOrNull(x: number | null | undefined): number | null {
  return x !== null && x !== undefined && Number.isFinite(x) ? x : null;
}
