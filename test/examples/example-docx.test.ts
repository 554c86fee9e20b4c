// The bundled example pack, rendered by the README's Quick start line as written (npx, from
// the repository root) and read back by independent clients: LibreOffice converts the DOCX to
// PDF (poppler reads text and page count), python-docx reads styles, properties, tables and alt
// text; the Markdown render's images all have alt text and exist. Missing tools fail in CI and
// skip locally.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summariseDocx } from "../docx/docx-summary.js";
import { binPath, repoRoot, runCli, type CliResult } from "../helpers/cli.js";
import {
  docxToPdf,
  markdownImages,
  missingTools,
  pageOpenings,
  pdfPages,
  pdfTextPages,
  readWithPythonDocx,
} from "../helpers/readers.js";

const pack = "examples/northshire/pack.yaml";
const paperTitle = "Improvement spotlight: December 2026";
const runningHeader = "Northshire Hospitals NHS Foundation Trust — Trust Board (Public)";
const spotlightTitles = [
  "Inpatient falls on Wards 7 and 8",
  "Delays to antibiotics for sepsis in ED",
  "Late-day discharges from medical wards",
  "Late first-case starts in Main Theatres",
];

const missing = missingTools();
const inCi = Boolean(process.env.CI);
if (missing.length > 0 && !inCi) {
  console.warn(`skipping example DOCX reader checks: ${missing.join(", ")} not installed`);
}
const builtBin = existsSync(join(repoRoot, "dist/cli/run.js"));

let dir: string;
let docxPath: string;
let quickStart: CliResult;
let quickStartLine: string | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spotlight-example-"));
  docxPath = join(dir, "paper.docx");
  // The README's Quick start line as written, run from the repository root; only the output
  // goes to the temporary folder. --no-install: never fetch a package called "spotlight".
  const readme = await readFile(join(repoRoot, "README.md"), "utf8");
  quickStartLine = /^npx spotlight render .* -o paper\.docx$/m.exec(readme)?.[0];
  if (builtBin && quickStartLine) {
    const args = quickStartLine.split(/\s+/).slice(1, -1);
    const r = spawnSync("npx", ["--no-install", ...args, docxPath], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 60_000,
    });
    quickStart = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
}, 90_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("README Quick start", () => {
  it("`npx spotlight render … -o paper.docx` renders the example pack with exit 0", async () => {
    expect(quickStartLine).toBe(`npx spotlight render ${pack} -o paper.docx`);
    expect(builtBin, `no dist/: run \`npm run build\` before ${binPath}`).toBe(true);
    expect(quickStart.stderr).toBe("");
    expect(quickStart.code).toBe(0);
    const bytes = new Uint8Array(await readFile(docxPath));
    expect(bytes.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // a zip
    const summary = summariseDocx(bytes);
    expect(summary.core["dc:title"]).toBe(paperTitle);
    expect(summary.language).toBe("en-GB");
    // Every drawing in body, headers and footers carries alt text.
    expect(summary.images.length).toBeGreaterThan(16);
    expect(summary.images.filter((i) => i.descr.trim() === "")).toEqual([]);
  });
});

describe.runIf(inCi || missing.length === 0)("the example DOCX in independent readers", () => {
  it("the reader tools are installed (required in CI)", () => {
    expect(missing).toEqual([]);
  });

  it("LibreOffice converts it to PDF with the title, every spotlight and a sane page count", () => {
    const pdf = docxToPdf(docxPath, dir);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(60);
    const text = pdfTextPages(pdf);
    const all = text.join("\n");
    for (const heading of [paperTitle, "Summary of measures", ...spotlightTitles]) {
      expect(all).toContain(heading);
    }
    // The paper opens page 1; each spotlight opens a page of its own (a page break before it),
    // after the summary of measures and in pack order.
    const openings = pageOpenings(text, runningHeader);
    expect(openings[0]).toBe(paperTitle);
    // (A summary-of-measures page may open with a spotlight's title too: take the last page.)
    const starts = spotlightTitles.map((t) => openings.lastIndexOf(t));
    const summaryPage = text.findIndex((page) => page.includes("Summary of measures"));
    expect(starts[0]).toBeGreaterThan(summaryPage);
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]).toBeGreaterThan(starts[i - 1] as number);
    }
    expect(all).toContain(`Page 1 of ${pages}`);
  }, 120_000);

  it("python-docx sees Word heading styles, title, en-GB, header rows and alt text", () => {
    const view = readWithPythonDocx(docxPath);
    expect(view.title).toBe(paperTitle);
    expect(view.language).toBe("en-GB");
    expect(view.styleLanguages).toEqual(["en-GB"]);
    const style = (text: string) => view.headings.find(([, t]) => t === text)?.[0];
    expect(style(paperTitle)).toBe("Heading 1");
    expect(style("Summary of measures")).toBe("Heading 2");
    const styles = (text: string) => view.headings.filter(([, t]) => t === text).map(([s]) => s);
    for (const title of spotlightTitles) expect(styles(title)).toContain("Heading 2");
    for (const [name] of view.headings) expect(name).toMatch(/^Heading [1-4]$/);
    expect(view.headings.filter(([n]) => n === "Heading 3").length).toBeGreaterThanOrEqual(4 * 5);
    expect(view.tables.length).toBeGreaterThan(4);
    for (const [rows, , header] of view.tables) {
      expect(rows).toBeGreaterThan(1);
      expect(header).toBe(true);
    }
    // 16 charts (4 measures × 4 spotlights), each with a long description; icons too.
    const charts = view.images.filter(([, descr]) => /^(XmR|U|P|C|Run) chart of /.test(descr));
    expect(charts.length).toBe(16);
    for (const [, descr] of charts) expect(descr.length).toBeGreaterThan(60);
    expect(view.images.filter(([, descr]) => descr.trim() === "")).toEqual([]);
  }, 30_000);
});

describe("the example Markdown", () => {
  it("renders with every image's alt text and file under paper_files/", async () => {
    const out = join(dir, "md", "paper.md");
    const r = await runCli(["render", pack, "-o", out], { cwd: repoRoot });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const markdown = await readFile(out, "utf8");
    for (const heading of [paperTitle, "Summary of measures", ...spotlightTitles]) {
      expect(markdown).toMatch(new RegExp(`^#{1,2} ${heading}$`, "m"));
    }
    const images = markdownImages(markdown);
    expect(images.filter((i) => /chart of /.test(i.alt)).length).toBe(16);
    for (const image of images) {
      expect(image.alt.trim(), image.path).not.toBe("");
      expect(image.path).toMatch(/^paper_files\/[\w.-]+$/);
      const file = resolve(join(dir, "md"), image.path);
      expect((await stat(file)).size, image.path).toBeGreaterThan(0);
    }
  });

  it("the README's screenshots exist, are small PNGs, and the chart is the current render", async () => {
    const images = join(repoRoot, "docs", "images");
    for (const name of ["page-1.png", "spotlight-page.png", "chart.png", "icons.png"]) {
      const bytes = await readFile(join(images, name));
      expect(bytes.subarray(1, 4).toString("latin1"), name).toBe("PNG");
      expect(bytes.length, name).toBeLessThan(300 * 1024);
    }
    const current = await readFile(
      join(dir, "md", "paper_files", "falls-wards-7-8-falls-rate.png"),
    );
    const committed = await readFile(join(images, "chart.png"));
    expect(
      committed.equals(current),
      "docs/images is out of date: run `npx tsx scripts/screenshots.ts`",
    ).toBe(true);
  });
});
