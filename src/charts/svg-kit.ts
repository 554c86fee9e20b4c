// Small, pure helpers shared by the chart and icon builders: XML escaping, element strings with
// attributes in a fixed order, coordinate rounding, the Making Data Count / NHS palette, the
// shipped font's family name and an estimate of text width from its (Arial-compatible) metrics.

/** Font family written into every SVG; Liberation Sans ships in assets/fonts (metric-compatible with Arial). */
export const FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif";
export const FONT_NAME = "Liberation Sans";

/**
 * Colours. The MDC fills are kept because boards recognise them; MDC blue, orange and grey fail
 * WCAG 1.4.11 (3:1) on white, so every coloured mark also gets a darker outline that passes and a
 * distinct shape or letter.
 */
export const PALETTE = {
  grey: "#A6A6A6", // MDC common cause, 2.43:1
  greyDark: "#595959", // 7.0:1
  blue: "#41B6E6", // MDC improvement, 2.32:1
  blueDark: "#005EB8", // NHS Blue, 6.38:1
  orange: "#ED8B00", // MDC concern, 2.53:1
  orangeDark: "#B35900", // 4.83:1
  purple: "#7030A0", // MDC neutral, 8.02:1
  purpleDark: "#330072", // NHS Purple, 15.18:1
  text: "#231F20", // NHS Black
  textMuted: "#425563", // NHS Dark Grey, 7.75:1
  axis: "#768692", // NHS Mid Grey, 3.75:1
  grid: "#E8EDEE", // NHS Pale Grey
  target: "#DA291C", // Emergency Services Red, 4.87:1
  white: "#FFFFFF",
} as const;

/** Escapes text for XML content and attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Rounds a coordinate to 2 decimals and prints it without a trailing ".00" or "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || rounded === 0 ? "0" : String(rounded);
}

export type Attrs = Record<string, string | number | undefined>;

/** One element as a string; attributes keep their insertion order, numbers are rounded. */
export function el(tag: string, attrs: Attrs, children?: string | string[]): string {
  const parts = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === "number" ? num(value) : esc(value)}"`)
    .join("");
  if (children === undefined) return `<${tag}${parts}/>`;
  const inner = Array.isArray(children) ? children.join("\n") : children;
  return `<${tag}${parts}>${inner}</${tag}>`;
}

/** A text element whose content is escaped. */
export function text(content: string, attrs: Attrs): string {
  return el("text", attrs, esc(content));
}

// Advance widths (per 1000 em) of Liberation Sans / Arial for ASCII 32..126.
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Estimated rendered width of `content` at `size` user units (bold is about 7% wider). */
export function textWidth(content: string, size: number, bold = false): number {
  let total = 0;
  for (const ch of content) {
    const code = ch.codePointAt(0) ?? 0;
    total += code >= 32 && code <= 126 ? (WIDTHS[code - 32] ?? 556) : 600;
  }
  return (total / 1000) * size * (bold ? 1.07 : 1);
}

/** Shortens `content` with an ellipsis so it fits in `width` at `size`. */
export function fitText(content: string, width: number, size: number, bold = false): string {
  if (textWidth(content, size, bold) <= width) return content;
  // The longest prefix that fits with its ellipsis (binary search: long labels stay fast).
  let lo = 1;
  let hi = content.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(`${content.slice(0, mid)}…`, size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${content.slice(0, lo).trimEnd()}…`;
}

/** Path data for a polyline through (xs[i], ys[i]). */
export function polyline(xs: readonly number[], ys: readonly number[]): string {
  return xs.map((x, i) => `${i === 0 ? "M" : "L"}${num(x)} ${num(ys[i] ?? 0)}`).join(" ");
}
