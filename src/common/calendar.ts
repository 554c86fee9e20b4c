// Month names in English, the one list every stage uses: display (view model, narrative,
// chart axes) and reading dates such as "Jan-24" or "January 2024" in data files.

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
