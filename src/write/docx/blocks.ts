// Maps mdast block content onto docx paragraphs and tables: headings as Word heading styles,
// paragraphs, nested bulleted and numbered lists, GFM tables in the house style (repeating
// header row, rows that do not split, full width, no merged cells), quotes, code, rules and
// page breaks. Anything else becomes a `markdown.unsupported` diagnostic and is shown as text.
import type { Blockquote, Code, Heading, List, Node, RootContent, Table as MdTable } from "mdast";
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import { report, type RenderContext } from "./context.js";
import { inline, isComment, isPageBreak, plainText, reportUnsupported } from "./inline.js";
import {
  bulletReference,
  hex,
  listIndent,
  numberReference,
  styleIds,
  textWidthTwips,
} from "./styles.js";

/** Where a block sits: its paragraph style, list indent and whether it is in a table. */
interface BlockPlace {
  style?: string;
  /** Keep this paragraph on the same page as the next block (text that introduces a chart). */
  keepNext?: boolean;
  /** List nesting of the enclosing list item (0 = top level), for paragraphs after the first. */
  indentLevel?: number;
}

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A paragraph that takes a pending page break (from `<!-- pagebreak -->`) when there is one. */
function paragraph(ctx: RenderContext, options: IParagraphOptions): Paragraph {
  const breakBefore = ctx.pageBreakPending;
  ctx.pageBreakPending = false;
  return new Paragraph({ ...options, ...(breakBefore ? { pageBreakBefore: true } : {}) });
}

function placeOptions(place: BlockPlace): IParagraphOptions {
  return {
    ...(place.style ? { style: place.style } : {}),
    ...(place.indentLevel !== undefined ? { indent: { left: listIndent(place.indentLevel) } } : {}),
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

function heading(ctx: RenderContext, node: Heading): Paragraph {
  const children = node.children.flatMap((c) => inline(ctx, c, {}));
  return paragraph(ctx, { heading: headingLevels[node.depth - 1], children });
}

function list(ctx: RenderContext, node: List, level: number, place: BlockPlace): FileChild[] {
  const ordered = node.ordered === true;
  const start = node.start ?? 1;
  if (ordered) ctx.numberStarts.add(start);
  const instance = ctx.nextListInstance();
  const numbering = ordered
    ? { reference: numberReference(start), level, instance }
    : { reference: bulletReference, level, instance };
  const out: FileChild[] = [];
  for (const item of node.children) {
    let first = true;
    for (const child of item.children) {
      if (child.type === "list") {
        out.push(...list(ctx, child, Math.min(level + 1, 8), place));
      } else if (first && child.type === "paragraph") {
        const children = child.children.flatMap((c) => inline(ctx, c, {}));
        out.push(paragraph(ctx, { ...placeOptions({ style: place.style }), numbering, children }));
      } else {
        if (first) {
          // An item that starts with something other than a paragraph still gets its number.
          out.push(paragraph(ctx, { numbering, children: [] }));
        }
        out.push(...block(ctx, child, { style: place.style, indentLevel: level }));
      }
      first = false;
    }
    if (item.children.length === 0) out.push(paragraph(ctx, { numbering, children: [] }));
  }
  return out;
}

const alignments = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
} as const;

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

function table(ctx: RenderContext, node: MdTable): FileChild[] {
  const columns = Math.max(node.align?.length ?? 0, ...node.children.map((r) => r.children.length));
  const widths = columnWidths(node, columns, ctx.style.font_size);
  const headerFill = hex(ctx.style.colours.table_header);
  const border = { style: BorderStyle.SINGLE, size: 4, color: "A6A6A6" };
  const rows = node.children.map((row, r) => {
    const header = r === 0;
    const cells = Array.from({ length: columns }, (_, c) => {
      const cell = row.children[c];
      const align = node.align?.[c];
      const children: ParagraphChild[] = cell
        ? cell.children.flatMap((n) =>
            inline(ctx, n, header ? { bold: true, color: "FFFFFF" } : {}),
          )
        : [];
      return new TableCell({
        width: { size: widths[c] as number, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(header
          ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: headerFill } }
          : {}),
        children: [
          new Paragraph({
            style: styleIds.tableText,
            ...(align ? { alignment: alignments[align] } : {}),
            ...(header ? { keepNext: true } : {}),
            children,
          }),
        ],
      });
    });
    return new TableRow({
      children: cells,
      cantSplit: true,
      ...(header ? { tableHeader: true } : {}),
    });
  });
  const out: FileChild[] = [];
  if (ctx.pageBreakPending) out.push(paragraph(ctx, { children: [new PageBreak()] }));
  out.push(
    new Table({
      rows,
      width: { size: "100%", type: WidthType.PERCENTAGE },
      columnWidths: widths,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
    }),
  );
  // A paragraph after a table keeps two tables in a row from merging into one.
  out.push(new Paragraph({ style: styleIds.tableText, children: [] }));
  return out;
}

function code(ctx: RenderContext, node: Code, place: BlockPlace): FileChild[] {
  return node.value.split(/\r?\n/).map((line) =>
    paragraph(ctx, {
      ...placeOptions(place),
      style: styleIds.code,
      children: [new TextRun({ text: line, noProof: true })],
    }),
  );
}

function blockquote(ctx: RenderContext, node: Blockquote, place: BlockPlace): FileChild[] {
  return node.children.flatMap((c) => block(ctx, c, { ...place, style: styleIds.quote }));
}

/** Maps one block node to docx paragraphs and tables. */
export function block(ctx: RenderContext, node: RootContent, place: BlockPlace = {}): FileChild[] {
  switch (node.type) {
    case "heading":
      return [heading(ctx, node)];
    case "paragraph": {
      const children = node.children.flatMap((c) => inline(ctx, c, {}));
      const centred = onlyImages(node.children) ? { alignment: AlignmentType.CENTER } : {};
      return [paragraph(ctx, { ...placeOptions(place), ...centred, children })];
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
      return [
        paragraph(ctx, {
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: "A6A6A6" } },
          children: [],
        }),
      ];
    case "html": {
      if (isPageBreak(node.value)) {
        ctx.pageBreakPending = true;
        return [];
      }
      if (isComment(node.value)) {
        report(ctx, node, "markdown.raw_html", "HTML comment left out of the DOCX", "info");
        return [];
      }
      report(ctx, node, "markdown.raw_html", "raw HTML block is shown as text");
      return node.value
        .split(/\r?\n/)
        .map((line) => paragraph(ctx, { ...placeOptions(place), children: [new TextRun(line)] }));
    }
    case "definition":
      // Used through link and image references; nothing to draw.
      return [];
    default: {
      reportUnsupported(ctx, node);
      return [paragraph(ctx, { ...placeOptions(place), children: [new TextRun(plainText(node))] })];
    }
  }
}
