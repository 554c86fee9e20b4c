// Markdown the DOCX writer will not pass through: raw HTML (shown as literal text), links with
// other schemes (shown as text), images that are missing, remote or without alt text. Each is a
// diagnostic with the Markdown file, line and column; nothing is dropped silently.
import { describe, expect, it } from "vitest";
import { findAll, first, partXml, summariseDocx, textOf, unzipDocx } from "./docx-summary.js";
import { renderMarkdown } from "./sample.js";

const md = [
  "# Title", // 1
  "",
  "Some <span>inline</span> HTML.", // 3
  "",
  '<div class="note">a block</div>', // 5
  "",
  "<!-- a note for authors -->", // 7
  "",
  "See [the file](file:///etc/passwd), [a script](javascript:alert(1)) and [the web](https://example.org).", // 9
  "",
  "![](variation-improvement-low.svg)", // 11
  "",
  "![Missing chart](charts/missing.svg)", // 13
  "",
  "![Remote logo](https://example.org/logo.png)", // 15
  "",
  "<!-- pagebreak -->", // 17
  "",
  "Line one<br>line two.", // 19
  "",
].join("\n");

describe("Markdown diagnostics in the DOCX writer", async () => {
  const { docx, diagnostics } = await renderMarkdown(md);
  const found = diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column]);
  const files = unzipDocx(docx);
  const body = first(partXml(files, "word/document.xml"), "w:body");
  const paragraphs = findAll(body!, "w:p").map(textOf);

  it("reports each problem with file, line and column", () => {
    expect(found).toEqual([
      ["markdown.raw_html", "warning", "case.md", 3, 6],
      ["markdown.raw_html", "warning", "case.md", 3, 18],
      ["markdown.raw_html", "warning", "case.md", 5, 1],
      ["markdown.raw_html", "info", "case.md", 7, 1],
      ["markdown.link_scheme", "warning", "case.md", 9, 5],
      ["markdown.link_scheme", "warning", "case.md", 9, 37],
      ["markdown.image_alt", "warning", "case.md", 11, 1],
      ["markdown.image_missing", "error", "case.md", 13, 1],
      ["markdown.unsupported", "warning", "case.md", 15, 1],
    ]);
    expect(diagnostics[7]?.message).toContain("charts/missing.svg");
  });

  it("shows raw HTML as literal text, never as markup", () => {
    expect(paragraphs).toContain("Some <span>inline</span> HTML.");
    expect(paragraphs).toContain('<div class="note">a block</div>');
    expect(paragraphs.join("\n")).not.toContain("a note for authors");
  });

  it("links only http(s) and mailto; other links keep their text", () => {
    const summary = summariseDocx(docx);
    expect(summary.hyperlinks).toEqual(["the web -> https://example.org"]);
    expect(paragraphs).toContain("See the file, a script and the web.");
  });

  it("keeps the alt text of images it cannot embed, and embeds the one it can", () => {
    const summary = summariseDocx(docx);
    expect(summary.images.map((i) => [i.name, i.descr])).toEqual([
      ["variation-improvement-low.svg", ""],
    ]);
    expect(paragraphs).toContain("[Missing chart]");
    expect(paragraphs).toContain("[Remote logo]");
  });

  it("turns <!-- pagebreak --> into a page break and <br> into a line break", () => {
    const summary = summariseDocx(docx);
    expect(summary.pageBreaks).toBe(1);
    const last = findAll(body!, "w:p").find((p) => textOf(p).startsWith("Line one"));
    expect(last && findAll(last, "w:br").length).toBe(1);
    expect(last && first(last, "w:pageBreakBefore")).toBeDefined();
  });
});
