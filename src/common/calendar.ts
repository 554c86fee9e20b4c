// Month names and en-GB dates, the one place every stage takes them from: display (view model,
// narrative, chart axes) and reading dates such as "Jan-24" or "January 2024" in data files.

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "January" for 1; undefined outside 1–12. */
export function monthName(month: number): string | undefined {
  return MONTH_NAMES[month - 1];
}

/** Lower-case full names, three-letter abbreviations and "sept" → month number 1–12. */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = Object.fromEntries([
  ...MONTH_NAMES.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
  ]),
  ["sept", 9],
]);

/** Year, month and day of `YYYY-MM-DD` (or `YYYY-MM`, day 1); undefined for anything else. */
export function dateParts(iso: string): { y: number; m: number; d: number } | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!match) return undefined;
  const m = Number(match[2]);
  if (m < 1 || m > 12) return undefined;
  return { y: Number(match[1]), m, d: match[3] ? Number(match[3]) : 1 };
}

/** `2026-12-03` → `3 December 2026`; anything that is not an ISO date is returned unchanged. */
export function formatDay(iso: string): string {
  const p = dateParts(iso);
  return p ? `${p.d} ${MONTH_NAMES[p.m - 1]} ${p.y}` : iso;
}

/** `2026-12-03` → `December 2026`. */
export function formatMonth(iso: string): string {
  const p = dateParts(iso);
  return p ? `${MONTH_NAMES[p.m - 1]} ${p.y}` : iso;
}

/** A date at the precision of the data: `December 2026` for monthly and quarterly data, else the day. */
export function formatPeriodDate(iso: string, frequency: string): string {
  return frequency === "monthly" || frequency === "quarterly" ? formatMonth(iso) : formatDay(iso);
}
