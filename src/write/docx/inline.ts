// Maps mdast phrasing content (text, emphasis, strong, code, links, images, breaks, inline HTML)
// onto WordprocessingML runs. Links become hyperlinks only for http(s) and mailto; images become drawings
// with alt text; raw HTML is shown as literal text with a diagnostic, never passed through.
import type { Image, ImageReference, Node, Nodes, PhrasingContent } from "mdast";
import { nodeText } from "../markdown-ast.js";
import { report, type LoadedImage, type RenderContext } from "./context.js";
import { fitSize, isIcon, type PixelSize } from "./images.js";
import { maxImageHeightPx, monospaceFont, styleIds, textWidthPx } from "./styles.js";
import { esc, textRun, type RunProps } from "./xml.js";

/** Character formatting inherited from enclosing nodes (and from table header cells). */
export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  code?: boolean;
}

const pageBreakComment = /^<!--\s*page-?break\s*-->$/i;
const comment = /^<!--[\s\S]*-->$/;
const lineBreakTag = /^<br\s*\/?>$/i;

export const isPageBreak = (html: string): boolean => pageBreakComment.test(html.trim());
export const isComment = (html: string): boolean => comment.test(html.trim());

/** Reports a node the DOCX writer has no mapping for (it is then shown as plain text). */
export function reportUnsupported(ctx: RenderContext, node: Node): void {
  report(ctx, node, "markdown.unsupported", `${node.type} is not supported in DOCX; shown as text`);
}

/** Plain text of a node and its children (for diagnostics and fallbacks). */
export const plainText = (node: Node): string => nodeText(node as Nodes);

function text(value: string, f: RunFormat, style?: string): string {
  // Built field by field: this runs for every piece of text in a paper.
  const props: RunProps = {};
  if (style) props.style = style;
  if (f.code) {
    props.font = monospaceFont;
    props.noProof = true;
  }
  if (f.bold) props.bold = true;
  if (f.italics) props.italics = true;
  if (f.color) props.color = f.color;
  return textRun(value.includes("\n") ? value.replace(/\r?\n/g, " ") : value, props);
}

export const lineBreak = "<w:r><w:br/></w:r>";
export const pageBreak = '<w:r><w:br w:type="page"/></w:r>';

/** English Metric Units per pixel at 96 dpi. */
const emuPerPx = 9525;

/**
 * An inline picture: the PNG (or JPEG) as the blip, and for an SVG the SVG itself through
 * Office's SVG extension with the PNG as the fallback that programs without SVG show.
 */
export function drawing(
  ctx: RenderContext,
  image: LoadedImage,
  size: PixelSize,
  alt: { name: string; title: string; description: string },
): string {
  const targets = ctx.media.add(image);
  const id = ctx.nextDrawingId();
  const cx = Math.round(size.width * emuPerPx);
  const cy = Math.round(size.height * emuPerPx);
  const main = ctx.rels.add("image", targets.main);
  const blip = targets.fallback
    ? `<a:blip r:embed="${ctx.rels.add("image", targets.fallback)}"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${main}"/></a:ext></a:extLst></a:blip>`
    : `<a:blip r:embed="${main}"/>`;
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${id}" name="${esc(alt.name)}" descr="${esc(alt.description)}" title="${esc(alt.title)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>` +
    `<pic:nvPicPr><pic:cNvPr id="${id}" name="${esc(alt.name)}" descr="${esc(alt.description)}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill>${blip}<a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

const allowedLink = /^(https?:\/\/|mailto:)/i;

function link(
  ctx: RenderContext,
  node: Node,
  url: string,
  children: PhrasingContent[],
  f: RunFormat,
): string {
  if (allowedLink.test(url)) {
    const runs = children.map((c) => inline(ctx, c, f, styleIds.hyperlink)).join("");
    const id = ctx.rels.add("hyperlink", url, true);
    return `<w:hyperlink r:id="${id}" w:history="1">${runs}</w:hyperlink>`;
  }
  report(
    ctx,
    node,
    "markdown.link_scheme",
    `link to "${url}" is not http(s) or mailto, so it is shown as text`,
  );
  return children.map((c) => inline(ctx, c, f)).join("");
}

/** The drawing for an image node, or its alt text when the image could not be loaded. */
function image(
  ctx: RenderContext,
  node: Image | ImageReference,
  url: string,
  title: string | null | undefined,
  f: RunFormat,
): string {
  const alt = node.alt ?? "";
  // An image titled "decorative" has no alt text on purpose (it says nothing the text does not).
  if (alt.trim() === "" && title !== "decorative") {
    report(ctx, node, "markdown.image_alt", `image "${url}" has no alt text`);
  }
  const loaded = ctx.images.get(url);
  if (!loaded) return alt ? text(`[${alt}]`, f) : "";
  const icon = isIcon(url, title);
  const size = fitSize(loaded.size, icon, textWidthPx, maxImageHeightPx);
  const name = url.split("/").pop() ?? url;
  return drawing(ctx, loaded, size, { name, title: alt, description: alt });
}

function html(ctx: RenderContext, node: Node & { value: string }, f: RunFormat): string {
  const value = node.value.trim();
  if (isPageBreak(value)) return pageBreak;
  if (lineBreakTag.test(value)) return lineBreak;
  if (isComment(value)) {
    report(ctx, node, "markdown.raw_html", "HTML comment left out of the DOCX", "info");
    return "";
  }
  report(
    ctx,
    node,
    "markdown.raw_html",
    `raw HTML ${JSON.stringify(truncate(value))} is shown as text`,
  );
  return text(node.value, f);
}

const truncate = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

/** Maps one phrasing node to runs; `style` is a character style for every run (links). */
export function inline(
  ctx: RenderContext,
  node: PhrasingContent,
  f: RunFormat,
  style?: string,
): string {
  switch (node.type) {
    case "text":
      return text(node.value, f, style);
    case "emphasis":
      return node.children.map((c) => inline(ctx, c, { ...f, italics: true }, style)).join("");
    case "strong":
      return node.children.map((c) => inline(ctx, c, { ...f, bold: true }, style)).join("");
    case "inlineCode":
      return text(node.value, { ...f, code: true }, style);
    case "break":
      return lineBreak;
    case "link":
      return link(ctx, node, node.url, node.children, f);
    case "linkReference": {
      const def = ctx.definitions.get(node.identifier.toLowerCase());
      if (def) return link(ctx, node, def.url, node.children, f);
      return node.children.map((c) => inline(ctx, c, f, style)).join("");
    }
    case "image":
      return image(ctx, node, node.url, node.title, f);
    case "imageReference": {
      const def = ctx.definitions.get(node.identifier.toLowerCase());
      return def ? image(ctx, node, def.url, def.title, f) : text(node.alt ?? "", f);
    }
    case "html":
      return html(ctx, node, f);
    default:
      reportUnsupported(ctx, node);
      return text(plainText(node), f, style);
  }
}
