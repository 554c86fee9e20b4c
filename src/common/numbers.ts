// en-GB numbers with comma thousands separators, the one formatter behind the narrative, the
// view model and the chart labels. Locale-free, so output never depends on the machine's ICU.

/**
 * `x` with at most `max` and at least `min` decimals (trailing zeros trimmed down to `min`) and
 * thousands separators: (1234567.891, 2) → `1,234,567.89`. Negative zero prints as `0`;
 * non-finite numbers print as an en dash.
 */
export function formatFixed(x: number, max: number, min = 0): string {
  if (!Number.isFinite(x)) return "–";
  let text = Math.abs(x).toFixed(max);
  if (text.includes("e")) return String(x);
  let [int, frac = ""] = text.split(".") as [string, string?];
  while (frac.length > min && frac.endsWith("0")) frac = frac.slice(0, -1);
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  text = frac ? `${int}.${frac}` : int;
  return x < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}
