// WordprocessingML as text: escaping, the namespaces our parts declare, run and paragraph
// property builders. The DOCX writer builds every part as a string with these; nothing here knows
// about Markdown.

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, newline and carriage return,
 * lone surrogates, U+FFFE/U+FFFF). Word refuses a document that has one, so they are dropped.
 */
const notXml =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const special = /[&<>"]/;
const anyNotXml = new RegExp(notXml.source);

/**
 * Text content or an attribute value, escaped (both quotes included, so it is safe in either)
 * and without characters XML cannot carry.
 */
export function esc(s: string): string {
  if (anyNotXml.test(s)) s = s.replace(notXml, "");
  return special.test(s)
    ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    : s;
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export const ns = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  wp: "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  pic: "http://schemas.openxmlformats.org/drawingml/2006/picture",
  asvg: "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  relTypes: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
} as const;

/** The namespace declarations of a part's root element that holds body content. */
export const bodyNamespaces = `xmlns:w="${ns.w}" xmlns:r="${ns.r}" xmlns:wp="${ns.wp}" xmlns:a="${ns.a}" xmlns:pic="${ns.pic}"`;

/** Character formatting of a run. */
export interface RunProps {
  style?: string;
  font?: string;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  noProof?: boolean;
}

/** `w:rPr` in the element order the schema wants, or "" when there is nothing to say. */
export function runProps(p: RunProps): string {
  let x = "";
  if (p.style) x += `<w:rStyle w:val="${esc(p.style)}"/>`;
  if (p.font) {
    const f = esc(p.font);
    x += `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`;
  }
  if (p.bold) x += "<w:b/><w:bCs/>";
  if (p.italics) x += "<w:i/><w:iCs/>";
  if (p.noProof) x += "<w:noProof/>";
  if (p.color) x += `<w:color w:val="${esc(p.color)}"/>`;
  if (p.size) x += `<w:sz w:val="${p.size}"/><w:szCs w:val="${p.size}"/>`;
  return x ? `<w:rPr>${x}</w:rPr>` : "";
}

/** A run of text; tabs in it become `w:tab` elements. */
export function textRun(text: string, props: RunProps = {}): string {
  if (!text.includes("\t")) {
    return `<w:r>${runProps(props)}${text === "" ? "" : `<w:t xml:space="preserve">${esc(text)}</w:t>`}</w:r>`;
  }
  const pieces = text.split("\t").map((t, i) => {
    const tab = i > 0 ? "<w:tab/>" : "";
    return t === "" ? tab : `${tab}<w:t xml:space="preserve">${esc(t)}</w:t>`;
  });
  return `<w:r>${runProps(props)}${pieces.join("")}</w:r>`;
}

/** Paragraph properties we write, in schema order. */
export interface ParagraphProps {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  numbering?: { numId: number; level: number };
  /** Bottom border (a thematic break). */
  bottomBorder?: boolean;
  tabs?: { type: "right"; position: number }[];
  spacing?: string;
  indentLeft?: number;
  align?: "left" | "right" | "center";
}

/** `w:pPr` in schema order, or "" when there is nothing to say. */
export function paragraphProps(p: ParagraphProps): string {
  let x = "";
  if (p.style) x += `<w:pStyle w:val="${esc(p.style)}"/>`;
  if (p.keepNext) x += "<w:keepNext/>";
  if (p.keepLines) x += "<w:keepLines/>";
  if (p.pageBreakBefore) x += "<w:pageBreakBefore/>";
  if (p.numbering)
    x += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>`;
  if (p.bottomBorder)
    x += '<w:pBdr><w:bottom w:val="single" w:color="A6A6A6" w:sz="6" w:space="1"/></w:pBdr>';
  if (p.tabs?.length)
    x += `<w:tabs>${p.tabs.map((t) => `<w:tab w:val="${t.type}" w:pos="${t.position}"/>`).join("")}</w:tabs>`;
  if (p.spacing) x += p.spacing;
  if (p.indentLeft !== undefined) x += `<w:ind w:left="${p.indentLeft}"/>`;
  if (p.align) x += `<w:jc w:val="${p.align}"/>`;
  return x ? `<w:pPr>${x}</w:pPr>` : "";
}

export const paragraphXml = (props: ParagraphProps, content: string): string =>
  `<w:p>${paragraphProps(props)}${content}</w:p>`;
