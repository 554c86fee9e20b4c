// XmR (individuals) centre and process limits for one segment, as NHSRplotthedots 0.2.2
// (RULES.md A2): mean of the first `fix` values, mean moving range of those values (gaps not
// bridged), optional one-pass screening of moving ranges >= 3.267 x mean, limits mean ± 2.66 x MR.
// When the mean moving range is 0 or cannot be computed, the limits are null (RULES D).
import { mean } from "./stats.js";

export const XMR_LIMIT = 2.66;
export const XMR_NEAR = (2 * 2.66) / 3;
export const MR_SCREEN = 3.267;

export interface XmrLimits {
  centre: number | null;
  lower: number | null;
  upper: number | null;
  nearLower: number | null;
  nearUpper: number | null;
  /** Mean moving range used for the limits (NaN when none). */
  amr: number;
}

export function xmrLimits(
  y: readonly (number | null)[],
  opts: { fix: number | null; screen: boolean },
): XmrLimits {
  const fixY = opts.fix === null ? y : y.slice(0, opts.fix);
  const centre = mean(fixY);
  const mrs: number[] = [];
  for (let i = 1; i < fixY.length; i++) {
    const a = fixY[i - 1]!;
    const b = fixY[i]!;
    if (a !== null && b !== null) mrs.push(Math.abs(b - a));
  }
  let amr = mean(mrs);
  if (opts.screen) {
    const cut = MR_SCREEN * amr;
    amr = mean(mrs.filter((m) => m < cut));
  }
  if (!Number.isFinite(centre)) {
    return { centre: null, lower: null, upper: null, nearLower: null, nearUpper: null, amr };
  }
  if (!(amr > 0) || !Number.isFinite(amr)) {
    return { centre, lower: null, upper: null, nearLower: null, nearUpper: null, amr };
  }
  return {
    centre,
    lower: centre - XMR_LIMIT * amr,
    upper: centre + XMR_LIMIT * amr,
    nearLower: centre - XMR_NEAR * amr,
    nearUpper: centre + XMR_NEAR * amr,
    amr,
  };
}
