// Markdown → DOCX: parses the Markdown to mdast, loads its images, maps the tree onto docx in
// the house style (or a trust's reference DOCX styles), packs it and then makes the package
// byte-for-byte deterministic (fixed dates, ids and zip entry times). The DOCX writer's entry.
import type { Definition, Image, ImageReference, Node, Root } from "mdast";
import { Document, Packer, Paragraph, type FileChild, type IPropertiesOptions } from "docx";
import {
  diagnostic,
  FatalError,
  sortDiagnostics,
  type Diagnostic,
} from "../../diagnostics/diagnostic.js";
import { parseMarkdown } from "../markdown-ast.js";
import { block, isImageParagraph } from "./blocks.js";
import { createContext, report, type LoadedImage, type RenderContext } from "./context.js";
import { pageFooter, pageHeader } from "./header-footer.js";
import { jpegSize, pngSize, sniffImage, svgSize } from "./images.js";
import { fixCoreProperties, fixRelationshipIds } from "./normalise.js";
import { houseStyles, language, numbering, page, type HouseStyle } from "./styles.js";
import { referenceStyles } from "./reference-styles.js";
import { bytesOf, textOf, unzipParts, zipParts, type Parts } from "./zip.js";

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

const placeholderMark = "board-spotlight:media:";

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Placeholder tokens → the image bytes (or the PNG still being drawn) they stand for. */
type Media = Map<string, Uint8Array | Promise<Uint8Array>>;

/**
 * docx names each image by a SHA-1 of its bytes (in JavaScript) and deflates it into the zip,
 * which zipParts then undoes: for charts that is most of the packing time. So docx is given a
 * short placeholder per distinct image instead (same bytes → same placeholder, so it shares one
 * media part as before) and {@link restoreMedia} puts the real bytes back after packing. A PNG
 * still being drawn gets a placeholder of its own.
 */
function usePlaceholders(images: RenderContext["images"]): Media {
  const real: Media = new Map();
  const byLength = new Map<number, [Uint8Array, Uint8Array][]>();
  const token = (data: Uint8Array | Promise<Uint8Array>): Uint8Array => {
    const name = `${placeholderMark}${real.size}`;
    real.set(name, data);
    return new TextEncoder().encode(name);
  };
  const placeholder = (data: Uint8Array | Promise<Uint8Array>): Uint8Array => {
    if (!(data instanceof Uint8Array)) return token(data);
    const same = byLength.get(data.length) ?? [];
    const found = same.find(([bytes]) => bytes === data || sameBytes(bytes, data));
    if (found) return found[1];
    const bytes = token(data);
    byLength.set(data.length, [...same, [data, bytes]]);
    return bytes;
  };
  for (const [url, loaded] of images) {
    if (!loaded) continue;
    images.set(url, {
      ...loaded,
      data: placeholder(loaded.data),
      ...(loaded.fallback ? { fallback: placeholder(loaded.fallback) } : {}),
    });
  }
  return real;
}

/** Puts the real image bytes in place of the placeholders docx packed. */
async function restoreMedia(parts: Parts, real: Media): Promise<void> {
  const longest = placeholderMark.length + 12;
  for (const [name, bytes] of parts) {
    if (!name.startsWith("word/media/") || bytes.length > longest) continue;
    const data = real.get(textOf(bytes));
    if (data) parts.set(name, await data);
  }
}

type PartData = string | Uint8Array | ArrayBuffer;

/** docx's compiler (`Packer.compiler`, not in its typings) when this version of docx has one. */
function docxCompiler(): ((doc: Document) => Map<string, PartData>) | undefined {
  const compiler = (Packer as unknown as { compiler?: { compile?: unknown } }).compiler;
  if (typeof compiler?.compile !== "function") return undefined;
  const compile = compiler.compile as (doc: Document) => Map<string, PartData>;
  return (doc) => compile.call(compiler, doc);
}

/**
 * The package's parts. docx's Packer deflates every part into a zip that zipParts would only
 * inflate again, so its compiler is asked for the parts themselves; the Packer stays as the way
 * when a docx version has no compiler (the test of this module checks which way is taken).
 */
export async function packageParts(doc: Document): Promise<Parts> {
  const compile = docxCompiler();
  if (!compile) return unzipParts(new Uint8Array(await Packer.toBuffer(doc)));
  const parts: Parts = new Map();
  for (const [name, data] of compile(doc)) {
    parts.set(
      name,
      typeof data === "string"
        ? bytesOf(data)
        : data instanceof Uint8Array
          ? data
          : new Uint8Array(data),
    );
  }
  return parts;
}

/** True when {@link packageParts} uses docx's compiler rather than unzipping its Packer's zip. */
export const packsWithoutZip = (): boolean => docxCompiler() !== undefined;

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
  const root = parseMarkdown(markdown);
  const found = collect(root);
  ctx.definitions = found.definitions;
  await loadImages(ctx, found.images, opts.loadImage);
  const media = usePlaceholders(ctx.images);

  // A paragraph just before a chart stays on the chart's page (headings already keep with next).
  const children: FileChild[] = root.children.flatMap((node, i) =>
    block(ctx, node, isImageParagraph(root.children[i + 1]) ? { keepNext: true } : {}),
  );
  // Word wants at least one paragraph in the body.
  if (children.length === 0) children.push(new Paragraph({ children: [] }));
  const header = pageHeader(ctx, opts.header, opts.logo);
  const footer = pageFooter(ctx, opts.footer);

  let styling: Pick<IPropertiesOptions, "styles" | "externalStyles"> = {
    styles: houseStyles(opts.style),
  };
  if (opts.referenceDocx) {
    const ref = referenceStyles(opts.referenceDocx, opts.style);
    if (typeof ref === "string") {
      ctx.diagnostics.push(diagnostic({ code: "style.reference_docx", message: ref }));
    } else {
      styling = ref;
    }
  }

  const { title, author, subject, description } = opts.properties;
  const doc = new Document({
    title,
    ...(author ? { creator: author } : {}),
    ...(subject ? { subject } : {}),
    ...(description ? { description } : {}),
    lastModifiedBy: author ?? "board-spotlight",
    revision: 1,
    ...styling,
    numbering: numbering([...ctx.numberStarts]),
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: {
              top: page.margin,
              bottom: page.margin,
              left: page.margin,
              right: page.margin,
              header: 708,
              footer: 708,
            },
          },
        },
        ...(header ? { headers: { default: header } } : {}),
        footers: { default: footer },
        children,
      },
    ],
  });

  let parts: Parts;
  try {
    parts = await packageParts(doc);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new FatalError(
      diagnostic({
        code: "internal.error",
        file: opts.file,
        message: `could not build the DOCX: ${message}`,
      }),
      { cause: e },
    );
  }
  await restoreMedia(parts, media);
  fixCoreProperties(parts, opts.properties.date, language);
  fixRelationshipIds(parts);
  const docx = zipParts(parts, {
    year: Number(date[1]),
    month: Number(date[2]),
    day: Number(date[3]),
  });
  return { docx, diagnostics: sortDiagnostics(ctx.diagnostics) };
}
