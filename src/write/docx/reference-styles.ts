// Styles from a trust's reference DOCX (like pandoc's --reference-doc): its word/styles.xml is
// used as docx's externalStyles, so the trust's fonts, colours and heading styles win. Our own
// paragraph styles (quote, code, table text) are added only where the reference lacks them.
import type { IPropertiesOptions } from "docx";
import { houseStyles, type HouseStyle } from "./styles.js";
import { textOf, unzipParts } from "./zip.js";

/** The styling options for a reference DOCX, or a message saying why it cannot be used. */
export function referenceStyles(
  reference: Uint8Array,
  style: HouseStyle,
): Pick<IPropertiesOptions, "styles" | "externalStyles"> | string {
  let xml: string;
  try {
    const styles = unzipParts(reference).get("word/styles.xml");
    if (!styles) return "the reference DOCX has no word/styles.xml";
    xml = textOf(styles);
  } catch {
    return "the reference DOCX is not a readable Word file (zip)";
  }
  if (!/<w:styles[\s>]/.test(xml)) return "the reference DOCX's word/styles.xml has no styles";
  const has = (id: string) => new RegExp(`w:styleId="${id}"`).test(xml);
  const missing = (houseStyles(style).paragraphStyles ?? []).filter((s) => !has(s.id));
  return {
    externalStyles: xml,
    ...(missing.length ? { styles: { paragraphStyles: missing } } : {}),
  };
}
