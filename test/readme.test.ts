// The README's generated reference (commands and flags, input keys, diagnostic codes) must
// equal what the code produces: run `npm run docs` after changing options, schema or codes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { regenerate, sections } from "../scripts/readme-sections.js";

describe("README reference sections", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

  it("has every generated region", () => {
    for (const name of Object.keys(sections)) {
      expect(readme).toContain(`<!-- generated:${name} -->`);
      expect(readme).toContain(`<!-- /generated:${name} -->`);
    }
  });

  it("is up to date with the code (run `npm run docs`)", () => {
    expect(regenerate(readme)).toBe(readme);
  });

  it("keeps the Quick start runnable as written", () => {
    const quick = readme.split("## Quick start")[1]!.split("\n## ")[0]!;
    expect(quick).toContain("npm ci");
    expect(quick).toMatch(/npx spotlight render examples\/northshire\/pack\.yaml -o paper\.docx/);
    expect(quick).toContain("npm test");
  });
});
