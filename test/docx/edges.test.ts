// Edge cases of the DOCX writer and the convert command's helpers: an SVG without its PNG
// fallback, a logo that is not an image, an empty document, SOURCE_DATE_EPOCH and the header
// template.
import type { Table } from "mdast";
import { describe, expect, it } from "vitest";
import { documentDate } from "../../src/cli/document-date.js";
import { fillPlaceholders } from "../../src/write/house-style.js";
import { FatalError } from "../../src/diagnostics/diagnostic.js";
import { columnWidths } from "../../src/write/docx/blocks.js";
import { textWidthTwips } from "../../src/write/docx/styles.js";
import { parseMarkdown } from "../../src/write/markdown-parse.js";
import { summariseDocx, unzipDocx } from "./docx-summary.js";
import { loadFixtureImage, renderMarkdown } from "./sample.js";

describe("DOCX writer edges", () => {
  it("embeds an SVG without a PNG beside it, with a warning and a stand-in fallback", async () => {
    const { docx, diagnostics } = await renderMarkdown(
      "Text\n\n![Falls chart](chart-falls.svg)\n",
      {
        loadImage: async (p) => (p.endsWith(".png") ? undefined : loadFixtureImage(p)),
      },
    );
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ["markdown.image_missing", "warning", 3, 1],
    ]);
    expect(diagnostics[0]?.message).toContain("chart-falls.png");
    const summary = summariseDocx(docx);
    expect(summary.images.map((i) => [i.name, i.svg, i.cm])).toEqual([
      ["chart-falls.svg", true, "15.9x8.9"],
    ]);
    expect(summary.parts.filter((p) => p.startsWith("word/media/"))).toEqual([
      "word/media/image1.png",
      "word/media/image1.svg",
    ]);
  });

  it("fails with a chart's own error when its PNG cannot be drawn, never as an unhandled rejection", async () => {
    const broken = new Error("chart could not be drawn");
    // The first chart's PNG fails at once; the second chart's SVG takes a turn of the event loop.
    const rendering = renderMarkdown(
      "![Falls chart](chart-falls.svg)\n\n![Second chart](second/chart-falls.svg)\n",
      {
        loadImage: (p) =>
          p === "chart-falls.png"
            ? Promise.reject(broken)
            : new Promise((resolve) =>
                setImmediate(() => resolve(loadFixtureImage(p.replace("second/", "")))),
              ),
      },
    );
    await expect(rendering).rejects.toBe(broken);
  });

  it("warns about a logo that is not a PNG or JPEG and leaves it out", async () => {
    const { docx, diagnostics } = await renderMarkdown("# Title\n", {
      logo: new TextEncoder().encode("<svg></svg>"),
    });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["markdown.unsupported", "warning"],
    ]);
    expect(summariseDocx(docx).images).toEqual([]);
  });

  it("writes an empty document with one empty paragraph", async () => {
    const { docx, diagnostics } = await renderMarkdown("");
    expect(diagnostics).toEqual([]);
    expect(summariseDocx(docx).paragraphs).toEqual(["Normal"]);
    expect(Object.keys(unzipDocx(docx))).toContain("word/document.xml");
  });

  it("rejects a date that is not YYYY-MM-DD (a caller bug)", async () => {
    await expect(
      renderMarkdown("x", {
        properties: { title: "t", date: "4 July 2024" },
      }),
    ).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe("convert helpers", () => {
  it("takes the document date from SOURCE_DATE_EPOCH, else a fixed date", () => {
    expect(documentDate({})).toBe("1980-01-01");
    expect(documentDate({ SOURCE_DATE_EPOCH: "1720051200" })).toBe("2024-07-04");
    expect(documentDate({ SOURCE_DATE_EPOCH: "0" })).toBe("1980-01-01");
    expect(() => documentDate({ SOURCE_DATE_EPOCH: "yesterday" })).toThrow(FatalError);
  });

  it("fills {title} and {date} and drops what convert cannot know", () => {
    expect(fillPlaceholders("{organisation} — {title}", { title: "Spotlights" })).toBe(
      "Spotlights",
    );
    expect(fillPlaceholders("{title} — {date}", { title: "T", date: "2024-07-04" })).toBe(
      "T — 2024-07-04",
    );
    expect(fillPlaceholders("{organisation} — {meeting}", { title: "T" })).toBe("");
    expect(fillPlaceholders("{title} | {meeting} | {date}", { title: "T", date: "D" })).toBe(
      "T | D",
    );
  });
});

describe("table column widths", () => {
  const table = (md: string) => parseMarkdown(md).children[0] as Table;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it("share the text width by the square root of each column's mean cell length", () => {
    const widths = columnWidths(
      table("| Item | Detail |\n| - | - |\n| Meeting | Trust Board (public), 4 July 2024 |\n"),
      2,
    );
    expect(sum(widths)).toBe(textWidthTwips);
    // "Meeting" (7 characters) against 33: √7 : √33.
    const share = Math.sqrt(7) / (Math.sqrt(7) + Math.sqrt(33));
    expect(widths[0]).toBe(Math.floor(textWidthTwips * share));
    // A column of long sentences gets the most room without taking it all.
    const pdsa = columnWidths(
      table(`| Cycle | Result and learning |\n| - | - |\n| 1 | ${"word ".repeat(40)} |\n`),
      2,
    );
    expect(pdsa[1]! / textWidthTwips).toBeGreaterThan(0.75);
    expect(pdsa[0]! / textWidthTwips).toBeGreaterThan(0.1);
  });

  it("widen a column to fit its longest word, taking room from the others", () => {
    const long = "long words in this column ".repeat(2);
    const md = `| Spotlight | B | C | D | E | F |\n|-|-|-|-|-|-|\n| Falls | ${long} | ${long} | ${long} | ${long} | ${long} |\n`;
    const widths = columnWidths(table(md), 6, 11);
    expect(sum(widths)).toBe(textWidthTwips);
    // "Spotlight": 9 characters at 0.62 em of 11 pt, plus the cell margins.
    expect(widths[0]).toBe(Math.floor(9 * 0.62 * 11 * 20 + 200));
    expect(new Set(widths.slice(1, 5)).size).toBe(1);
  });
});
