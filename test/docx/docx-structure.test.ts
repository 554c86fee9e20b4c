// The DOCX of the sample paper, read back structurally: heading styles, lists, tables with a
// repeating header row that does not split, images with alt text (SVG with PNG fallback), page
// breaks, header/footer with page fields, core properties and language; plus a golden summary.
import { describe, expect, it } from "vitest";
import { summariseDocx, type DocxSummary } from "./docx-summary.js";
import { renderSample } from "./sample.js";

describe("DOCX structure of the sample paper", async () => {
  const { docx, diagnostics } = await renderSample();
  const summary: DocxSummary = summariseDocx(docx);

  it("has no diagnostics", () => {
    expect(diagnostics).toEqual([]);
  });

  it("uses Word heading styles in document order", () => {
    expect(summary.headings).toEqual([
      "Heading1: Improvement spotlights: July 2024",
      "Heading2: Executive summary",
      "Heading2: Recommendations",
      "Heading2: Summary of measures",
      "Heading2: Reducing inpatient falls on Ward 7",
      "Heading3: The problem",
      "Heading3: Results",
      "Heading3: What we tested",
      "Heading3: Next steps",
    ]);
  });

  it("marks header rows to repeat, rows not to split, shades the header, no merged cells", () => {
    expect(summary.tables).toEqual([
      {
        rows: 5,
        columns: [2],
        headerRows: 1,
        cantSplitRows: 5,
        headerFill: "005EB8",
        alignments: ["left", "left"],
      },
      {
        rows: 3,
        columns: [4],
        headerRows: 1,
        cantSplitRows: 3,
        headerFill: "005EB8",
        alignments: ["left", "right", "center", "center"],
      },
    ]);
  });

  it("gives every image alt text; SVGs carry a PNG fallback; icons are inline", () => {
    expect(summary.images.length).toBe(4);
    for (const image of summary.images) expect(image.descr.length).toBeGreaterThan(3);
    expect(summary.images.map((i) => [i.part, i.name, i.svg, i.inline])).toEqual([
      ["word/document.xml", "variation-improvement-low.svg", true, true],
      ["word/document.xml", "assurance-pass.svg", true, true],
      ["word/document.xml", "chart-falls.svg", true, true],
      ["word/header1.xml", "logo", false, true],
    ]);
    expect(summary.images.map((i) => i.cm)).toEqual(["0.7x0.7", "0.7x0.7", "15.9x8.9", "3.0x1.2"]);
    expect(summary.images[2]?.descr).toMatch(/^XmR chart of falls per 1,000 bed days/);
    expect(summary.parts.filter((p) => p.startsWith("word/media/")).length).toBe(7);
  });

  it("writes lists with levels, links only for http(s)/mailto, and the page break", () => {
    expect(summary.paragraphs.filter((p) => p.includes("#list"))).toEqual([
      "ListParagraph#list0",
      "ListParagraph#list0",
      "ListParagraph#list1",
      "ListParagraph#list1",
      "ListParagraph#list0",
      "ListParagraph#list0",
      "ListParagraph#list1",
      "ListParagraph#list1",
      "ListParagraph#list0",
    ]);
    expect(summary.hyperlinks).toEqual([
      "Making Data Count guide -> https://www.england.nhs.uk/publication/making-data-count/",
      "the QI team -> mailto:qi.team@example.nhs.uk",
    ]);
    expect(summary.pageBreaks).toBe(1);
  });

  it("has a header and a footer with PAGE and NUMPAGES fields", () => {
    expect(summary.sections).toEqual({ headers: 1, footers: 1 });
    expect(summary.footerFields).toEqual(["PAGE", "NUMPAGES"]);
  });

  it("sets title, author, language en-GB and dates from the paper date", () => {
    expect(summary.core).toMatchObject({
      "dc:title": "Improvement spotlights: July 2024",
      "dc:creator": "Quality Improvement team",
      "dc:language": "en-GB",
      "dcterms:created": "2024-07-04T00:00:00Z",
      "dcterms:modified": "2024-07-04T00:00:00Z",
    });
    expect(summary.language).toBe("en-GB");
  });

  it("matches the golden summary", async () => {
    await expect(JSON.stringify(summary, null, 2) + "\n").toMatchFileSnapshot(
      "../fixtures/docx/sample-paper.summary.json",
    );
  });
});
