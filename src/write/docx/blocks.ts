// Maps mdast block content onto WordprocessingML paragraphs and tables: headings as Word heading styles,
// paragraphs, nested bulleted and numbered lists, GFM tables in the house style (repeating
// header row, rows that do not split, full width, no merged cells), quotes, code, rules and
// page breaks. Anything else becomes a `markdown.unsupported` diagnostic and is shown as text.
import type {
  Blockquote,
  Code,
  Heading,
  List,
  Node,
  PhrasingContent,
  RootContent,
  Table as MdTable,
} from "mdast";
import { report, type RenderContext } from "./context.js";
import {
  inline,
  isComment,
  isPageBreak,
  pageBreak,
  plainText,
  reportUnsupported,
} from "./inline.js";
import { hex, listIndent, styleIds, textWidthTwips } from "./styles.js";
import { esc, paragraphXml, textRun, type ParagraphProps } from "./xml.js";

/** Where a block sits: its paragraph style, list indent and whether it is in a table. */
interface BlockPlace {
  style?: string;
  /** Keep this paragraph on the same page as the next block (text that introduces a chart). */
  keepNext?: boolean;
  /** List nesting of the enclosing list item (0 = top level), for paragraphs after the first. */
  indentLevel?: number;
}

/** A paragraph that takes a pending page break (from `<!-- pagebreak -->`) when there is one. */
function paragraph(ctx: RenderContext, props: ParagraphProps, content: string): string {
  const breakBefore = ctx.pageBreakPending;
  ctx.pageBreakPending = false;
  return paragraphXml(breakBefore ? { ...props, pageBreakBefore: true } : props, content);
}

function placeProps(place: BlockPlace): ParagraphProps {
  return {
    ...(place.style ? { style: place.style } : {}),
    ...(place.indentLevel !== undefined ? { indentLeft: listIndent(place.indentLevel) } : {}),
    ...(place.keepNext ? { keepNext: true } : {}),
  };
}

/** True for a paragraph made only of images: a chart, or a row of icons. */
export function isImageParagraph(node: RootContent | undefined): boolean {
  return node?.type === "paragraph" && onlyImages(node.children);
}

/** A paragraph made only of images (a chart) is centred and kept with the next paragraph. */
function onlyImages(children: readonly Node[]): boolean {
  const visible = children.filter((c) => !(c.type === "text" && plainText(c).trim() === ""));
  return (
    visible.length > 0 && visible.every((c) => c.type === "image" || c.type === "imageReference")
  );
}

const inlines = (ctx: RenderContext, nodes: readonly PhrasingContent[]): string =>
  nodes.map((c) => inline(ctx, c, {})).join("");

function heading(ctx: RenderContext, node: Heading): string {
  return paragraph(ctx, { style: `Heading${node.depth}` }, inlines(ctx, node.children));
}

function list(ctx: RenderContext, node: List, level: number, place: BlockPlace): string {
  const ordered = node.ordered === true;
  ctx.lists.push({ ordered, start: ordered ? (node.start ?? 1) : 1 });
  const numbering = { numId: ctx.lists.length, level };
  // Numbered paragraphs take Word's List Paragraph style unless they are in a quote.
  const numbered: ParagraphProps = { style: place.style ?? styleIds.listParagraph, numbering };
  let out = "";
  for (const item of node.children) {
    let first = true;
    for (const child of item.children) {
      if (child.type === "list") {
        out += list(ctx, child, Math.min(level + 1, 8), place);
      } else if (first && child.type === "paragraph") {
        out += paragraph(ctx, numbered, inlines(ctx, child.children));
      } else {
        if (first) {
          // An item that starts with something other than a paragraph still gets its number.
          out += paragraph(ctx, { style: styleIds.listParagraph, numbering }, "");
        }
        out += block(ctx, child, {
          ...(place.style ? { style: place.style } : {}),
          indentLevel: level,
        });
      }
      first = false;
    }
    if (item.children.length === 0)
      out += paragraph(ctx, { style: styleIds.listParagraph, numbering }, "");
  }
  return out;
}

/** Characters an inline image counts as when sharing out column widths. */
const imageChars = 8;

/** The text of a cell without its images, and how many images it has. */
function cellContent(cell: MdTable["children"][number]["children"][number] | undefined) {
  if (!cell) return { text: "", images: 0 };
  const isImage = (n: Node) => n.type === "image" || n.type === "imageReference";
  const text = cell.children
    .filter((n) => !isImage(n))
    .map(plainText)
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return { text, images: cell.children.filter(isImage).length };
}

/** Average width of a bold character in Arial, in em: enough to size a column for a word. */
const charEm = 0.62;
/** Left plus right cell margin, in twips. */
const cellMargins = 200;

/**
 * Column widths in twips that add up to the text width. Each column's share follows its longest
 * cell (in characters, images counted as a few), kept between 4 and 40 characters so that
 * neither a short nor a very long column takes over; then any column too narrow for its longest
 * word (at `fontSize` points) is widened, taking the room from the columns with room to spare.
 */
export function columnWidths(node: MdTable, columns: number, fontSize = 11): number[] {
  const cells = Array.from({ length: columns }, (_, c) =>
    node.children.map((row) => cellContent(row.children[c])),
  );
  // Columns share the width by the square root of their cells' mean length, so a column of
  // long sentences gets room without starving the short ones (longest words are kept below).
  const weights = cells.map((col) => {
    const body = col.length > 1 ? col.slice(1) : col;
    const lengths = body.map((x) => x.text.length + x.images * imageChars);
    return Math.sqrt(Math.max(4, lengths.reduce((a, b) => a + b, 0) / lengths.length));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (textWidthTwips * w) / total);
  const fair = textWidthTwips / columns;
  const mins = cells.map((col) => {
    const word = Math.max(0, ...col.flatMap((x) => x.text.split(" ").map((w) => w.length)));
    return Math.min(fair, word * charEm * fontSize * 20 + cellMargins);
  });
  for (let round = 0; round < columns; round++) {
    const deficit = widths.reduce((sum, w, c) => sum + Math.max(0, (mins[c] as number) - w), 0);
    if (deficit < 1) break;
    const spare = widths.reduce((sum, w, c) => sum + Math.max(0, w - (mins[c] as number)), 0);
    for (let c = 0; c < columns; c++) {
      const min = mins[c] as number;
      const w = widths[c] as number;
      widths[c] = w < min ? min : w - (deficit * (w - min)) / spare;
    }
  }
  const whole = widths.map((w) => Math.floor(w));
  whole[columns - 1] =
    (whole[columns - 1] ?? 0) + textWidthTwips - whole.reduce((a, b) => a + b, 0);
  return whole;
}

const tableBorder = 'w:val="single" w:color="A6A6A6" w:sz="4"';
const tableProps =
  '<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>' +
  ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => `<w:${side} ${tableBorder}/>`)
    .join("") +
  '</w:tblBorders><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>' +
  '<w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>';

function table(ctx: RenderContext, node: MdTable): string {
  const columns = Math.max(node.align?.length ?? 0, ...node.children.map((r) => r.children.length));
  const widths = columnWidths(node, columns, ctx.style.font_size);
  const headerShading = `<w:shd w:val="clear" w:color="auto" w:fill="${esc(hex(ctx.style.colours.table_header))}"/>`;
  const rows = node.children.map((row, r) => {
    const header = r === 0;
    let cells = "";
    for (let c = 0; c < columns; c++) {
      const cell = row.children[c];
      const align = node.align?.[c];
      const content = cell
        ? cell.children
            .map((n) => inline(ctx, n, header ? { bold: true, color: "FFFFFF" } : {}))
            .join("")
        : "";
      cells +=
        `<w:tc><w:tcPr><w:tcW w:w="${widths[c] as number}" w:type="dxa"/>${header ? headerShading : ""}` +
        `<w:vAlign w:val="center"/></w:tcPr>` +
        paragraphXml(
          {
            style: styleIds.tableText,
            ...(header ? { keepNext: true } : {}),
            ...(align ? { align } : {}),
          },
          content,
        ) +
        "</w:tc>";
    }
    return `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${cells}</w:tr>`;
  });
  let out = "";
  if (ctx.pageBreakPending) out += paragraph(ctx, {}, pageBreak);
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  out += `<w:tbl>${tableProps}<w:tblGrid>${grid}</w:tblGrid>${rows.join("")}</w:tbl>`;
  // A paragraph after a table keeps two tables in a row from merging into one.
  out += paragraphXml({ style: styleIds.tableText }, "");
  return out;
}

function code(ctx: RenderContext, node: Code, place: BlockPlace): string {
  return node.value
    .split(/\r?\n/)
    .map((line) =>
      paragraph(
        ctx,
        { ...placeProps(place), style: styleIds.code },
        textRun(line, { noProof: true }),
      ),
    )
    .join("");
}

function blockquote(ctx: RenderContext, node: Blockquote, place: BlockPlace): string {
  return node.children.map((c) => block(ctx, c, { ...place, style: styleIds.quote })).join("");
}

/** Maps one block node to WordprocessingML paragraphs and tables. */
export function block(ctx: RenderContext, node: RootContent, place: BlockPlace = {}): string {
  switch (node.type) {
    case "heading":
      return heading(ctx, node);
    case "paragraph": {
      const centred: ParagraphProps = onlyImages(node.children) ? { align: "center" } : {};
      return paragraph(ctx, { ...placeProps(place), ...centred }, inlines(ctx, node.children));
    }
    case "list":
      return list(ctx, node, place.indentLevel !== undefined ? place.indentLevel + 1 : 0, place);
    case "table":
      return table(ctx, node);
    case "blockquote":
      return blockquote(ctx, node, place);
    case "code":
      return code(ctx, node, place);
    case "thematicBreak":
      return paragraph(ctx, { bottomBorder: true }, "");
    case "html": {
      if (isPageBreak(node.value)) {
        ctx.pageBreakPending = true;
        return "";
      }
      if (isComment(node.value)) {
        report(ctx, node, "markdown.raw_html", "HTML comment left out of the DOCX", "info");
        return "";
      }
      report(ctx, node, "markdown.raw_html", "raw HTML block is shown as text");
      return node.value
        .split(/\r?\n/)
        .map((line) => paragraph(ctx, placeProps(place), textRun(line)))
        .join("");
    }
    case "definition":
      // Used through link and image references; nothing to draw.
      return "";
    default: {
      reportUnsupported(ctx, node);
      return paragraph(ctx, placeProps(place), textRun(plainText(node)));
    }
  }
}
