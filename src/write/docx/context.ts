// The state one DOCX render carries while it walks the mdast tree: where diagnostics go, the
// images already loaded, link definitions, the relationships of the part being written, the
// media parts, the lists, and per-document counters (drawing ids) so that names and ids never
// depend on what else the process rendered before.
import type { Definition, Node } from "mdast";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../../diagnostics/codes.js";
import type { ImageKind, PixelSize } from "./images.js";
import type { HouseStyle, ListDefinition } from "./styles.js";
import { Media, Relationships } from "./parts.js";

/** An image ready to embed: its bytes, kind, natural size and (for SVG) its PNG fallback. */
export interface LoadedImage {
  kind: ImageKind;
  data: Uint8Array;
  size: PixelSize;
  /** PNG shown by programs that cannot draw SVG (still being drawn, for a chart). */
  fallback?: Uint8Array | Promise<Uint8Array>;
}

export interface RenderContext {
  file: string;
  style: HouseStyle;
  diagnostics: Diagnostic[];
  definitions: Map<string, Definition>;
  /** Loaded images by their Markdown URL; undefined when the file could not be used. */
  images: Map<string, LoadedImage | undefined>;
  /** The lists seen, in order; list n (from 1) is numbering instance n. */
  lists: ListDefinition[];
  /** Relationships of the part being written (the document, or the header). */
  rels: Relationships;
  /** The package's media parts. */
  media: Media;
  nextDrawingId: () => number;
  /** Set by `<!-- pagebreak -->`; the next block starts on a new page. */
  pageBreakPending: boolean;
}

export function createContext(file: string, style: HouseStyle): RenderContext {
  let drawing = 0;
  return {
    file,
    style,
    diagnostics: [],
    definitions: new Map(),
    images: new Map(),
    lists: [],
    rels: new Relationships(),
    media: new Media(),
    nextDrawingId: () => ++drawing,
    pageBreakPending: false,
  };
}

/** Records a diagnostic at the node's start position. */
export function report(
  ctx: RenderContext,
  node: Node | undefined,
  code: DiagnosticCode,
  message: string,
  severity: Diagnostic["severity"] = "warning",
): void {
  const start = node?.position?.start;
  ctx.diagnostics.push(
    diagnostic({
      code,
      message,
      severity,
      file: ctx.file,
      ...(start ? { line: start.line, column: start.column } : {}),
    }),
  );
}
