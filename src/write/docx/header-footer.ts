// The page header (logo and text, e.g. "Trust — Board, 4 July 2024") and footer (text and
// "Page X of Y" from Word's PAGE and NUMPAGES fields) of the DOCX.
import { Footer, Header, ImageRun, PageNumber, Paragraph, TabStopType, TextRun } from "docx";
import { diagnostic } from "../../diagnostics/diagnostic.js";
import type { RenderContext } from "./context.js";
import { fitSize, jpegSize, pngSize, pxPerCm, sniffImage } from "./images.js";
import { hex, textWidthTwips } from "./styles.js";

/** Header and footer text size in half-points (9 pt). */
const smallSize = 18;
const logoHeightPx = Math.round(1.2 * pxPerCm);

function logoRun(ctx: RenderContext, logo: Uint8Array): ImageRun | undefined {
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
  const id = ctx.nextDrawingId();
  return new ImageRun({
    type: kind,
    data: logo,
    transformation: fitSize({ width, height }, false, width, height),
    altText: { id: String(id), name: "logo", title: "Logo", description: "Organisation logo" },
  });
}

export function pageHeader(
  ctx: RenderContext,
  text: string | undefined,
  logo: Uint8Array | undefined,
): Header | undefined {
  const image = logo ? logoRun(ctx, logo) : undefined;
  if (!image && !text) return undefined;
  const colour = hex(ctx.style.colours.text);
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidthTwips }],
        children: [
          ...(image ? [image] : []),
          ...(text ? [new TextRun({ text: `\t${text}`, size: smallSize, color: colour })] : []),
        ],
      }),
    ],
  });
}

export function pageFooter(ctx: RenderContext, text: string | undefined): Footer {
  const colour = hex(ctx.style.colours.text);
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidthTwips }],
        children: [
          new TextRun({
            size: smallSize,
            color: colour,
            children: [
              ...(text ? [text] : []),
              "\tPage ",
              PageNumber.CURRENT,
              " of ",
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}
