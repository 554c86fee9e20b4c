// Links in narrative text: only http, https and mailto stay links in the Markdown (as in the
// DOCX); javascript:, file: and data: links and images keep only their text.
import { describe, expect, it } from "vitest";
import { escapeProse } from "../../src/template/escape.js";
import { parseMarkdown } from "../../src/write/markdown-parse.js";

const links = (md: string): string[] => {
  const out: string[] = [];
  const visit = (n: { type: string; url?: string; children?: unknown[] }) => {
    if ((n.type === "link" || n.type === "image") && n.url) out.push(n.url);
    (n.children as (typeof n)[] | undefined)?.forEach(visit);
  };
  visit(parseMarkdown(md) as never);
  return out;
};

describe("unsafe links in prose", () => {
  const text =
    "Wait [click](javascript:alert(1)) ![pic](data:image/png;base64,xx) [f](FILE:///etc/passwd) " +
    "[audit](https://example.nhs.uk/a_(b)) [mail](mailto:qi@example.nhs.uk) [notes](notes.pdf) `[c](javascript:x)`";

  it("keep only their text, while safe and relative links stay", () => {
    const md = escapeProse(text);
    expect(links(md)).toEqual([
      "https://example.nhs.uk/a_(b)",
      "mailto:qi@example.nhs.uk",
      "notes.pdf",
    ]);
    expect(md).toContain("Wait click pic f [audit]");
  });

  it("are left alone inside code spans, which are literal", () => {
    expect(escapeProse(text)).toContain("`[c](javascript:x)`");
  });
});
