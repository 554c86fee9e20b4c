// Alt text: an image with none is a warning, unless it is marked decorative (title
// "decorative", as the templates write spotlight images with `decorative: true`).
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./sample.js";

describe("images without alt text", () => {
  it("warn when the alt text is missing", async () => {
    const { diagnostics } = await renderMarkdown("![](logo.png)\n");
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["markdown.image_alt", 1, 1],
    ]);
  });

  it("are accepted when marked decorative", async () => {
    const { diagnostics } = await renderMarkdown('![](logo.png "decorative")\n');
    expect(diagnostics).toEqual([]);
  });
});
