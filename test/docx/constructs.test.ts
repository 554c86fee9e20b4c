// Less common Markdown in the DOCX: ordered lists that start later, items with two paragraphs,
// quotes, code blocks, rules, reference-style links and images, short table rows and deep
// headings. Each maps to a real Word construct; none is dropped.
import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { findAll, first, partXml, summariseDocx, textOf, unzipDocx } from "./docx-summary.js";
import { renderMarkdown } from "./sample.js";

const md = `# One

3. third
4. fourth

   more about the fourth

   1. nested from one

> A quote with a [reference link][nhs].

\`\`\`
code line 1
code line 2
\`\`\`

***

![Icon by reference][icon]

| A | B | C |
| - | - | - |
| only one |

##### Five

[nhs]: https://www.nhs.uk
[icon]: assurance-pass.svg "icon"
`;

describe("less common Markdown constructs", async () => {
  const { docx, diagnostics } = await renderMarkdown(md);
  const summary = summariseDocx(docx);
  const files = unzipDocx(docx);
  const body = first(partXml(files, "word/document.xml"), "w:body")!;
  const texts = findAll(body, "w:p", ["w:tbl"]).map(textOf);

  it("has no diagnostics", () => {
    expect(diagnostics).toEqual([]);
  });

  it("maps each block to a Word paragraph style in order", () => {
    expect(summary.paragraphs).toEqual([
      "Heading1",
      "ListParagraph#list0",
      "ListParagraph#list0",
      "Normal",
      "ListParagraph#list1",
      "Quote",
      "SourceCode",
      "SourceCode",
      "Normal",
      "Normal",
      "TableText",
      "Heading5",
    ]);
    expect(texts).toContain("more about the fourth");
    expect(texts).toContain("code line 2");
  });

  it("numbers a list that starts at 3 from 3", () => {
    const numbering = strFromU8(files["word/numbering.xml"] as Uint8Array);
    expect(numbering).toMatch(/<w:start w:val="3"\/>/);
  });

  it("resolves reference links and images, and keeps icons small", () => {
    expect(summary.hyperlinks).toEqual(["reference link -> https://www.nhs.uk"]);
    expect(summary.images.map((i) => [i.name, i.descr, i.cm])).toEqual([
      ["assurance-pass.svg", "Icon by reference", "0.7x0.7"],
    ]);
  });

  it("draws a rule as a bottom border and pads short table rows (no merged cells)", () => {
    const rule = findAll(body, "w:p", ["w:tbl"])[8]!;
    expect(first(rule, "w:bottom")).toBeDefined();
    expect(summary.tables).toEqual([
      {
        rows: 2,
        columns: [3],
        headerRows: 1,
        cantSplitRows: 2,
        headerFill: "005EB8",
        alignments: ["-", "-", "-"],
      },
    ]);
  });
});
