// Containment: files a pack names (data, spotlights, images, style.logo, style.reference_docx,
// config templates) resolve relative to the pack and must stay in its folder (also through ..
// and symbolic links) unless --allow-outside; links render only for http(s) and mailto; raw
// HTML in text fields reaches the DOCX as escaped text, never as markup.
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
  existsSync,
} from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCase, removeTemp, runIn, tempRoot } from "./corpus-lib.js";

let root: string;
let n = 0;
beforeAll(() => {
  root = tempRoot("contain-");
});
afterAll(() => removeTemp(root));

/** A fresh copy of the base pack; `outside` is a folder beside it (not inside the pack). */
function fresh(): { pack: string; outside: string } {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  const pack = buildCase(undefined, dir);
  const outside = join(dir, "outside");
  mkdirSync(outside);
  return { pack, outside };
}

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};
const SPOT = "spotlights/sepsis.yaml";
const nothingWritten = (pack: string) =>
  expect(existsSync(join(pack, "out")) ? readdirSync(join(pack, "out")) : []).toEqual([]);

// A 1x1 PNG.
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

describe("files named by a pack stay inside its folder", () => {
  it("a spotlight named through .. is refused, and allowed with --allow-outside", async () => {
    const { pack, outside } = fresh();
    writeFileSync(join(outside, "s.yaml"), readFileSync(join(pack, SPOT)));
    edit(join(pack, SPOT), "id: sepsis-ed", "id: sepsis-local");
    edit(
      join(pack, "pack.yaml"),
      "  - spotlights/*.yaml\n",
      "  - spotlights/*.yaml\n  - ../outside/s.yaml\n",
    );
    const r = await runIn(pack, ["validate", "pack.yaml"]);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "file.outside_pack",
        file: "pack.yaml",
        line: 19,
        column: 5,
      }),
    );
    expect(r.code).toBe(1);
    const allowed = await runIn(pack, ["validate", "pack.yaml", "--allow-outside"]);
    expect(allowed.diagnostics.map((d) => d.code)).not.toContain("file.outside_pack");
  });

  it("a spotlight file that is a symbolic link out of the pack is refused", async () => {
    const { pack, outside } = fresh();
    writeFileSync(
      join(outside, "s.yaml"),
      readFileSync(join(pack, SPOT)).toString().replace("sepsis-ed", "other"),
    );
    symlinkSync(join(outside, "s.yaml"), join(pack, "spotlights", "linked.yaml"));
    const r = await runIn(pack, ["validate", "pack.yaml"]);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "file.outside_pack",
        file: "pack.yaml",
        line: 18,
        column: 5,
      }),
    );
    expect(r.code).toBe(1);
  });

  it("an absolute data path outside the pack is refused", async () => {
    const { pack, outside } = fresh();
    writeFileSync(join(outside, "d.csv"), readFileSync(join(pack, "data/measures.csv")));
    edit(
      join(pack, "pack.yaml"),
      "data: [data/*.csv]",
      `data: [data/*.csv, ${join(outside, "d.csv")}]`,
    );
    const r = await runIn(pack, ["validate", "pack.yaml"]);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: "file.outside_pack", file: "pack.yaml", line: 16 }),
    );
  });

  it("a spotlight image outside the pack is refused on render and nothing is written", async () => {
    const { pack, outside } = fresh();
    writeFileSync(join(outside, "secret.png"), PNG);
    edit(
      join(pack, SPOT),
      "next_steps:",
      "images:\n  - { path: ../../outside/secret.png, alt: A photo }\nnext_steps:",
    );
    const r = await runIn(pack, ["render", "pack.yaml", "-o", "out/paper.md"]);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: "file.outside_pack", file: SPOT }),
    );
    expect(r.code).toBe(1);
    nothingWritten(pack);
    const allowed = await runIn(pack, [
      "render",
      "pack.yaml",
      "-o",
      "out/paper.md",
      "--allow-outside",
    ]);
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it.each([
    ["style.logo", "style: { logo: ../outside/logo.png }\n", "logo.png"],
    ["style.reference_docx", "style: { reference_docx: ../outside/trust.docx }\n", "trust.docx"],
    ["templates", "templates: ../outside/tpl\n", "tpl/problem.md.hbs"],
  ])("%s outside the pack is refused", async (_what, config, file) => {
    const { pack, outside } = fresh();
    mkdirSync(join(outside, "tpl"));
    writeFileSync(join(outside, file), file.endsWith(".hbs") ? "## Problem\n\n{{problem}}\n" : PNG);
    writeFileSync(join(pack, "spotlight.config.yaml"), config);
    const r = await runIn(pack, ["render", "pack.yaml", "-o", "out/paper.docx"]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "file.outside_pack",
        file: "spotlight.config.yaml",
        line: 1,
      }),
    );
    expect(r.code).not.toBe(0);
    nothingWritten(pack);
  });
});

describe("text fields cannot inject links or markup", () => {
  async function renderDocx(problem: string): Promise<{ doc: string; rels: string; md: string }> {
    const { pack } = fresh();
    edit(
      join(pack, SPOT),
      "problem: Patients with sepsis wait too long for antibiotics.",
      `problem: ${JSON.stringify(problem)}`,
    );
    const r = await runIn(pack, ["render", "pack.yaml", "-o", "out/paper.docx"]);
    expect(r.code, r.stderr).toBe(0);
    const m = await runIn(pack, ["render", "pack.yaml", "-o", "out/paper.md"]);
    expect(m.code, m.stderr).toBe(0);
    const parts = unzipSync(readFileSync(join(pack, "out/paper.docx")));
    const text = (name: string) => new TextDecoder().decode(parts[name]);
    return {
      doc: text("word/document.xml"),
      rels: text("word/_rels/document.xml.rels"),
      md: readFileSync(join(pack, "out/paper.md"), "utf8"),
    };
  }

  it("raw HTML in a text field is escaped literal text in the DOCX", async () => {
    const { doc, md } = await renderDocx(
      'Patients wait <script>alert("x")</script> and <b>bold</b> too long.',
    );
    expect(doc).toContain("&lt;script&gt;alert(");
    expect(doc).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(doc).not.toMatch(/<script|<b>/);
    // Markdown escapes the angle bracket, so viewers show the text, not markup.
    expect(md).toContain("\\<script>alert(");
    expect(md).not.toMatch(/(?<!\\)<(script|b)>/);
  });

  it("javascript:, file: and data: links never become hyperlinks; https ones do", async () => {
    const { doc, rels } = await renderDocx(
      "Patients wait [click](javascript:alert(1)) [f](file:///etc/passwd) [d](data:text/html,x) [audit](https://example.nhs.uk/audit) [mail](mailto:qi@example.nhs.uk) too long.",
    );
    expect(rels).not.toMatch(/javascript:|file:|data:text/);
    const targets = [...rels.matchAll(/Target="([^"]*)" TargetMode="External"/g)].map((m) => m[1]);
    expect(targets.sort()).toEqual(["https://example.nhs.uk/audit", "mailto:qi@example.nhs.uk"]);
    expect(doc.match(/<w:hyperlink /g)).toHaveLength(2);
    // Their text stays, as plain text.
    expect(doc).toContain(">Patients wait click f d <");
  });
});
