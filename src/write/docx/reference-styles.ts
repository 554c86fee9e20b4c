// Styles from a trust's reference DOCX (like pandoc's --reference-doc): its word/styles.xml is
// used as the package's styles, so the trust's fonts, colours and heading styles win. Our own
// styles (quote, code, table text, list paragraph, hyperlink) are added only where the reference
// lacks them.
import { ownParagraphStyles, type HouseStyle } from "./styles.js";

/** word/styles.xml for a reference DOCX, or a message saying why it cannot be used. */
export async function referenceStyles(
  reference: Uint8Array,
  style: HouseStyle,
): Promise<{ styles: string } | { problem: string }> {
  const { textOf, unzipParts } = await import("./unzip.js");
  let xml: string;
  try {
    const styles = unzipParts(reference).get("word/styles.xml");
    if (!styles) return { problem: "the reference DOCX has no word/styles.xml" };
    xml = textOf(styles);
  } catch {
    return { problem: "the reference DOCX is not a readable Word file (zip)" };
  }
  if (!/<w:styles[\s>]/.test(xml) || !xml.includes("</w:styles>"))
    return { problem: "the reference DOCX's word/styles.xml has no styles" };
  const has = (id: string) => new RegExp(`w:styleId="${id}"`).test(xml);
  const missing = ownParagraphStyles(style).filter((s) => !has(s.id));
  const at = xml.lastIndexOf("</w:styles>");
  return { styles: xml.slice(0, at) + missing.map((s) => s.xml).join("") + xml.slice(at) };
}
