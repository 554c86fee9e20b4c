// The template helpers: Markdown escaping (`md`, `prose`), en-GB dates, numbers, percentages,
// plurals, word counts, icons, charts, lists and comparisons. Every helper that outputs a value
// escapes it for Markdown, so a template never places raw text.
import { formatDay, formatMonth } from "../common/calendar.js";
import { countWords, formatNumber, formatPercent, plural } from "../model/format.js";
import { escapeInline, escapeProse, linkDestination } from "./escape.js";

/** Handlebars passes this as the last argument to every helper. */
interface HelperOptions {
  loc?: { start: { line: number; column: number } };
  hash?: Record<string, unknown>;
}

/** A helper got `undefined`: the template names a value the view model does not have. */
export class MissingValueError extends Error {
  constructor(
    readonly helper: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(`the ${helper} helper was given a value that is not in the view model`);
    this.name = "MissingValueError";
  }
}

type Helper = (...args: unknown[]) => unknown;

/** Splits helper arguments from Handlebars' trailing options object; rejects undefined values. */
function args(name: string, raw: unknown[]): { values: unknown[]; options: HelperOptions } {
  const options = (raw[raw.length - 1] ?? {}) as HelperOptions;
  const values = raw.slice(0, -1);
  if (values.some((v) => v === undefined)) {
    const at = options.loc?.start;
    throw new MissingValueError(name, at?.line, at === undefined ? undefined : at.column + 1);
  }
  return { values, options };
}

const text = (v: unknown): string =>
  v === null || v === undefined
    ? ""
    : Array.isArray(v)
      ? v.map(text).join(", ")
      : typeof v === "string"
        ? v
        : String(v);

const num = (v: unknown): number => (typeof v === "number" ? v : Number(v));

interface IconLike {
  label: string;
  file: string;
}

interface ChartLike {
  svg_file: string;
  alt: string;
}

/** An image with escaped alt text: `![alt](path)`, or `![alt](path "icon")` for an icon. */
function image(alt: string, path: string, title?: string): string {
  return `![${escapeInline(alt)}](${linkDestination(path)}${title ? ` "${title}"` : ""})`;
}

/** Helpers that write a value into the document; each escapes what it writes. */
export const valueHelpers: Record<string, Helper> = {
  /** `{{md x}}`: any value as literal text on one line (lists joined with ", "). */
  md: (...raw) => escapeInline(text(args("md", raw).values[0])),
  /** `{{prose x}}`: a narrative field's Markdown, with raw HTML and headings escaped. */
  prose: (...raw) => escapeProse(text(args("prose", raw).values[0])),
  /** `{{date "2026-12-03"}}` → 3 December 2026. */
  date: (...raw) => escapeInline(formatDay(text(args("date", raw).values[0]))),
  /** `{{month "2026-12-03"}}` → December 2026. */
  month: (...raw) => escapeInline(formatMonth(text(args("month", raw).values[0]))),
  /** `{{number x 1}}` → 1,234.5 (decimals default 0). */
  number: (...raw) => {
    const [x, d] = args("number", raw).values;
    return escapeInline(formatNumber(num(x), d === undefined ? 0 : num(d)));
  },
  /** `{{percent x 1}}` → 12.3% (x is already a percentage). */
  percent: (...raw) => {
    const [x, d] = args("percent", raw).values;
    return escapeInline(formatPercent(num(x), d === undefined ? 0 : num(d)));
  },
  /** `{{plural n "measure"}}` → "1 measure" / "3 measures"; an optional third argument is the plural form. */
  plural: (...raw) => {
    const [n, one, many] = args("plural", raw).values;
    const count = Array.isArray(n) ? n.length : num(n);
    const word = plural(count, text(one), many === undefined ? undefined : text(many));
    return escapeInline(`${formatNumber(count)} ${word}`);
  },
  /** `{{words problem}}` → the number of words in a text. */
  words: (...raw) => String(countWords(text(args("words", raw).values[0]))),
  /** `{{icon variation}}` → the icon image (titled "icon") and its text label; "–" when there is no icon. */
  icon: (...raw) => {
    const v = args("icon", raw).values[0] as IconLike | null;
    // The "icon" title tells the DOCX writer to draw it at text height.
    return v ? `${image(v.label, v.file, "icon")} ${escapeInline(v.label)}` : "–";
  },
  /** `{{chart chart}}` → the chart image with its alt text; nothing when there is no chart. */
  chart: (...raw) => {
    const c = args("chart", raw).values[0] as ChartLike | null;
    return c ? image(c.alt, c.svg_file) : "";
  },
  /** `{{image file alt}}` → an image with escaped alt text (empty alt for a decorative image). */
  /** `{{image file alt}}`; `{{image file "" "decorative"}}` marks an image with no alt text on purpose. */
  image: (...raw) => {
    const [file, alt, kind] = args("image", raw).values;
    return image(text(alt), text(file), kind === "decorative" ? "decorative" : undefined);
  },
  /** `{{join list}}` → "a, b, c"; `{{join list "; "}}` uses another separator. Each item is escaped. */
  join: (...raw) => {
    const [list, sep] = args("join", raw).values;
    const items = Array.isArray(list) ? list : [list];
    return items.map((i) => escapeInline(text(i))).join(sep === undefined ? ", " : text(sep));
  },
};

/** Helpers for conditions (`{{#if (eq a b)}}`); they return booleans, never document text. */
export const logicHelpers: Record<string, Helper> = {
  eq: (...raw) => {
    const [a, b] = args("eq", raw).values;
    return a === b;
  },
  ne: (...raw) => {
    const [a, b] = args("ne", raw).values;
    return a !== b;
  },
  not: (...raw) => !args("not", raw).values[0],
  and: (...raw) => args("and", raw).values.every(Boolean),
  or: (...raw) => args("or", raw).values.some(Boolean),
};

/** Names of every helper a template may call (ours and Handlebars' built-in block helpers). */
export const builtinHelpers = ["if", "unless", "each", "with", "lookup", "log"] as const;
export const helperNames: readonly string[] = [
  ...builtinHelpers,
  ...Object.keys(valueHelpers),
  ...Object.keys(logicHelpers),
];
