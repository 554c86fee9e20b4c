// Markdown → DOCX: parses the Markdown to mdast, loads its images, maps the tree onto
// WordprocessingML in the house style (or a trust's reference DOCX styles) and zips the package.
// Names, ids and dates follow from the input alone, so the bytes are deterministic. The DOCX
// writer's entry.
import type { Definition, Image, ImageReference, Node, Root } from "mdast";
import { diagnostic, sortDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { readMarkdown } from "../markdown-ast.js";
import { block, isImageParagraph } from "./blocks.js";
import { createContext, report, type LoadedImage, type RenderContext } from "./context.js";
import { pageFooter, pageHeader } from "./header-footer.js";
import { jpegSize, pngSize, sniffImage, svgSize } from "./images.js";
import { addPackageParts, type PackageParts } from "./parts.js";
import { houseStylesXml, language, numberingXml, page, type HouseStyle } from "./styles.js";
import { referenceStyles } from "./reference-styles.js";
import { bodyNamespaces, paragraphXml, xmlDeclaration } from "./xml.js";
import { bytesOf, zipParts, type Parts } from "./zip.js";

export interface DocxProperties {
  title: string;
  author?: string;
  subject?: string;
  description?: string;
  /** YYYY-MM-DD: the document's created and modified date, and the zip entry date. */
  date: string;
}

export interface RenderDocxOptions {
  /** Name of the Markdown file, for diagnostics. */
  file: string;
  /** The Markdown already parsed (by `readMarkdown`), when the caller has it. */
  tree?: Root;
  /** Reads an image named in the Markdown (a path relative to it); undefined when missing. */
  loadImage: (relPath: string) => Promise<Uint8Array | undefined>;
  style: HouseStyle;
  /** A trust's Word file: its word/styles.xml replaces the house style. */
  referenceDocx?: Uint8Array;
  /** PNG or JPEG for the page header. */
  logo?: Uint8Array;
  properties: DocxProperties;
  /** Page header text, already filled in by the caller. */
  header?: string;
  /** Footer text before "Page X of Y". */
  footer?: string;
}

export interface RenderDocxResult {
  docx: Uint8Array;
  diagnostics: Diagnostic[];
}

/** A 1×1 transparent PNG, the fallback of an SVG that has no PNG beside it. */
const blankPng = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=",
  ),
  (c) => c.charCodeAt(0),
);

function collect(root: Root): {
  definitions: Map<string, Definition>;
  images: (Image | ImageReference)[];
} {
  const definitions = new Map<string, Definition>();
  const images: (Image | ImageReference)[] = [];
  const walk = (n: Node) => {
    if (n.type === "definition") {
      const d = n as Definition;
      const key = d.identifier.toLowerCase();
      if (!definitions.has(key)) definitions.set(key, d);
    }
    if (n.type === "image" || n.type === "imageReference") images.push(n as Image | ImageReference);
    if ("children" in n && Array.isArray(n.children)) (n.children as Node[]).forEach(walk);
  };
  walk(root);
  return { definitions, images };
}

function decodePath(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Loads one image (and an SVG's PNG fallback); reports problems at `node`. */
async function loadOne(
  ctx: RenderContext,
  url: string,
  nodes: Node[],
  loadImage: RenderDocxOptions["loadImage"],
): Promise<LoadedImage | undefined> {
  const reportAll = (
    code: Parameters<typeof report>[2],
    message: string,
    severity: Diagnostic["severity"],
  ) => nodes.forEach((n) => report(ctx, n, code, message, severity));
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    reportAll(
      "markdown.unsupported",
      `image "${url}" is not a local file; only its alt text is shown`,
      "warning",
    );
    return undefined;
  }
  const path = decodePath(url);
  const data = await loadImage(path);
  if (!data) {
    reportAll("markdown.image_missing", `image "${path}" not found`, "error");
    return undefined;
  }
  const kind = sniffImage(data);
  if (kind === "png" || kind === "jpg") {
    const size = kind === "png" ? pngSize(data) : jpegSize(data);
    if (size) return { kind, data, size };
  }
  if (kind === "svg") {
    const pngPath = path.replace(/\.svg$/i, "") + ".png";
    const pending = loadImage(pngPath).then((png) => {
      if (png && sniffImage(png) === "png") return png;
      reportAll(
        "markdown.image_missing",
        `no PNG "${pngPath}" beside "${path}" for programs that cannot show SVG; they will show nothing`,
        "warning",
      );
      return blankPng;
    });
    const size = svgSize(data);
    // With the SVG's own size known, the PNG (a chart still being drawn) is awaited only when
    // the package is zipped; the DOCX is built around a placeholder meanwhile. A chart that
    // fails is reported there; until then its rejection must not count as unhandled.
    pending.catch(() => undefined);
    if (size) return { kind, data, size, fallback: pending };
    const fallback = await pending;
    return { kind, data, size: pngSize(fallback) ?? { width: 600, height: 400 }, fallback };
  }
  reportAll(
    "markdown.unsupported",
    `image "${path}" is not a PNG, JPEG or SVG file; only its alt text is shown`,
    "warning",
  );
  return undefined;
}

async function loadImages(
  ctx: RenderContext,
  images: (Image | ImageReference)[],
  load: RenderDocxOptions["loadImage"],
) {
  const byUrl = new Map<string, Node[]>();
  for (const node of images) {
    const url =
      node.type === "image" ? node.url : ctx.definitions.get(node.identifier.toLowerCase())?.url;
    if (url === undefined) continue;
    byUrl.set(url, [...(byUrl.get(url) ?? []), node]);
  }
  for (const [url, nodes] of byUrl) ctx.images.set(url, await loadOne(ctx, url, nodes, load));
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const sectionProps = (header: string | undefined, footer: string): string =>
  `<w:sectPr>${header ? `<w:headerReference w:type="default" r:id="${header}"/>` : ""}` +
  `<w:footerReference w:type="default" r:id="${footer}"/>` +
  `<w:pgSz w:w="${page.width}" w:h="${page.height}"/>` +
  `<w:pgMar w:top="${page.margin}" w:right="${page.margin}" w:bottom="${page.margin}" w:left="${page.margin}" w:header="708" w:footer="708" w:gutter="0"/>` +
  `<w:docGrid w:linePitch="360"/></w:sectPr>`;

/** Text parts as UTF-8 and the PNGs still being drawn awaited: the parts as the zip takes them. */
async function settle(parts: PackageParts): Promise<Parts> {
  const out: Parts = new Map();
  for (const [name, data] of parts) {
    out.set(name, typeof data === "string" ? bytesOf(data) : await data);
  }
  return out;
}

/** Renders Markdown to DOCX bytes; problems in the Markdown come back as diagnostics. */
export async function renderDocxFromMarkdown(
  markdown: string,
  opts: RenderDocxOptions,
): Promise<RenderDocxResult> {
  const date = datePattern.exec(opts.properties.date);
  if (!date)
    throw new Error(
      `renderDocxFromMarkdown: properties.date must be YYYY-MM-DD, got ${opts.properties.date}`,
    );
  const ctx = createContext(opts.file, opts.style);
  const root = opts.tree ?? (await readMarkdown(markdown));
  const found = collect(root);
  ctx.definitions = found.definitions;
  await loadImages(ctx, found.images, opts.loadImage);

  ctx.rels.add("styles", "styles.xml");
  ctx.rels.add("numbering", "numbering.xml");
  ctx.rels.add("settings", "settings.xml");
  // A paragraph just before a chart stays on the chart's page (headings already keep with next).
  let body = "";
  root.children.forEach((node, i) => {
    body += block(ctx, node, isImageParagraph(root.children[i + 1]) ? { keepNext: true } : {});
  });
  // Word wants at least one paragraph in the body.
  if (body === "") body = paragraphXml({}, "");
  const parts: PackageParts = new Map();
  const header = pageHeader(ctx, opts.header, opts.logo);
  const footer = pageFooter(ctx, opts.footer);
  const headerId = header ? ctx.rels.add("header", "header1.xml") : undefined;
  const footerId = ctx.rels.add("footer", "footer1.xml");
  if (header) {
    parts.set("word/header1.xml", header.xml);
    if (header.rels.size) parts.set("word/_rels/header1.xml.rels", header.rels.xml());
  }
  parts.set("word/footer1.xml", footer.xml);
  if (footer.rels.size) parts.set("word/_rels/footer1.xml.rels", footer.rels.xml());

  let stylesXml = houseStylesXml(opts.style);
  if (opts.referenceDocx) {
    const ref = await referenceStyles(opts.referenceDocx, opts.style);
    if ("problem" in ref) {
      ctx.diagnostics.push(diagnostic({ code: "style.reference_docx", message: ref.problem }));
    } else {
      stylesXml = ref.styles;
    }
  }
  parts.set(
    "word/document.xml",
    `${xmlDeclaration}<w:document ${bodyNamespaces}><w:body>${body}${sectionProps(headerId, footerId)}</w:body></w:document>`,
  );
  parts.set("word/_rels/document.xml.rels", ctx.rels.xml());
  parts.set("word/styles.xml", stylesXml);
  parts.set("word/numbering.xml", numberingXml(ctx.lists));
  for (const [name, data] of ctx.media.parts) parts.set(name, data);
  addPackageParts(parts, { ...opts.properties, language });

  const docx = zipParts(await settle(parts), {
    year: Number(date[1]),
    month: Number(date[2]),
    day: Number(date[3]),
  });
  return { docx, diagnostics: sortDiagnostics(ctx.diagnostics) };
}
