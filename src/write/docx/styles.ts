// The house style as docx options: document defaults (font, size, text colour, en-GB proofing
// language), Word's built-in heading styles in the heading colour, our own paragraph styles for
// quotes and code, the list numbering definitions, and the page geometry the writer fits to.
import {
  AlignmentType,
  LevelFormat,
  LineRuleType,
  type INumberingOptions,
  type IStylesOptions,
} from "docx";
import type { Config } from "../../schema/config-schema.js";

export type HouseStyle = Config["style"];

/** A4 portrait with 2.54 cm margins, in twips. */
export const page = { width: 11906, height: 16838, margin: 1440 } as const;
/** The width of the text column in twips and in px at 96 dpi. */
export const textWidthTwips = page.width - 2 * page.margin;
export const textWidthPx = (textWidthTwips / 1440) * 96;
/** Tallest a picture may be drawn, in px: a little over half the text height. */
export const maxImageHeightPx = ((page.height - 2 * page.margin) / 1440) * 96 * 0.6;

export const language = "en-GB";
export const monospaceFont = "Courier New";

/** Our paragraph style ids (besides Word's built-in Normal and Heading1–6). */
export const styleIds = { quote: "Quote", code: "SourceCode", tableText: "TableText" } as const;

/** `#005EB8` → `005EB8` as docx wants it. */
export const hex = (colour: string): string => colour.replace(/^#/, "").toUpperCase();

const halfPoints = (points: number): number => Math.round(points * 2);

/** Styles from the house style (used when there is no reference DOCX). */
export function houseStyles(style: HouseStyle): IStylesOptions {
  const body = style.font_size;
  const heading = (size: number, before: number) => ({
    run: {
      font: style.font,
      size: halfPoints(size),
      bold: true,
      color: hex(style.colours.heading),
    },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: {
          font: style.font,
          size: halfPoints(body),
          color: hex(style.colours.text),
          language: { value: language, eastAsia: language, bidirectional: language },
        },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      heading1: heading(body + 7, 360),
      heading2: heading(body + 4, 300),
      heading3: heading(body + 2, 240),
      heading4: heading(body + 1, 200),
      heading5: heading(body, 200),
      heading6: heading(body, 200),
      hyperlink: { run: { color: hex(style.colours.heading), underline: { type: "single" } } },
    },
    paragraphStyles: [
      {
        id: styleIds.quote,
        name: "Quote",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        paragraph: {
          indent: { left: 567, right: 567 },
          border: {
            left: { style: "single", size: 18, space: 8, color: hex(style.colours.heading) },
          },
        },
      },
      {
        id: styleIds.code,
        name: "Source Code",
        basedOn: "Normal",
        paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        run: { font: monospaceFont, size: halfPoints(Math.max(6, body - 1)) },
      },
      {
        id: styleIds.tableText,
        name: "Table Text",
        basedOn: "Normal",
        paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO } },
      },
    ],
  };
}

const bulletGlyphs = ["\u2022", "\u2013", "\u25e6"];

/** Indent of a list level, in twips. */
export const listIndent = (level: number): number => 567 * (level + 1);

function levels(kind: "bullet" | "number", start: number) {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format:
      kind === "bullet"
        ? LevelFormat.BULLET
        : level % 3 === 1
          ? LevelFormat.LOWER_LETTER
          : level % 3 === 2
            ? LevelFormat.LOWER_ROMAN
            : LevelFormat.DECIMAL,
    text: kind === "bullet" ? (bulletGlyphs[level % 3] as string) : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    start: level === 0 ? start : 1,
    style: { paragraph: { indent: { left: listIndent(level), hanging: 360 } } },
  }));
}

export const bulletReference = "spotlight-bullets";
/** The numbering reference for an ordered list starting at `start`. */
export const numberReference = (start: number): string =>
  start === 1 ? "spotlight-numbers" : `spotlight-numbers-from-${start}`;

/** Numbering definitions for bullets and for ordered lists starting at each `starts` value. */
export function numbering(starts: readonly number[]): INumberingOptions {
  const unique = [...new Set([1, ...starts])].sort((a, b) => a - b);
  return {
    config: [
      { reference: bulletReference, levels: levels("bullet", 1) },
      ...unique.map((s) => ({ reference: numberReference(s), levels: levels("number", s) })),
    ],
  };
}
