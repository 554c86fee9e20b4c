// The Markdown fast path against micromark (mdast-util-from-markdown + GFM tables): on random
// documents mixing the simple subset with near misses it either bails or builds the same tree,
// positions included, and takes the fast path often enough to matter; every Markdown our
// templates write takes it; each construct and each bail-out rule has a targeted case.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { Root, Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { afterAll, describe, expect, it } from "vitest";
import { writePack } from "../../bench/generate.js";
import { writeMarkdownPaper } from "../../bench/markdown-paper.js";
import { hasErrors, loadPack, renderMarkdown } from "../../src/index.js";
import { escapeInline, escapeProse } from "../../src/template/escape.js";
import { parseMarkdown } from "../../src/write/markdown-parse.js";
import { classify, parseSimpleMarkdown } from "../../src/write/markdown-fast.js";

/** The authority: what parseMarkdown returned before the fast path. */
function micromark(md: string): Root {
  return fromMarkdown(md, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

/** Asserts the fast path bails or equals micromark; returns whether it was taken. */
function agrees(md: string): boolean {
  const fast = parseSimpleMarkdown(md);
  if (fast !== undefined) expect(fast, JSON.stringify(md)).toStrictEqual(micromark(md));
  return fast !== undefined;
}

/** Asserts the fast path is taken and equals micromark; returns the tree. */
function fastEqual(md: string): Root {
  const fast = parseSimpleMarkdown(md);
  expect(fast, `fast path bailed on ${JSON.stringify(md.slice(0, 200))}`).toBeDefined();
  expect(fast).toStrictEqual(micromark(md));
  return fast!;
}

function nodeTypes(node: Nodes, into = new Set<string>()): Set<string> {
  into.add(node.type === "list" ? (node.ordered ? "orderedList" : "bulletList") : node.type);
  if ("children" in node) for (const c of node.children) nodeTypes(c, into);
  return into;
}

// ---- A grammar of documents: the subset, with near misses mixed in unless `strict` ----

type Weighted = { weight: number; arbitrary: fc.Arbitrary<string> };
const w = (weight: number, arbitrary: fc.Arbitrary<string>): Weighted => ({ weight, arbitrary });
const pick = (...xs: string[]) => fc.constantFrom(...xs);

function grammar(strict: boolean) {
  /** A near miss: left out of the strict grammar. */
  const miss = (weight: number, arbitrary: fc.Arbitrary<string>): Weighted[] =>
    strict ? [] : [w(weight, arbitrary)];
  const oneof = (...xs: (Weighted | Weighted[])[]) => fc.oneof(...xs.flat());

  /** Atoms joined mostly by single spaces, mostly with no spaces at the ends. */
  const joined = (atom: fc.Arbitrary<string>, maxLength = 8) =>
    fc
      .tuple(
        fc.array(fc.tuple(atom, oneof(w(8, pick(" ")), miss(3, pick("")), miss(1, pick("  ")))), {
          minLength: 1,
          maxLength,
        }),
        fc.integer({ min: 0, max: 12 }).map((x) => strict || x > 0),
      )
      .map(([parts, trim]) => {
        const s = parts.map(([a, b]) => a + b).join("");
        return trim ? s.replace(/^ +| +$/g, "") : s;
      });

  const word = pick(
    "a",
    "Ward",
    "7",
    "4.2",
    "bed",
    "x_y",
    "snake_case_name",
    "é",
    "naïve",
    "日本",
    "😀",
    "A&E",
    "1,000",
    "50%",
    "co-op",
    "it's",
    "x2",
    "\u00a0",
  );
  const punct = pick(".", ",", ":", ";", "(", ")", "'", '"', "?", "!", "-", "–", "·", "/", "+");
  const rarePunct = pick("=", "~", "^", "$", "#", "{", "}", "@", "%", ">", "|", "§", "€", "<");
  const escape = pick(
    "\\*",
    "\\_",
    "\\|",
    "\\<",
    "\\[",
    "\\]",
    "\\\\",
    "\\#",
    "\\&",
    "\\!",
    "\\`",
    "\\-",
    "\\.",
    "\\a",
    "\\é",
    "\\ ",
  );
  const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(" "));
  const marker = pick("*", "**", "_", "__");
  const code = oneof(
    w(4, pick("`c`", "``a`b``", "` a `", "`  `", "`*x*`", "` `` `", "`[a](b)`")),
    miss(1, pick("`", "``a`", "`a``")),
  );
  const emphasis = oneof(
    w(
      8,
      fc.tuple(marker, phrase, pick("", ".", ":", ")")).map(([m, t, p]) => `${m}${t}${p}${m}`),
    ),
    w(
      1,
      fc.tuple(marker, code).map(([m, c]) => `${m}${c}${m}`),
    ),
    w(
      1,
      fc.tuple(marker, phrase, escape).map(([m, t, e]) => `${m}${t}${e}${m}`),
    ),
    miss(
      1,
      fc.tuple(marker, marker, phrase).map(([a, b, t]) => `${a}${t}${b}`),
    ),
    miss(
      1,
      fc.tuple(marker, phrase).map(([m, t]) => `${m} ${t}${m}`),
    ),
    miss(
      1,
      fc.tuple(marker, phrase).map(([m, t]) => `${m}${t} ${m}`),
    ),
    miss(
      1,
      fc.tuple(marker, phrase, phrase).map(([m, a, b]) => `${m}${a} *${b}* ${a}${m}`),
    ),
    miss(1, pick("*", "**", "_", "__", "***", "* ", " _ ", "a*b", "a**b", "*a*b", "_a_b", "a_b_")),
  );
  const url = pick(
    "u",
    "http://a.b/c?d=1&e=2",
    "paper_files/x_y.svg",
    "a*b*",
    "é/ü",
    "",
    "#x",
    "a]b",
    'a"b',
    "a%20b",
    "a`b",
    "<a b>",
    "<Board paper (Dec)_files/x.svg>",
    "<>",
    "<a%3Cb>",
  );
  const linkText = fc
    .array(oneof(w(4, word), w(1, escape), w(1, pick(" ", "(low)", "a_b", "x * y", "!"))), {
      maxLength: 3,
    })
    .map((xs) => xs.join(""));
  const title = pick("icon", "A title", "it's (x)", "");
  const link = oneof(
    w(
      3,
      fc.tuple(linkText, url).map(([t, u]) => `[${t}](${u})`),
    ),
    w(
      3,
      fc.tuple(linkText, url).map(([t, u]) => `![${t}](${u})`),
    ),
    w(
      2,
      fc.tuple(linkText, url, title).map(([t, u, x]) => `![${t}](${u} "${x}")`),
    ),
    w(
      1,
      fc.tuple(linkText, url, title).map(([t, u, x]) => `[${t}](${u} "${x}")`),
    ),
    miss(
      2,
      pick(
        "[t]",
        "[t][r]",
        "[t][]",
        "[t](a(b))",
        "[t](<u\\>)",
        "[t](<a<b>)",
        "[t](<a>b)",
        "[t](<a\nb>)",
        "[t](<a> 'x')",
        "[t](u 'x')",
        "[t]( u)",
        '[t](u  "x")',
        '[t]( "x")',
        "[a [b]](c)",
        "![a *b*](c)",
        "[*a*](b)",
        '[a](b "t\\"")',
        "[a](b\\_c)",
        "[a](b&amp;c)",
        "[a\\](b)",
        "![a](b)]",
        "[a](b",
        "]",
        "[",
        "[x]: y",
        "[`a`](b)",
        "[a](b)(c)",
        "[a\nb](c)",
      ),
    ),
  );
  const nearMissInline = pick(
    "&amp;",
    "&#35;",
    "&#x1F;",
    "&copy;",
    "&x",
    "&",
    "& ",
    "&;",
    "<b>",
    "</i>",
    "<!-- c -->",
    "< x",
    "<http://a.b>",
    "<a@b.c>",
    "<1",
    "\u2003",
    "\t",
    "\r",
    "\\",
    "  ",
    "http://a.b",
    "www.x.y",
    "~~s~~",
    "^[n]",
  );
  const inline = joined(
    oneof(
      w(14, word),
      w(3, punct),
      miss(1, rarePunct),
      w(2, escape),
      w(4, emphasis),
      w(2, link),
      w(1, code),
      miss(1, nearMissInline),
      miss(1, fc.string({ unit: "binary", maxLength: 2 })),
    ),
  );
  const lineStart = oneof(
    w(30, pick("")),
    miss(
      2,
      pick(" ", "  ", "    ", "# ", "#", "> ", "- ", "* ", "+ ", "1. ", "2) ", "=", "-", "|", ":"),
    ),
    miss(
      1,
      pick("***", "---", "___", "===", "```", "~~~", "<div>", "[x]: ", "10. ", "1234567890. "),
    ),
  );
  const line = fc.tuple(lineStart, inline).map(([a, b]) => a + b);
  const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join("\n"));
  const heading = oneof(
    w(
      8,
      fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([d, t]) => `${"#".repeat(d)} ${t}`),
    ),
    miss(
      1,
      fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([d, t]) => `${"#".repeat(d)}${t}`),
    ),
    miss(
      1,
      inline.map((t) => `## ${t} ##`),
    ),
    miss(1, pick("#", "# ", "##  x", "#\\#", "# a #b", "# a\\#")),
  );
  const item = oneof(
    w(6, inline),
    w(
      2,
      fc.tuple(inline, inline).map(([a, b]) => `${a}\n  ${b}`),
    ),
    miss(
      1,
      fc.tuple(inline, inline).map(([a, b]) => `${a}\n${b}`),
    ),
    miss(
      1,
      fc.tuple(inline, inline).map(([a, b]) => `${a}\n   ${b}`),
    ),
    miss(
      1,
      fc.tuple(inline, inline).map(([a, b]) => `${a}\n  - ${b}`),
    ),
    miss(
      1,
      fc.tuple(inline, inline).map(([a, b]) => `${a}\n\n  ${b}`),
    ),
    miss(1, pick("", "# h", "- x", "> q", "1. x", "---", "[ ] task", "[x] done")),
  );
  const listMarker = oneof(
    w(6, pick("- ", "- ", "- ", "* ", "+ ")),
    w(
      3,
      fc.integer({ min: 0, max: 12 }).map((i) => `${i}. `),
    ),
    miss(1, pick("1) ", "-", "01. ", "1234567890. ")),
  );
  const list = fc
    .tuple(
      listMarker,
      fc.array(fc.tuple(item, oneof(w(8, pick("\n")), miss(1, pick("\n\n")))), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([m, items]) => {
      let n = Number.parseInt(m, 10);
      return items
        .map(([text, sep], i) => {
          const mark = Number.isNaN(n) || /^0\d/.test(m) ? m : `${n++}. `;
          const indent = " ".repeat(mark.length);
          const more = i < items.length - 1 ? sep : "";
          return `${mark}${text.replaceAll("\n  ", `\n${indent}`)}${more}`;
        })
        .join("");
    });

  const cellText = oneof(
    w(
      6,
      inline.map((t) => t.replaceAll("\n", " ")),
    ),
    w(2, joined(oneof(w(3, word), w(1, escape), w(1, pick("\\|", "\\`"))), 4)),
    w(1, pick("")),
    miss(1, pick("|", "a | b", "`a|b`", "\\", "a\\")),
  );
  const pad = oneof(w(8, pick(" ")), miss(1, pick("", "  ")));
  const cell = fc.tuple(pad, cellText, pad).map(([a, t, b]) => a + t + b);
  const delimiter = oneof(
    w(8, pick(" --- ", " :--- ", " ---: ", " :---: ", "---", " - ", " :-: ")),
    miss(1, pick(" -- x ", "   ", "", " :: ", " = ")),
  );
  const edge = oneof(w(10, pick("|")), miss(1, pick("", "\\|")));
  const row = (cells: number) =>
    fc
      .tuple(fc.array(cell, { minLength: cells, maxLength: cells }), edge, edge)
      .map(([cs, open, close]) => `${open.replace("\\", "")}${cs.join("|")}${close}`);
  const table = fc
    .integer({ min: 1, max: 4 })
    .chain((k) =>
      fc
        .tuple(
          row(k),
          fc.array(delimiter, { minLength: k, maxLength: k }),
          fc.array(
            oneof(
              w(10, row(k)),
              miss(1, row(Math.max(1, k - 1))),
              miss(1, row(k + 1)),
              miss(1, inline),
              miss(1, pick("", "  ")),
            ),
            { maxLength: 4 },
          ),
        )
        .map(([head, delims, body]) => [head, `|${delims.join("|")}|`, ...body].join("\n")),
    );
  const html = oneof(
    w(6, pick("<!-- pagebreak -->", "<!-- a b -->")),
    miss(1, pick("<!-- a-b -->", "<!---->", "<!-- x -->y", "<div>", "<!--x-->", "<br/>")),
  );
  const nearMissBlock = pick(
    "---",
    "***",
    "___",
    "> quote",
    "```\ncode\n```",
    "    code",
    "[x]: http://y",
    "* item",
    "+ item",
    "a\n===",
    "a\n---",
    "a\n| b |\n| - |",
    "a | b\n--- | ---",
    "~~~\nx\n~~~",
    "\tx",
    "a  \nb",
    "a\\\nb",
    " ",
    "<https://x>",
    "\ufeffa",
  );
  const block = oneof(
    w(6, paragraph),
    w(3, heading),
    w(3, list),
    w(3, table),
    w(1, html),
    miss(1, nearMissBlock),
  );
  const document = fc
    .tuple(
      pick("", "", "", "\n"),
      fc.array(fc.tuple(block, oneof(w(10, pick("\n\n")), miss(1, pick("\n", "\n\n\n")))), {
        maxLength: 6,
      }),
      pick("", "\n", "\n", "\n\n"),
    )
    .map(
      ([pre, blocks, post]) =>
        pre + blocks.map(([b, sep], i) => b + (i < blocks.length - 1 ? sep : "")).join("") + post,
    );
  return { inline, list, document, paragraph, heading, table };
}

const mixed = grammar(false);
const strict = grammar(true);

describe("parseSimpleMarkdown against micromark", () => {
  it("bails or builds micromark's tree on documents mixing the subset with near misses", () => {
    let runs = 0;
    let fast = 0;
    fc.assert(
      fc.property(mixed.document, (md) => {
        runs++;
        if (agrees(md)) fast++;
      }),
      { numRuns: 4000 },
    );
    // The test cannot pass by always bailing: a good share of documents take the fast path.
    expect(fast / runs).toBeGreaterThan(0.15); // about 21% in 50,000 runs
  });

  it("takes the fast path on most documents of the subset, with every construct", () => {
    let runs = 0;
    let fast = 0;
    const seen = new Set<string>();
    fc.assert(
      fc.property(strict.document, (md) => {
        runs++;
        if (agrees(md)) {
          fast++;
          nodeTypes(parseSimpleMarkdown(md)!, seen);
        }
      }),
      { numRuns: 2000 },
    );
    expect(fast / runs).toBeGreaterThan(0.5); // about 67% in 50,000 runs
    expect([...seen].sort()).toEqual(
      [
        "bulletList",
        "emphasis",
        "heading",
        "html",
        "image",
        "inlineCode",
        "link",
        "listItem",
        "orderedList",
        "paragraph",
        "root",
        "strong",
        "table",
        "tableCell",
        "tableRow",
        "text",
      ].sort(),
    );
  });

  it("agrees on arbitrary text, including every Unicode and control character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (md) => {
        agrees(md);
      }),
      { numRuns: 1000 },
    );
  });

  it("takes the fast path on any value the templates escape, in cells, headings and items", () => {
    // escapeInline is how every template value is written; it must not push documents off
    // the fast path (values without control characters).
    const value = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(value, value, (a, b) => {
        const x = escapeInline(a);
        const y = escapeInline(b);
        fc.pre(x !== "" && y !== "" && !/[\0-\x1f\x7f\ufeff]/.test(a + b));
        const md = `## ${x}\n\n| ${x} | ${y} |\n| --- | ---: |\n| ${y} | ${x} |\n\n- ${x}\n- **${y}:** ${x}\n\n${x}\n`;
        fastEqual(md);
      }),
      { numRuns: 1000 },
    );
  });

  it("agrees on any narrative the templates write with escapeProse", () => {
    const prose = fc
      .array(fc.oneof(w(3, mixed.inline), w(1, mixed.list), w(1, pick("", "# h", "---", "<b>"))), {
        minLength: 1,
        maxLength: 4,
      })
      .map((xs) => xs.join("\n"));
    fc.assert(
      fc.property(prose, (p) => {
        agrees(`## Summary\n\n${escapeProse(p)}\n`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("Markdown our templates write takes the fast path", () => {
  const temps: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), "spotlight-mdfast-"));
    temps.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  async function renderPack(file: string, assetsDir?: string): Promise<string> {
    const loaded = await loadPack(file);
    expect(hasErrors(loaded.diagnostics)).toBe(false);
    const opts = assetsDir === undefined ? {} : { assetsDir };
    return (await renderMarkdown(loaded.pack!, undefined, opts)).markdown;
  }

  it("the golden paper", () => {
    const md = readFileSync(new URL("../golden/markdown/paper.md", import.meta.url), "utf8");
    const types = nodeTypes(fastEqual(md));
    expect(types).toContain("table");
    expect(types).toContain("html");
  });

  it("the example pack rendered now (lists with wrapped items in its summary)", async () => {
    const file = fileURLToPath(new URL("../../examples/northshire/pack.yaml", import.meta.url));
    const md = await renderPack(file);
    expect(md).toMatch(/\n- \*\*.*\n {2}\S/);
    fastEqual(md);
  });

  it("the render fixture pack", async () => {
    const file = fileURLToPath(new URL("../fixtures/render/pack/pack.yaml", import.meta.url));
    fastEqual(await renderPack(file));
  });

  it("a paper whose image folder has spaces and parentheses (destinations in <…>)", async () => {
    const file = fileURLToPath(new URL("../fixtures/render/pack/pack.yaml", import.meta.url));
    const md = await renderPack(file, "Board paper (Dec)_files");
    expect(md).toContain("](<Board paper (Dec)_files/");
    fastEqual(md);
  });

  it("a bench pack (3 spotlights × 3 measures)", async () => {
    const pack = writePack(tempDir(), "pack-3", 3, 3);
    fastEqual(await renderPack(pack.file));
  });

  it("the bench paper for convert", async () => {
    const file = await writeMarkdownPaper(tempDir(), 3);
    fastEqual(readFileSync(file, "utf8"));
  });

  it("the hand-written sample paper is beyond the subset and parses as before", () => {
    // test/fixtures/docx/sample-paper.md is written by hand to exercise the DOCX writer on
    // all of Markdown (nested lists, a block quote, fenced code, a thematic break).
    const md = readFileSync(new URL("../fixtures/docx/sample-paper.md", import.meta.url), "utf8");
    expect(parseSimpleMarkdown(md)).toBeUndefined();
    expect(parseMarkdown(md)).toStrictEqual(micromark(md));
  });
});

describe("constructs of the subset", () => {
  it.each([
    ["an empty document", ""],
    ["blank lines only", "\n\n\n"],
    ["a heading of each depth", "# a\n\n## b\n\n### c\n\n#### d\n\n##### e\n\n###### f"],
    ["a paragraph over lines", "one\ntwo\nthree\n"],
    ["unicode text", "naïve 日本 😀 – ·\n"],
    ["escapes merged into the text", "A&E \\| \\<ED\\> \\*pilot\\* \\a \\\\ x\\_y\n"],
    ["a literal & and <", "A&E & co < 5 &x\n"],
    ["a backslash ending the paragraph", "a\\"],
    ["an escaped backslash ending a line", "a\\\\\nb \\\\\n"],
    ["a heading ending in a backslash", "# a\\\n"],
    ["a heading ending in an escaped or inner #", "# C\\#\n\n## C#\n\n### #\\#\n"],
    ["emphasis and strong", "a *b* **c** _d_ __e__ f\n"],
    ["strong ending in punctuation", "**Latest:** 4.2. **Staff.** Done\n"],
    ["emphasis over lines", "*a\nb* c\n"],
    ["intraword underscores", "snake_case_name and x_1\n"],
    ["literal delimiter runs", "a * b _ c ** d\n"],
    ["an image with a title", '![Icon (low)](paper_files/a_b.svg "icon") Label\n'],
    ["an image with empty alt", "![](x.png)\n"],
    ["a link", "See [the guide](https://x.org/a?b=1&c=2) now.\n"],
    ["a link with no text", "[](u)\n"],
    ["a destination in angle brackets", '![A (b)](<my paper_files/a (1).png> "icon") [c](<>)\n'],
    ["a code span", "Use `a *b*` and `` a`b `` and ` c `.\n"],
    ["a bullet list", "- a\n- **b:** c\n"],
    ["star and plus lists", "* a\n* *b* c\n\nd\n\n+ e\n+ f\n"],
    ["an ordered list", "3. a\n4. b\n10. c\n"],
    ["a list item over lines", "- a\n  b\n- c\n"],
    ["an ordered item over lines", "10. a\n    b\n"],
    ["a list then a paragraph", "- a\n\nb\n"],
    ["a table", "| A | B | C | D |\n| --- | :--- | ---: | :---: |\n| 1 | 2 | 3 | 4 |\n"],
    ["a table with empty cells", "| A | B |\n| --- | --- |\n|  | x |\n| y | |\n"],
    ["a table with escaped pipes", "| A | B |\n| --- | --- |\n| a \\| b | c\\\\ |\n"],
    ["a table with no body", "| A |\n| - |\n"],
    ["an HTML comment line", "a\n\n<!-- pagebreak -->\n\nb\n"],
  ])("%s", (_, md) => {
    fastEqual(md);
  });
});

describe("bail-out rules", () => {
  it.each([
    ["a carriage return", "a\r\nb\n"],
    ["a tab", "a\tb\n"],
    ["a NUL", "a\0b\n"],
    ["a byte order mark", "\ufeffa\n"],
    ["trailing spaces (a hard break)", "a  \nb\n"],
    ["a line of spaces", "a\n \nb\n"],
    ["a backslash hard break", "a\\\nb\n"],
    ["an indented line", "a\n\n    code\n"],
    ["a paragraph line with a leading space", "a\n b\n"],
    ["a setext heading", "a\n===\n"],
    ["a setext heading with dashes", "a\n---\n"],
    ["a thematic break", "a\n\n***\n"],
    ["a closing heading sequence", "# a #\n"],
    ["a closing heading sequence alone", "## ##\n"],
    ["an empty heading", "#\n"],
    ["a heading with extra spaces", "#  a\n"],
    ["a block quote", "> a\n"],
    ["a fenced code block", "```\na\n```\n"],
    ["a tilde fence", "~~~\na\n~~~\n"],
    ["an HTML block", "<div>\na\n</div>\n"],
    ["inline HTML", "a <b>c</b>\n"],
    ["an autolink", "<https://x.org>\n"],
    ["a character reference", "a &amp; b\n"],
    ["a numeric character reference", "a &#35; b\n"],
    ["a link reference definition", "[x]: https://x.org\n"],
    ["a reference link", "[x][y]\n"],
    ["a shortcut reference", "[x]\n"],
    ["a stray closing bracket", "a ] b\n"],
    ["a link with an escape in angle brackets", "[a](<b\\>c>)\n"],
    ["a link with parentheses", "[a](b(c))\n"],
    ["a link with a single-quoted title", "[a](b 'c')\n"],
    ["a link with an escape in its destination", "[a](b\\_c)\n"],
    ["emphasis in link text", "[*a*](b)\n"],
    ["a link inside emphasis", "*see [a](b)*\n"],
    ["nested emphasis", "*a **b** c*\n"],
    ["an unclosed emphasis", "**Note: a\n"],
    ["a delimiter run both opening and closing", "a*b*c\n"],
    ["mismatched delimiters", "**a*\n"],
    ["a run of three", "***a***\n"],
    ["an unclosed code span", "a `b\n"],
    ["a code span over lines", "`a\nb`\n"],
    ["a parenthesis ordered list", "1) a\n"],
    ["an empty list item", "-\n"],
    ["a loose list", "- a\n\n- b\n"],
    ["a list after a list", "- a\n\n* b\n"],
    ["a change of bullet", "- a\n* b\n"],
    ["a thematic break of spaced stars", "* * *\n"],
    ["a nested list", "- a\n  - b\n"],
    ["a lazy continuation line", "- a\nb\n"],
    ["a list interrupting a paragraph", "a\n- b\n"],
    ["a table interrupting a paragraph", "a\n| b |\n| - |\n"],
    ["a table without a trailing pipe", "| a\n| - |\n"],
    ["a table row ending in an escaped pipe", "| a |\n| - |\n| b \\|\n"],
    ["uneven table rows", "| a | b |\n| - | - |\n| c |\n"],
    ["a table row without pipes", "| a |\n| - |\nb\n"],
    ["a table cell without spaces", "| a |b|\n| - | - |\n"],
    ["a code span with an escaped pipe", "`a\\|b`\n"],
    ["a code span split by a table's pipe", "| `a|b` |\n| - | - |\n"],
    ["a heading followed by a paragraph line", "# a\nb\n"],
    ["a multi-line HTML comment", "<!--\na\n-->\n"],
  ])("%s", (_, md) => {
    expect(parseSimpleMarkdown(md)).toBeUndefined();
    // micromark still reads it through parseMarkdown.
    expect(parseMarkdown(md)).toStrictEqual(micromark(md));
  });
});

describe("classify", () => {
  it("puts every character below U+3000 in the class micromark's regular expressions give", () => {
    for (let code = 0; code < 0x3000; code++) {
      const ch = String.fromCharCode(code);
      const expected = /\s/.test(ch) ? 1 : /\p{P}|\p{S}/u.test(ch) ? 2 : 0;
      if (classify(code) !== expected)
        expect({ code, class: classify(code) }).toEqual({ code, class: expected });
    }
    expect(classify(Number.NaN)).toBe(1); // the end of the document
  });
});
