// Display formatting for the view model and the template helpers: numbers with a fixed number
// of decimals, values with their unit, and word counts (dates are in common/calendar.ts). Pure and locale-free, so the
// output never depends on the machine's ICU data or time zone.

import { formatFixed } from "../common/numbers.js";

/**
 * A number with `decimals` places and comma thousands separators: 1234.5 → `1,234.5`.
 * Negative zero prints as `0`; non-finite numbers print as an en dash.
 */
export function formatNumber(value: number, decimals = 0): string {
  return formatFixed(value, decimals, decimals);
}

/** A percentage: 12.345 with 1 decimal → `12.3%`. */
export function formatPercent(value: number, decimals = 0): string {
  return `${formatNumber(value, decimals)}%`;
}

const percentUnits = new Set(["percent", "percentage", "%", "per cent"]);
const countUnits = new Set(["count", "number", "n", "", "score"]);
const poundUnits = new Set(["gbp", "£", "pounds"]);

/**
 * A value with its unit as a board member reads it: `42.0%`, `£1,200`, `12`,
 * `4.2 falls per 1,000 bed days`, `38 minutes`.
 */
export function formatWithUnit(value: number, unit: string, decimals: number): string {
  const u = unit.trim();
  const key = u.toLowerCase();
  const n = formatNumber(value, decimals);
  if (percentUnits.has(key)) return `${n}%`;
  if (poundUnits.has(key)) return value < 0 ? `-£${n.slice(1)}` : `£${n}`;
  if (countUnits.has(key)) return n;
  if (key === "rate_per_1000") return `${n} per 1,000`;
  return `${n} ${u.replace(/_/g, " ")}`;
}

/** Number of words (runs of letters, digits and joining punctuation) in a text. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019.,\-/]*/gu);
  return matches ? matches.length : 0;
}

/** `one`/`many` by count: plural(1, "point") → `point`, plural(2, "point") → `points`. */
export function plural(count: number, singular: string, pluralForm?: string): string {
  return count === 1 ? singular : (pluralForm ?? `${singular}s`);
}

/** Joins words in English: [a] → a; [a, b] → a and b; [a, b, c] → a, b and c. */
export function joinWords(list: readonly string[], last = "and"): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} ${last} ${list[list.length - 1]}`;
}

/** `on_track` → `On track`. */
export function humanise(value: string): string {
  const spaced = value.replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
