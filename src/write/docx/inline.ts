// Maps mdast phrasing content (text, emphasis, strong, code, links, images, breaks, inline HTML)
// onto docx runs. Links become hyperlinks only for http(s) and mailto; images become drawings
// with alt text; raw HTML is shown as literal text with a diagnostic, never passed through.
import type { Image, ImageReference, Node, Nodes, PhrasingContent } from "mdast";
import { nodeText } from "../markdown-ast.js";
import { ExternalHyperlink, ImageRun, PageBreak, TextRun, type ParagraphChild } from "docx";
import { report, type RenderContext } from "./context.js";
import { fitSize, isIcon } from "./images.js";
import { maxImageHeightPx, monospaceFont, textWidthPx } from "./styles.js";

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

function text(value: string, f: RunFormat, style?: string): TextRun {
  return new TextRun({
    text: value.replace(/\r?\n/g, " "),
    ...(f.bold ? { bold: true } : {}),
    ...(f.italics ? { italics: true } : {}),
    ...(f.color ? { color: f.color } : {}),
    ...(f.code ? { font: monospaceFont, noProof: true } : {}),
    ...(style ? { style } : {}),
  });
}

const allowedLink = /^(https?:\/\/|mailto:)/i;

function link(
  ctx: RenderContext,
  node: Node,
  url: string,
  children: PhrasingContent[],
  f: RunFormat,
): ParagraphChild[] {
  if (allowedLink.test(url)) {
    const runs = children.flatMap((c) => inline(ctx, c, f, "Hyperlink"));
    return [new ExternalHyperlink({ link: url, children: runs })];
  }
  report(
    ctx,
    node,
    "markdown.link_scheme",
    `link to "${url}" is not http(s) or mailto, so it is shown as text`,
  );
  return children.flatMap((c) => inline(ctx, c, f));
}

/** The drawing for an image node, or its alt text when the image could not be loaded. */
function image(
  ctx: RenderContext,
  node: Image | ImageReference,
  url: string,
  title: string | null | undefined,
  f: RunFormat,
): ParagraphChild[] {
  const alt = node.alt ?? "";
  // An image titled "decorative" has no alt text on purpose (it says nothing the text does not).
  if (alt.trim() === "" && title !== "decorative") {
    report(ctx, node, "markdown.image_alt", `image "${url}" has no alt text`);
  }
  const loaded = ctx.images.get(url);
  if (!loaded) return alt ? [text(`[${alt}]`, f)] : [];
  const icon = isIcon(url, title);
  const size = fitSize(loaded.size, icon, textWidthPx, maxImageHeightPx);
  const name = url.split("/").pop() ?? url;
  const id = ctx.nextDrawingId();
  const common = {
    transformation: size,
    altText: { id: String(id), name, title: alt, description: alt },
  };
  if (loaded.kind === "svg") {
    return [
      new ImageRun({
        ...common,
        type: "svg",
        data: loaded.data,
        fallback: { type: "png", data: loaded.fallback as Uint8Array },
      }),
    ];
  }
  return [new ImageRun({ ...common, type: loaded.kind, data: loaded.data })];
}

function html(ctx: RenderContext, node: Node & { value: string }, f: RunFormat): ParagraphChild[] {
  const value = node.value.trim();
  if (isPageBreak(value)) return [new PageBreak()];
  if (lineBreakTag.test(value)) return [new TextRun({ break: 1 })];
  if (isComment(value)) {
    report(ctx, node, "markdown.raw_html", "HTML comment left out of the DOCX", "info");
    return [];
  }
  report(
    ctx,
    node,
    "markdown.raw_html",
    `raw HTML ${JSON.stringify(truncate(value))} is shown as text`,
  );
  return [text(node.value, f)];
}

const truncate = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

/** Maps one phrasing node to runs; `style` is a character style for every run (links). */
export function inline(
  ctx: RenderContext,
  node: PhrasingContent,
  f: RunFormat,
  style?: string,
): ParagraphChild[] {
  switch (node.type) {
    case "text":
      return [text(node.value, f, style)];
    case "emphasis":
      return node.children.flatMap((c) => inline(ctx, c, { ...f, italics: true }, style));
    case "strong":
      return node.children.flatMap((c) => inline(ctx, c, { ...f, bold: true }, style));
    case "inlineCode":
      return [text(node.value, { ...f, code: true }, style)];
    case "break":
      return [new TextRun({ break: 1 })];
    case "link":
      return link(ctx, node, node.url, node.children, f);
    case "linkReference": {
      const def = ctx.definitions.get(node.identifier.toLowerCase());
      if (def) return link(ctx, node, def.url, node.children, f);
      return node.children.flatMap((c) => inline(ctx, c, f, style));
    }
    case "image":
      return image(ctx, node, node.url, node.title, f);
    case "imageReference": {
      const def = ctx.definitions.get(node.identifier.toLowerCase());
      return def ? image(ctx, node, def.url, def.title, f) : [text(node.alt ?? "", f)];
    }
    case "html":
      return html(ctx, node, f);
    default:
      reportUnsupported(ctx, node);
      return [text(plainText(node), f, style)];
  }
}
