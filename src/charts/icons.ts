// Our own SVG drawings of the Making Data Count summary icons (seven variation, three assurance),
// their plain-English labels and stable file names. Each icon is a ringed circle with a small
// chart glyph and a letter (H/L, P/F/?), so the meaning never rests on colour alone.
import type { Assurance, Variation } from "../analysis/types.js";
import { FONT_FAMILY, PALETTE, el, esc, polyline, text } from "./svg-kit.js";

export type AssuranceValue = Exclude<Assurance, null>;

export const VARIATIONS: readonly Variation[] = [
  "common_cause",
  "improvement_high",
  "improvement_low",
  "concern_high",
  "concern_low",
  "neutral_high",
  "neutral_low",
];
export const ASSURANCES: readonly AssuranceValue[] = ["pass", "fail", "inconsistent"];

const VARIATION_LABELS: Record<Variation, string> = {
  common_cause: "Common cause variation",
  improvement_high: "Special cause improvement (high)",
  improvement_low: "Special cause improvement (low)",
  concern_high: "Special cause concern (high)",
  concern_low: "Special cause concern (low)",
  neutral_high: "Special cause variation, neither improvement nor concern (high)",
  neutral_low: "Special cause variation, neither improvement nor concern (low)",
};

const ASSURANCE_LABELS: Record<AssuranceValue, string> = {
  pass: "Consistently passing the target",
  fail: "Consistently failing the target",
  inconsistent: "Inconsistent: the target will be met only some of the time",
};

export function variationLabel(v: Variation): string {
  return VARIATION_LABELS[v];
}

export function assuranceLabel(a: AssuranceValue): string {
  return ASSURANCE_LABELS[a];
}

/** Stable file name for an icon, e.g. `variation-improvement_high.svg`. */
export function iconFileName(kind: "variation", value: Variation): string;
export function iconFileName(kind: "assurance", value: AssuranceValue): string;
export function iconFileName(kind: "variation" | "assurance", value: string): string {
  return `${kind}-${value}.svg`;
}

interface Tone {
  ring: string;
  mark: string;
  outline: string;
  letter: string;
}

const TONES = {
  grey: {
    ring: PALETTE.grey,
    mark: PALETTE.grey,
    outline: PALETTE.greyDark,
    letter: PALETTE.greyDark,
  },
  blue: {
    ring: PALETTE.blue,
    mark: PALETTE.blue,
    outline: PALETTE.blueDark,
    letter: PALETTE.blueDark,
  },
  orange: {
    ring: PALETTE.orange,
    mark: PALETTE.orange,
    outline: PALETTE.orangeDark,
    letter: PALETTE.orangeDark,
  },
  purple: {
    ring: PALETTE.purple,
    mark: PALETTE.purple,
    outline: PALETTE.purpleDark,
    letter: PALETTE.purpleDark,
  },
} satisfies Record<string, Tone>;

const SIZE = 64;
const GLYPH_X = [13, 19.5, 26, 32.5, 39, 45.5, 52];

function iconSvg(label: string, tone: Tone, body: string[]): string {
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${SIZE} ${SIZE}`,
      width: SIZE,
      height: SIZE,
      role: "img",
      "aria-label": label,
      "font-family": FONT_FAMILY,
    },
    [
      el("title", {}, esc(label)),
      el("circle", {
        cx: 32,
        cy: 32,
        r: 29,
        fill: PALETTE.white,
        stroke: tone.ring,
        "stroke-width": 4,
      }),
      ...body,
    ],
  );
}

/** A small run of points: grey for the first ones, coloured (special cause) from `from` on. */
function glyph(xs: number[], ys: number[], tone: Tone, from: number): string[] {
  const line = polyline(xs, ys);
  const dots = xs.map((x, i) => {
    const special = i >= from;
    return el("circle", {
      cx: x,
      cy: ys[i] ?? 0,
      r: special ? 3.2 : 2.6,
      fill: special ? tone.mark : PALETTE.grey,
      stroke: special ? tone.outline : PALETTE.greyDark,
      "stroke-width": 1,
    });
  });
  return [
    el("path", {
      d: line,
      fill: "none",
      stroke: PALETTE.grey,
      "stroke-width": 2,
      "stroke-linejoin": "round",
    }),
    ...dots,
  ];
}

function letter(content: string, x: number, y: number, size: number, fill: string): string {
  return text(content, {
    x,
    y,
    "text-anchor": "middle",
    "font-size": size,
    "font-weight": "bold",
    fill,
  });
}

export function variationIconSvg(v: Variation): string {
  const label = variationLabel(v);
  if (v === "common_cause") {
    return iconSvg(label, TONES.grey, glyph(GLYPH_X, [33, 27, 37, 29, 36, 28, 32], TONES.grey, 99));
  }
  const [kind, side] = v.split("_") as ["improvement" | "concern" | "neutral", "high" | "low"];
  const tone =
    kind === "improvement" ? TONES.blue : kind === "concern" ? TONES.orange : TONES.purple;
  const high = side === "high";
  const ys = high ? [39, 35, 40, 36, 30, 25, 20] : [25, 29, 24, 28, 34, 39, 44];
  return iconSvg(label, tone, [
    ...glyph(GLYPH_X, ys, tone, 4),
    letter(high ? "H" : "L", 22, high ? 27 : 51, 17, tone.letter),
  ]);
}

export function assuranceIconSvg(a: AssuranceValue): string {
  const tone = a === "pass" ? TONES.blue : a === "fail" ? TONES.orange : TONES.grey;
  const xs = [16, 24, 32, 40, 48];
  const ys =
    a === "pass"
      ? [38, 35, 39, 36, 38]
      : a === "fail"
        ? [48, 51, 47, 50, 48]
        : [37, 50, 38, 51, 39];
  const target = el("path", {
    d: "M13 44 L51 44",
    stroke: PALETTE.textMuted,
    "stroke-width": 1.5,
    "stroke-dasharray": "3 2",
  });
  const line = el("path", {
    d: polyline(xs, ys),
    fill: "none",
    stroke: tone.outline,
    "stroke-width": 2,
    "stroke-linejoin": "round",
  });
  const mark = a === "pass" ? "P" : a === "fail" ? "F" : "?";
  return iconSvg(assuranceLabel(a), tone, [target, line, letter(mark, 32, 29, 20, tone.letter)]);
}
