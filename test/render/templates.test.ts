import { readFileSync, readdirSync } from "node:fs";
import { mkdtempSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import * as handlebarsModule from "handlebars";
import type { Heading, Root, RootContent, Table } from "mdast";
import { FatalError } from "../../src/diagnostics/diagnostic.js";
import { nodeIo } from "../../src/cli/node-io.js";
import type { ViewModel } from "../../src/model/view-model.js";
import { builtinTemplatesDir, renderTemplates } from "../../src/template/render-templates.js";
import { escapeInline, escapeProse } from "../../src/template/escape.js";
import { parseMarkdown } from "../../src/write/markdown-parse.js";

const Handlebars =
  (handlebarsModule as unknown as { default?: typeof handlebarsModule }).default ??
  handlebarsModule;
const fixture = new URL("../fixtures/render/view-model.json", import.meta.url);
const loadVm = (): ViewModel => JSON.parse(readFileSync(fixture, "utf8")) as ViewModel;

/** Plain text of an mdast node (text and inline code values, escapes resolved by the parser). */
function textOf(node: RootContent | Root): string {
  if ("value" in node && typeof node.value === "string" && node.type !== "html") return node.value;
  if ("children" in node) return (node.children as RootContent[]).map(textOf).join("");
  return "";
}

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "spotlight-templates-"));
  temps.push(d);
  return d;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function fatal(p: Promise<unknown>): Promise<FatalError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FatalError) return e;
    throw e;
  }
  throw new Error("expected a FatalError");
}

describe("default templates", () => {
  it("render the view-model fixture to the Markdown golden", async () => {
    const md = await renderTemplates(loadVm(), { io: nodeIo });
    await expect(md).toMatchFileSnapshot("../golden/markdown/paper.md");
  });

  it("keep a title with Markdown characters literal in headings and table cells", async () => {
    const vm = loadVm();
    const title = "A&E | <ED> *pilot* #1 [x](y) _u_ `c` \\ &amp;";
    vm.spotlights[1]!.title = title;
    vm.spotlights[1]!.measures[0]!.name = title;
    const tree = parseMarkdown(await renderTemplates(vm, { io: nodeIo }));
    const headings = tree.children.filter((n): n is Heading => n.type === "heading");
    // Headings: the spotlight's page, its part of the summary of measures, and the measure.
    expect(headings.map(textOf).filter((t) => t === title)).toHaveLength(3);
    const tables = tree.children.filter((n): n is Table => n.type === "table");
    const firstColumn = tables.flatMap((t) => t.children.map((row) => textOf(row.children[0]!)));
    expect(firstColumn).toContain(title);
    // No raw HTML other than the page breaks.
    const html: string[] = [];
    const visit = (n: RootContent | Root) => {
      if (n.type === "html") html.push(n.value);
      if ("children" in n) (n.children as RootContent[]).forEach(visit);
    };
    visit(tree);
    expect(new Set(html)).toEqual(new Set(["<!-- pagebreak -->"]));
  });

  it("render a lone spotlight (no paper) without cover sheet or leading page break", async () => {
    const vm = loadVm();
    vm.paper = null;
    const md = await renderTemplates(vm, { io: nodeIo });
    expect(md.startsWith("# Improvement spotlight\n\n## Falls with harm on Ward 7\n")).toBe(true);
    expect(md).not.toContain("## Summary of measures");
    expect(md.match(/<!-- pagebreak -->/g)).toHaveLength(1);
  });

  it("place every value through an escaping helper", () => {
    const escaping = new Set([
      "md",
      "prose",
      "date",
      "month",
      "number",
      "percent",
      "plural",
      "words",
      "icon",
      "chart",
      "image",
      "join",
    ]);
    const raw: string[] = [];
    const dir = builtinTemplatesDir();
    const files = readdirSync(dir).filter((f) => f.endsWith(".hbs"));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const ast = Handlebars.parse(readFileSync(join(dir, f), "utf8"));
      const visit = (n: unknown): void => {
        if (Array.isArray(n)) return n.forEach(visit);
        if (!n || typeof n !== "object") return;
        const node = n as {
          type?: string;
          path?: { original?: unknown };
          loc?: { start: { line: number } };
        };
        if (node.type === "MustacheStatement") {
          const name = String(node.path?.original);
          if (!escaping.has(name)) raw.push(`${f}:${node.loc?.start.line} {{${name}}}`);
        }
        for (const [k, v] of Object.entries(node)) if (k !== "loc") visit(v);
      };
      visit(ast);
    }
    expect(raw).toEqual([]);
  });
});

describe("escaping", () => {
  it("escapes inline Markdown so the parsed text equals the input", () => {
    for (const s of [
      "A&E | <ED> *pilot*",
      "- not a list",
      "1. not a list",
      "+ plus",
      "=",
      "50% ~ 5_000",
      "&copy; stays",
    ]) {
      const tree = parseMarkdown(escapeInline(s));
      expect(textOf(tree)).toBe(s);
    }
  });
  it("keeps prose emphasis and lists but escapes HTML and headings", () => {
    const tree = parseMarkdown(
      escapeProse("# Not a heading\n\n**bold** <b>x</b>\n\n- item\n\n---"),
    );
    expect(tree.children.map((n) => n.type)).toEqual([
      "paragraph",
      "paragraph",
      "list",
      "paragraph",
    ]);
    expect(textOf(tree.children[0]!)).toBe("# Not a heading");
    expect(textOf(tree.children[1]!)).toBe("bold <b>x</b>");
  });
});

describe("template errors", () => {
  async function withOverride(name: string, source: string): Promise<FatalError> {
    const dir = tempDir();
    writeFileSync(join(dir, name), source);
    return fatal(renderTemplates(loadVm(), { io: nodeIo, templatesDir: dir }));
  }

  it("a syntax error names the file and line", async () => {
    const e = await withOverride("aim.md.hbs", "### Our aim\n\n{{#if aim}}\n{{md aim.statement}\n");
    expect(e.diagnostics).toHaveLength(1);
    expect(e.diagnostics[0]).toMatchObject({ code: "template.syntax", line: 4 });
    expect(e.diagnostics[0]!.file).toMatch(/aim\.md\.hbs$/);
  });

  it("an unknown helper names the file, line and column", async () => {
    const e = await withOverride("problem.md.hbs", "### The problem\n\n{{shout problem}}\n");
    expect(e.diagnostics[0]).toMatchObject({ code: "template.unknown_helper", line: 3, column: 1 });
    expect(e.diagnostics[0]!.message).toContain('"shout"');
  });

  it("a missing partial names the file and line", async () => {
    const e = await withOverride("spotlight.md.hbs", "## {{md title}}\n\n{{> nothing-here}}\n");
    expect(e.diagnostics[0]).toMatchObject({ code: "template.missing_partial", line: 3 });
    expect(e.diagnostics[0]!.file).toMatch(/spotlight\.md\.hbs$/);
  });

  it("a missing variable names the partial's file and line", async () => {
    const e = await withOverride("ask.md.hbs", "### Ask\n\n{{md ask.txt}}\n");
    expect(e.diagnostics[0]).toMatchObject({
      code: "template.missing_variable",
      line: 3,
      column: 1,
    });
    expect(e.diagnostics[0]!.file).toMatch(/ask\.md\.hbs$/);
    expect(e.diagnostics[0]!.message).toContain("{{md ask.txt}}");
  });

  it("a missing bare variable (strict mode) names the file and line", async () => {
    const e = await withOverride("ask.md.hbs", "### Ask\n\nabc {{nope}}\n");
    expect(e.diagnostics[0]).toMatchObject({
      code: "template.missing_variable",
      line: 3,
      column: 7,
    });
  });

  it("reports every broken template at once", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ask.md.hbs"), "{{shout x}}\n");
    writeFileSync(join(dir, "risks.md.hbs"), "{{#if x}}\n");
    const e = await fatal(renderTemplates(loadVm(), { io: nodeIo, templatesDir: dir }));
    expect(e.diagnostics.map((d) => d.code).sort()).toEqual([
      "template.syntax",
      "template.unknown_helper",
    ]);
  });
});

describe("--templates override", () => {
  it("replaces a built-in by file name and adds new partials", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "ask.md.hbs"),
      "### What we need from the Board\n\n{{md ask.text}} {{> sign-off}}\n",
    );
    writeFileSync(join(dir, "sign-off.md.hbs"), "(Signed off by {{md project_lead}}.)");
    const md = await renderTemplates(loadVm(), { io: nodeIo, templatesDir: dir });
    expect(md).toContain(
      "### What we need from the Board\n\nTake assurance that falls with harm have reduced. (Signed off by Sam Okafor, Ward Manager, Ward 7.)",
    );
    expect(md).not.toContain("### Ask of the board");
    expect(md).toContain("### The problem");
  });

  it("an unreadable templates folder is a fatal template.unreadable", async () => {
    const e = await fatal(
      renderTemplates(loadVm(), { io: nodeIo, templatesDir: join(tmpdir(), "no-such-dir-xyz") }),
    );
    expect(e.diagnostics[0]!.code).toBe("template.unreadable");
  });

  it("ejected copies render the same as the built-ins", async () => {
    const dir = tempDir();
    cpSync(builtinTemplatesDir(), dir, { recursive: true });
    const a = await renderTemplates(loadVm(), { io: nodeIo });
    const b = await renderTemplates(loadVm(), { io: nodeIo, templatesDir: dir });
    expect(b).toBe(a);
  });
});

describe("escaping, for any text", () => {
  const alphabet = [..."ab Z1 *_[]()<>#|\\`~&;!-+=.)\n\t:/\"'"];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((a) => a.join(""));
  const expected = (s: string) => s.replace(/\r\n?|\n|\t/g, " ").trim();

  it("reads back literally as a paragraph, a heading and a table cell", () => {
    fc.assert(
      fc.property(text, (s) => {
        const e = escapeInline(s);
        expect(textOf(parseMarkdown(e))).toBe(expected(s));
        expect(textOf(parseMarkdown(`## ${e}`))).toBe(expected(s));
        const table = parseMarkdown(`| a | b |\n| --- | --- |\n| ${e} | x |\n`);
        const row = (table.children[0] as Table).children[1]!;
        expect(textOf(row.children[0]!)).toBe(expected(s));
        expect(textOf(row.children[1]!)).toBe("x");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("prose escaping, for any text", () => {
  const alphabet = [..."ab *_-=#<>`\n\n  1.)[]()!"];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(""));
  const kinds = (n: RootContent | Root, out: Set<string>): Set<string> => {
    out.add(n.type);
    if ("children" in n) for (const c of n.children as RootContent[]) kinds(c, out);
    return out;
  };

  it("never makes a heading, raw HTML or a thematic break", () => {
    fc.assert(
      fc.property(text, (s) => {
        const found = kinds(parseMarkdown(escapeProse(s)), new Set());
        expect([...found].filter((k) => ["heading", "html", "thematicBreak"].includes(k))).toEqual(
          [],
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe("prose code spans", () => {
  it("leaves code spans alone and escapes other <", () => {
    expect(escapeProse("a <b> `x<y` c")).toBe("a \\<b> `x<y` c");
  });
});
