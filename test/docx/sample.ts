// Test helper: renders the sample paper (test/fixtures/docx/sample-paper.md) with its images,
// logo, header and footer, so every DOCX test starts from the same input.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultConfig } from "../../src/schema/config-schema.js";
import {
  renderDocxFromMarkdown,
  type RenderDocxOptions,
  type RenderDocxResult,
} from "../../src/write/docx/render-docx.js";

export const fixtures = fileURLToPath(new URL("../fixtures/docx/", import.meta.url));

export async function fixtureBytes(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(fixtures, name)));
}

/** Loads images from the fixtures folder; undefined when missing, like the CLI's loader. */
export async function loadFixtureImage(rel: string): Promise<Uint8Array | undefined> {
  try {
    return await fixtureBytes(rel);
  } catch {
    return undefined;
  }
}

export function baseOptions(overrides: Partial<RenderDocxOptions> = {}): RenderDocxOptions {
  return {
    file: "sample-paper.md",
    loadImage: loadFixtureImage,
    style: defaultConfig().style,
    properties: {
      title: "Improvement spotlights: July 2024",
      author: "Quality Improvement team",
      date: "2024-07-04",
    },
    header: "Example NHS Trust — Trust Board",
    footer: "Improvement spotlights, July 2024",
    ...overrides,
  };
}

export async function renderSample(
  overrides: Partial<RenderDocxOptions> = {},
): Promise<RenderDocxResult> {
  const markdown = await readFile(join(fixtures, "sample-paper.md"), "utf8");
  return renderDocxFromMarkdown(
    markdown,
    baseOptions({ logo: await fixtureBytes("logo.png"), ...overrides }),
  );
}

/** Renders a Markdown string with the base options (no logo). */
export function renderMarkdown(markdown: string, overrides: Partial<RenderDocxOptions> = {}) {
  return renderDocxFromMarkdown(markdown, baseOptions({ file: "case.md", ...overrides }));
}
