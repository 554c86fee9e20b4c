// Makes a packed DOCX deterministic: docx stamps the clock into docProps/core.xml and gives
// hyperlinks random relationship ids. These functions rewrite those parts in place so that the
// same inputs give the same bytes (DESIGN §7 "Determinism").
import { bytesOf, textOf, type Parts } from "./zip.js";

/** Sets dcterms:created/modified to `date` (YYYY-MM-DD) at midnight UTC and adds dc:language. */
export function fixCoreProperties(parts: Parts, date: string, language: string): void {
  const core = parts.get("docProps/core.xml");
  if (!core) return;
  const stamp = `${date}T00:00:00Z`;
  let xml = textOf(core).replace(
    /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
  );
  if (!xml.includes("<dc:language>")) {
    xml = xml.replace(
      "</cp:coreProperties>",
      `<dc:language>${language}</dc:language></cp:coreProperties>`,
    );
  }
  parts.set("docProps/core.xml", bytesOf(xml));
}

/** The part a relationships part belongs to: `word/_rels/document.xml.rels` → `word/document.xml`. */
function sourceOfRels(relsName: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(relsName);
  return m ? `${m[1]}${m[2]}` : undefined;
}

/**
 * Renames relationship ids that are not of the plain `rId<n>` form (docx's random hyperlink ids)
 * to `rIdLink<n>`, numbered in the order they appear, in the .rels part and the part it serves.
 */
export function fixRelationshipIds(parts: Parts): void {
  for (const relsName of [...parts.keys()].filter((n) => n.endsWith(".rels")).sort()) {
    const source = sourceOfRels(relsName);
    let rels = textOf(parts.get(relsName) as Uint8Array);
    const renames = new Map<string, string>();
    for (const m of rels.matchAll(/\bId="([^"]+)"/g)) {
      const id = m[1] as string;
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdLink${renames.size + 1}`);
    }
    if (renames.size === 0) continue;
    const swap = (xml: string) =>
      xml.replace(/(\b(?:Id|r:id)=")([^"]+)"/g, (all, pre: string, id: string) => {
        const to = renames.get(id);
        return to ? `${pre}${to}"` : all;
      });
    rels = swap(rels);
    parts.set(relsName, bytesOf(rels));
    const src = source ? parts.get(source) : undefined;
    if (source && src) parts.set(source, bytesOf(swap(textOf(src))));
  }
}
