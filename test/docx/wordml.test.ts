// Our own WordprocessingML: text survives escaping exactly (less the characters XML cannot
// carry), every XML part is well-formed with its namespaces declared (Python's XML parser
// refuses an undeclared prefix), each ordered list counts from its own start, and the media
// parts are shared between images with the same bytes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { esc } from "../../src/write/docx/xml.js";
import {
  findAll,
  first,
  parseXml,
  partXml,
  summariseDocx,
  textOf,
  unzipDocx,
} from "./docx-summary.js";
import { renderMarkdown, renderSample } from "./sample.js";

const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

describe("escaping", () => {
  it("gives back any text and attribute value, less what XML cannot carry", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const xml = parseXml(`<a v="${esc(s)}">${esc(s)}</a>`).children[0]!;
        const expected = s
          .replace(notXml, "")
          .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
        expect(xml.text).toBe(expected);
        expect(xml.attrs.v).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the package", async () => {
  const md = `# Title with 1 < 2 & "quotes" and a bell\u0007

1. one
2. two

Between.

5. five
6. six

- bullet

![Chart](chart-falls.svg)

![The same chart again](chart-falls.svg)

[A link](https://example.org/?a=1&b=2)
`;
  const { docx, diagnostics } = await renderMarkdown(md);
  const files = unzipDocx(docx);

  it("has no diagnostics", () => {
    expect(diagnostics).toEqual([]);
  });

  it("is well-formed XML with every namespace declared, in each part", () => {
    const dir = mkdtempSync(join(tmpdir(), "wordml-"));
    const file = join(dir, "t.docx");
    writeFileSync(file, docx);
    const py = spawnSync(
      "/usr/bin/python3",
      [
        "-c",
        [
          "import sys, zipfile, xml.etree.ElementTree as ET",
          "z = zipfile.ZipFile(sys.argv[1])",
          "names = [n for n in z.namelist() if n.endswith(('.xml', '.rels'))]",
          "[ET.fromstring(z.read(n)) for n in names]",
          "print(len(names))",
        ].join("\n"),
        file,
      ],
      { encoding: "utf8" },
    );
    expect(py.stderr).toBe("");
    expect(Number(py.stdout.trim())).toBeGreaterThanOrEqual(10);
  });

  it("keeps the heading's text, escaped and without the control character", () => {
    expect(summariseDocx(docx).headings).toEqual([
      'Heading1: Title with 1 < 2 & "quotes" and a bell',
    ]);
  });

  it("numbers each ordered list from its own start, and bullets without restarting", () => {
    const body = first(partXml(files, "word/document.xml"), "w:body")!;
    const numIds = findAll(body, "w:numId").map((n) => n.attrs["w:val"]);
    expect(numIds).toEqual(["1", "1", "2", "2", "3"]);
    const numbering = partXml(files, "word/numbering.xml");
    const nums = findAll(numbering, "w:num").map((n) => ({
      abstract: first(n, "w:abstractNumId")?.attrs["w:val"],
      start: first(n, "w:startOverride")?.attrs["w:val"],
    }));
    expect(nums).toEqual([
      { abstract: "1", start: "1" },
      { abstract: "2", start: "5" },
      { abstract: "0", start: undefined },
    ]);
    const abstractStart = (id: string) =>
      findAll(numbering, "w:abstractNum")
        .find((a) => a.attrs["w:abstractNumId"] === id)
        ?.children.find((c) => c.name === "w:lvl")
        ?.children.find((c) => c.name === "w:start")?.attrs["w:val"];
    expect([abstractStart("1"), abstractStart("2")]).toEqual(["1", "5"]);
  });

  it("stores a chart used twice once, as an SVG with its PNG", () => {
    expect(Object.keys(files).filter((n) => n.startsWith("word/media/"))).toEqual([
      "word/media/image1.png",
      "word/media/image1.svg",
    ]);
    const rels = strFromU8(files["word/_rels/document.xml.rels"]!);
    expect(rels.match(/media\/image1\.svg/g)).toHaveLength(1);
    const document = strFromU8(files["word/document.xml"]!);
    expect(document.match(/<asvg:svgBlip /g)).toHaveLength(2);
  });

  it("escapes a link's address in its relationship", () => {
    const rels = partXml(files, "word/_rels/document.xml.rels");
    const link = findAll(rels, "Relationship").find((r) => r.attrs.Type?.endsWith("/hyperlink"));
    expect(link?.attrs).toMatchObject({
      Target: "https://example.org/?a=1&b=2",
      TargetMode: "External",
    });
    expect(textOf(first(partXml(files, "word/document.xml"), "w:hyperlink")!)).toBe("A link");
  });
});

describe("header and footer", () => {
  it("puts the logo in the header's own relationships and Page X of Y in the footer", async () => {
    const { docx } = await renderSample();
    const files = unzipDocx(docx);
    const headerRels = strFromU8(files["word/_rels/header1.xml.rels"]!);
    expect(headerRels).toMatch(/Target="media\/image4\.png"/);
    const footer = partXml(files, "word/footer1.xml");
    expect(findAll(footer, "w:instrText").map((t) => t.text)).toEqual(["PAGE", "NUMPAGES"]);
    expect(textOf(footer)).toBe("Improvement spotlights, July 2024Page 1 of 1");
  });
});
