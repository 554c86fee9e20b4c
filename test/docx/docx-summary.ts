// Test helper: reads a DOCX back (unzip + a small XML reader) and reduces it to a structural
// summary for golden comparison: parts, paragraph styles in order, headings, tables, images with
// their alt text, page breaks, header/footer references and core properties. Nothing varies
// between runs, so nothing needs to be ignored.
import { strFromU8, unzipSync } from "fflate";

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (entities[e] ?? m),
  );

/** A small XML reader, enough for OOXML parts (no DTDs, CDATA or comments). */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const re = /<\?[^>]*\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    const top = stack[stack.length - 1] as XmlNode;
    if (m[5] !== undefined) {
      top.text += unescape(m[5]);
      continue;
    }
    if (m[2] === undefined) continue;
    if (m[1] === "/") {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? "").matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
      attrs[a[1] as string] = unescape(a[2] as string);
    }
    const node: XmlNode = { name: m[2], attrs, children: [], text: "" };
    top.children.push(node);
    if (m[4] !== "/") stack.push(node);
  }
  return root;
}

/** All descendants named `name`, in document order; `stopAt` names are not entered. */
export function findAll(node: XmlNode, name: string, stopAt: string[] = []): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    if (!stopAt.includes(c.name)) out.push(...findAll(c, name, stopAt));
  }
  return out;
}

export const first = (node: XmlNode, name: string): XmlNode | undefined => findAll(node, name)[0];

/** The text of a paragraph or run: its w:t contents. */
export const textOf = (node: XmlNode): string =>
  findAll(node, "w:t")
    .map((t) => t.text)
    .join("");

export interface DocxSummary {
  parts: string[];
  paragraphs: string[];
  headings: string[];
  tables: {
    rows: number;
    columns: number[];
    headerRows: number;
    cantSplitRows: number;
    headerFill: string | null;
    alignments: string[];
  }[];
  images: {
    part: string;
    name: string;
    title: string;
    descr: string;
    svg: boolean;
    inline: boolean;
    cm: string;
  }[];
  hyperlinks: string[];
  pageBreaks: number;
  sections: { headers: number; footers: number };
  footerFields: string[];
  core: Record<string, string>;
  language: string | null;
}

/** An extent (EMU, 360000 to the cm) as "w×h" cm to one decimal. */
const sizeCm = (extent: XmlNode | undefined): string =>
  extent
    ? `${(Number(extent.attrs.cx) / 360000).toFixed(1)}x${(Number(extent.attrs.cy) / 360000).toFixed(1)}`
    : "?";

export function unzipDocx(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partXml(files: Record<string, Uint8Array>, name: string): XmlNode {
  const part = files[name];
  if (!part) throw new Error(`no part ${name}`);
  return parseXml(strFromU8(part));
}

/** Paragraph label: style id (Normal when none), plus `#list<level>` for numbered paragraphs. */
function paragraphLabel(p: XmlNode): string {
  const style = first(p, "w:pStyle")?.attrs["w:val"] ?? "Normal";
  const level = first(p, "w:ilvl")?.attrs["w:val"];
  return level === undefined ? style : `${style}#list${level}`;
}

export function summariseDocx(bytes: Uint8Array): DocxSummary {
  const files = unzipDocx(bytes);
  const doc = partXml(files, "word/document.xml");
  const body = first(doc, "w:body") as XmlNode;
  const bodyParagraphs = findAll(body, "w:p", ["w:tbl"]);
  const rels = findAll(partXml(files, "word/_rels/document.xml.rels"), "Relationship");
  const relTarget = new Map(rels.map((r) => [r.attrs.Id as string, r.attrs.Target as string]));
  const coreXml = partXml(files, "docProps/core.xml");
  const core: Record<string, string> = {};
  for (const n of first(coreXml, "cp:coreProperties")?.children ?? []) core[n.name] = n.text;
  const styles = partXml(files, "word/styles.xml");
  const footers = Object.keys(files)
    .filter((n) => /^word\/footer\d+\.xml$/.test(n))
    .sort();
  const headersAndFooters = [
    ...Object.keys(files)
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .sort(),
    ...footers,
  ];
  return {
    parts: Object.keys(files).sort(),
    paragraphs: bodyParagraphs.map(paragraphLabel),
    headings: bodyParagraphs
      .filter((p) => /^Heading\d$/.test(first(p, "w:pStyle")?.attrs["w:val"] ?? ""))
      .map((p) => `${first(p, "w:pStyle")?.attrs["w:val"]}: ${textOf(p)}`),
    tables: findAll(body, "w:tbl")
      .map((t) => {
        const rows = findAll(t, "w:tr");
        return {
          rows: rows.length,
          columns: [...new Set(rows.map((r) => findAll(r, "w:tc").length))],
          headerRows: rows.filter((r) => first(r, "w:tblHeader")).length,
          cantSplitRows: rows.filter((r) => first(r, "w:cantSplit")).length,
          headerFill: rows[0] ? (first(rows[0], "w:shd")?.attrs["w:fill"] ?? null) : null,
          alignments: rows[1]
            ? findAll(rows[1], "w:tc").map((c) => first(c, "w:jc")?.attrs["w:val"] ?? "-")
            : [],
          merged: rows.some((r) => first(r, "w:gridSpan") || first(r, "w:vMerge")),
        };
      })
      .map(({ merged, ...t }) => {
        if (merged) throw new Error("table has merged cells");
        return t;
      }),
    images: ["word/document.xml", ...headersAndFooters].flatMap((part) => {
      const xml = partXml(files, part);
      return findAll(xml, "w:drawing").map((drawing) => {
        const d = first(drawing, "wp:docPr");
        return {
          part,
          name: d?.attrs.name ?? "",
          title: d?.attrs.title ?? "",
          descr: d?.attrs.descr ?? "",
          svg: findAll(drawing, "asvg:svgBlip").length > 0,
          inline: first(drawing, "wp:inline") !== undefined,
          cm: sizeCm(first(drawing, "wp:extent")),
        };
      });
    }),
    hyperlinks: findAll(body, "w:hyperlink").map(
      (h) => `${textOf(h)} -> ${relTarget.get(h.attrs["r:id"] ?? "") ?? "?"}`,
    ),
    pageBreaks:
      findAll(body, "w:pageBreakBefore").length +
      findAll(body, "w:br").filter((b) => b.attrs["w:type"] === "page").length,
    sections: {
      headers: findAll(body, "w:headerReference").length,
      footers: findAll(body, "w:footerReference").length,
    },
    footerFields: footers.flatMap((f) =>
      findAll(partXml(files, f), "w:instrText").map((t) => t.text.trim()),
    ),
    core,
    language: first(first(styles, "w:docDefaults") ?? styles, "w:lang")?.attrs["w:val"] ?? null,
  };
}
