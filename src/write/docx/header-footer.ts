// The page header (logo and text, e.g. "Trust — Board, 4 July 2024") and footer (text and
// "Page X of Y" from Word's PAGE and NUMPAGES fields) of the DOCX, each a part with its own
// relationships.
import { diagnostic } from "../../diagnostics/diagnostic.js";
import type { RenderContext } from "./context.js";
import { fitSize, jpegSize, pngSize, pxPerCm, sniffImage } from "./images.js";
import { drawing } from "./inline.js";
import { Relationships } from "./parts.js";
import { hex, textWidthTwips } from "./styles.js";
import {
  bodyNamespaces,
  paragraphXml,
  runProps,
  textRun,
  xmlDeclaration,
  type RunProps,
} from "./xml.js";

/** Header and footer text size in half-points (9 pt). */
const smallSize = 18;
const logoHeightPx = Math.round(1.2 * pxPerCm);

/** A header or footer part: its XML and its relationships. */
export interface HeaderFooterPart {
  xml: string;
  rels: Relationships;
}

function logoRun(ctx: RenderContext, logo: Uint8Array): string | undefined {
  const kind = sniffImage(logo);
  const natural = kind === "png" ? pngSize(logo) : kind === "jpg" ? jpegSize(logo) : undefined;
  if ((kind !== "png" && kind !== "jpg") || !natural) {
    ctx.diagnostics.push(
      diagnostic({
        severity: "warning",
        code: "markdown.unsupported",
        message: "the logo is not a PNG or JPEG file, so the header has no logo",
      }),
    );
    return undefined;
  }
  const height = logoHeightPx;
  const width = Math.round((natural.width / natural.height) * height);
  return drawing(
    ctx,
    { kind, data: logo, size: natural },
    fitSize({ width, height }, false, width, height),
    { name: "logo", title: "Logo", description: "Organisation logo" },
  );
}

/** Builds a part whose images and links go into its own relationships. */
function part(ctx: RenderContext, root: "w:hdr" | "w:ftr", build: () => string): HeaderFooterPart {
  const documentRels = ctx.rels;
  const rels = new Relationships();
  ctx.rels = rels;
  try {
    return { xml: `${xmlDeclaration}<${root} ${bodyNamespaces}>${build()}</${root}>`, rels };
  } finally {
    ctx.rels = documentRels;
  }
}

const rightTab = [{ type: "right" as const, position: textWidthTwips }];

export function pageHeader(
  ctx: RenderContext,
  text: string | undefined,
  logo: Uint8Array | undefined,
): HeaderFooterPart | undefined {
  if (!logo && !text) return undefined;
  const header = part(ctx, "w:hdr", () => {
    const image = logo ? logoRun(ctx, logo) : undefined;
    const props: RunProps = { size: smallSize, color: hex(ctx.style.colours.text) };
    return paragraphXml(
      { tabs: rightTab },
      (image ?? "") + (text ? textRun(`\t${text}`, props) : ""),
    );
  });
  // A logo that could not be used and no text: no header at all.
  return header.rels.size === 0 && !text ? undefined : header;
}

/** A Word field (PAGE, NUMPAGES) as the runs that hold it. */
function field(instruction: string, rPr: string): string {
  const run = (inner: string) => `<w:r>${rPr}${inner}</w:r>`;
  return (
    run('<w:fldChar w:fldCharType="begin"/>') +
    run(`<w:instrText xml:space="preserve">${instruction}</w:instrText>`) +
    run('<w:fldChar w:fldCharType="separate"/>') +
    run("<w:t>1</w:t>") +
    run('<w:fldChar w:fldCharType="end"/>')
  );
}

export function pageFooter(ctx: RenderContext, text: string | undefined): HeaderFooterPart {
  const props: RunProps = { size: smallSize, color: hex(ctx.style.colours.text) };
  const rPr = runProps(props);
  return part(ctx, "w:ftr", () =>
    paragraphXml(
      { tabs: rightTab },
      textRun(`${text ?? ""}\tPage `, props) +
        field("PAGE", rPr) +
        textRun(" of ", props) +
        field("NUMPAGES", rPr),
    ),
  );
}
