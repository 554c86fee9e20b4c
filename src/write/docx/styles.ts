// The house style as WordprocessingML: document defaults (font, size, text colour, en-GB
// proofing language), Word's built-in heading styles in the heading colour, our own paragraph
// styles for quotes, code and table text, the list numbering definitions, and the page geometry
// the writer fits to.
import type { Config } from "../../schema/config-schema.js";
import { esc, ns, runProps, xmlDeclaration } from "./xml.js";

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

/** Our paragraph style ids (besides Word's built-in Normal, Heading1–6 and List Paragraph). */
export const styleIds = {
  quote: "Quote",
  code: "SourceCode",
  tableText: "TableText",
  listParagraph: "ListParagraph",
  hyperlink: "Hyperlink",
} as const;

/** `#005EB8` → `005EB8` as WordprocessingML wants it. */
export const hex = (colour: string): string => colour.replace(/^#/, "").toUpperCase();

const halfPoints = (points: number): number => Math.round(points * 2);

const spacing = (after: number, before?: number, line?: number): string =>
  `<w:spacing w:after="${after}"${before !== undefined ? ` w:before="${before}"` : ""}${
    line !== undefined ? ` w:line="${line}" w:lineRule="auto"` : ""
  }/>`;

const paragraphStyle = (
  id: string,
  name: string,
  extra: { next?: boolean; qFormat?: boolean; pPr?: string; rPr?: string } = {},
): string =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${esc(name)}"/>` +
  `<w:basedOn w:val="Normal"/>${extra.next ? '<w:next w:val="Normal"/>' : ""}` +
  `${extra.qFormat ? "<w:qFormat/>" : ""}${extra.pPr ? `<w:pPr>${extra.pPr}</w:pPr>` : ""}` +
  `${extra.rPr ?? ""}</w:style>`;

/**
 * Our own paragraph styles (quote, code, table text), by id. A trust's reference DOCX keeps its
 * own style of the same id; these are added only where it has none.
 */
export function ownParagraphStyles(style: HouseStyle): { id: string; xml: string }[] {
  const heading = hex(style.colours.heading);
  return [
    {
      id: styleIds.quote,
      xml: paragraphStyle(styleIds.quote, "Quote", {
        next: true,
        qFormat: true,
        pPr: `<w:pBdr><w:left w:val="single" w:color="${heading}" w:sz="18" w:space="8"/></w:pBdr><w:ind w:left="567" w:right="567"/>`,
      }),
    },
    {
      id: styleIds.code,
      xml: paragraphStyle(styleIds.code, "Source Code", {
        pPr: spacing(0, undefined, 240),
        rPr: runProps({ font: monospaceFont, size: halfPoints(Math.max(6, style.font_size - 1)) }),
      }),
    },
    {
      id: styleIds.tableText,
      xml: paragraphStyle(styleIds.tableText, "Table Text", { pPr: spacing(40, 40, 240) }),
    },
    {
      id: styleIds.listParagraph,
      xml: paragraphStyle(styleIds.listParagraph, "List Paragraph", { qFormat: true }),
    },
    {
      id: styleIds.hyperlink,
      xml:
        `<w:style w:type="character" w:styleId="${styleIds.hyperlink}"><w:name w:val="Hyperlink"/>` +
        `<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="${heading}"/>` +
        `<w:u w:val="single"/></w:rPr></w:style>`,
    },
  ];
}

const stylesOpen = `${xmlDeclaration}<w:styles xmlns:w="${ns.w}" xmlns:r="${ns.r}">`;

/** word/styles.xml from the house style (used when there is no reference DOCX). */
export function houseStylesXml(style: HouseStyle): string {
  const body = style.font_size;
  const font = style.font;
  const heading = (level: number, size: number, before: number) =>
    `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>` +
    `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:keepLines/>${spacing(120, before)}<w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
    runProps({ font, bold: true, color: hex(style.colours.heading), size: halfPoints(size) }) +
    `</w:style>`;
  const lang = `<w:lang w:val="${language}" w:eastAsia="${language}" w:bidi="${language}"/>`;
  const f = esc(font);
  return (
    stylesOpen +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>` +
    `<w:color w:val="${hex(style.colours.text)}"/><w:sz w:val="${halfPoints(body)}"/><w:szCs w:val="${halfPoints(body)}"/>` +
    `${lang}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${spacing(120, undefined, 276)}</w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    heading(1, body + 7, 360) +
    heading(2, body + 4, 300) +
    heading(3, body + 2, 240) +
    heading(4, body + 1, 200) +
    heading(5, body, 200) +
    heading(6, body, 200) +
    ownParagraphStyles(style)
      .map((s) => s.xml)
      .join("") +
    "</w:styles>"
  );
}

const bulletGlyphs = ["\u2022", "\u2013", "\u25e6"];

/** Indent of a list level, in twips. */
export const listIndent = (level: number): number => 567 * (level + 1);

function levels(kind: "bullet" | "number", start: number): string {
  let x = "";
  for (let level = 0; level < 9; level++) {
    const format =
      kind === "bullet"
        ? "bullet"
        : level % 3 === 1
          ? "lowerLetter"
          : level % 3 === 2
            ? "lowerRoman"
            : "decimal";
    const text = kind === "bullet" ? (bulletGlyphs[level % 3] as string) : `%${level + 1}.`;
    x +=
      `<w:lvl w:ilvl="${level}"><w:start w:val="${level === 0 ? start : 1}"/><w:numFmt w:val="${format}"/>` +
      `<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>` +
      `<w:pPr><w:ind w:left="${listIndent(level)}" w:hanging="360"/></w:pPr></w:lvl>`;
  }
  return x;
}

/** One list in the document: bulleted, or numbered from `start`. */
export interface ListDefinition {
  ordered: boolean;
  start: number;
}

/**
 * word/numbering.xml: an abstract definition for bullets and one for each start number of the
 * ordered lists, and a numbering instance per list (numId = its index + 1), so that each list
 * counts from its own start.
 */
export function numberingXml(lists: readonly ListDefinition[]): string {
  const starts = [...new Set(lists.filter((l) => l.ordered).map((l) => l.start))].sort(
    (a, b) => a - b,
  );
  const abstractId = (l: ListDefinition) => (l.ordered ? starts.indexOf(l.start) + 1 : 0);
  const abstracts =
    `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels("bullet", 1)}</w:abstractNum>` +
    starts
      .map(
        (s, i) =>
          `<w:abstractNum w:abstractNumId="${i + 1}"><w:multiLevelType w:val="hybridMultilevel"/>${levels("number", s)}</w:abstractNum>`,
      )
      .join("");
  const nums = lists
    .map((l, i) => {
      const restart = Array.from(
        { length: 9 },
        (_, level) =>
          `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${level === 0 ? l.start : 1}"/></w:lvlOverride>`,
      ).join("");
      return `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${abstractId(l)}"/>${l.ordered ? restart : ""}</w:num>`;
    })
    .join("");
  return `${xmlDeclaration}<w:numbering xmlns:w="${ns.w}">${abstracts}${nums}</w:numbering>`;
}
