// `npx tsx scripts/screenshots.ts`: the README's screenshots, made from the bundled example by
// the project itself. Renders examples/northshire to DOCX and Markdown, converts the DOCX to PDF
// with LibreOffice, rasterises page 1 and the first spotlight page with pdftoppm, and copies the
// falls rate chart and draws the icon set into docs/images/ (fixed names; each under 300 KB).
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Variation } from "../src/analysis/types.js";
import {
  ASSURANCES,
  VARIATIONS,
  assuranceIconSvg,
  assuranceLabel,
  variationIconSvg,
  variationLabel,
} from "../src/charts/icons.js";
import { svgToPng } from "../src/charts/raster.js";
import { FONT_FAMILY, esc } from "../src/charts/svg-kit.js";
import { repoRoot, runCli } from "../test/helpers/cli.js";
import {
  docxToPdf,
  missingTools,
  pageOpenings,
  pdfPages,
  pdfTextPages,
} from "../test/helpers/readers.js";

const pack = "examples/northshire/pack.yaml";
const outDir = join(repoRoot, "docs", "images");
const maxBytes = 300 * 1024;

function fail(message: string): never {
  process.stderr.write(`screenshots: ${message}\n`);
  process.exit(1);
}

async function render(output: string): Promise<void> {
  const r = await runCli(["render", pack, "-o", output], { cwd: repoRoot });
  if (r.code !== 0) fail(`render ${output} exited ${r.code}\n${r.stderr}`);
}

/** Page `page` (1-based) of `pdf` as PNG at the highest of the dpis that fits under 300 KB. */
function rasterise(pdf: string, page: number, target: string): void {
  for (const dpi of [70, 60, 50]) {
    const prefix = target.replace(/\.png$/, "");
    const args = ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page)];
    const r = spawnSync("pdftoppm", [...args, "-singlefile", pdf, prefix], { encoding: "utf8" });
    if (r.status !== 0) fail(`pdftoppm: ${r.stderr}`);
    if (statSync(target).size <= maxBytes) return;
  }
  fail(`${target} is over ${maxBytes} bytes even at 50 dpi`);
}

/** The first spotlight's heading: the first `## ` heading after the first page break. */
function firstSpotlightTitle(markdown: string): string {
  const after = markdown.slice(markdown.indexOf("<!-- pagebreak -->"));
  const m = /^## (.+)$/m.exec(after);
  if (!m) fail("no spotlight heading after a page break in the Markdown");
  return m[1] as string;
}

/** All ten Making Data Count icons in two labelled rows, drawn by src/charts/icons.ts. */
function iconSheetSvg(): string {
  const cell = 150;
  const rows: { svg: string; label: string }[][] = [
    VARIATIONS.map((v: Variation) => ({ svg: variationIconSvg(v), label: variationLabel(v) })),
    ASSURANCES.map((a) => ({ svg: assuranceIconSvg(a), label: assuranceLabel(a) })),
  ];
  const width = cell * VARIATIONS.length;
  const rowHeight = 150;
  const parts = rows.flatMap((row, r) =>
    row.flatMap(({ svg, label }, i) => {
      const x = i * cell;
      const y = r * rowHeight;
      const lines = wrap(label, 22);
      return [
        svg.replace("<svg ", `<svg x="${x + cell / 2 - 32}" y="${y + 10}" `),
        ...lines.map(
          (line, k) =>
            `<text x="${x + cell / 2}" y="${y + 92 + k * 14}" text-anchor="middle" font-size="11.5">${esc(line)}</text>`,
        ),
      ];
    }),
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${rowHeight * 2}" ` +
    `viewBox="0 0 ${width} ${rowHeight * 2}" font-family="${esc(FONT_FAMILY)}" fill="#231F20">` +
    `<rect width="100%" height="100%" fill="#FFFFFF"/>${parts.join("")}</svg>`
  );
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

async function mainScript(): Promise<void> {
  const missing = missingTools().filter((t) => t !== "python-docx");
  if (missing.length > 0) fail(`needs ${missing.join(", ")} (LibreOffice and poppler-utils)`);
  const tmp = mkdtempSync(join(tmpdir(), "spotlight-screenshots-"));
  try {
    const docx = join(tmp, "paper.docx");
    const md = join(tmp, "md", "paper.md");
    await render(docx);
    await render(md);
    const pdf = docxToPdf(docx, tmp);
    const pages = pdfTextPages(pdf);
    const header = pages[0]?.split("\n")[0]?.trim() ?? "";
    const title = firstSpotlightTitle(readFileSync(md, "utf8"));
    const spotlightPage = pageOpenings(pages, header).indexOf(title) + 1;
    if (spotlightPage < 2) fail(`no page opens with the spotlight "${title}"`);

    mkdirSync(outDir, { recursive: true });
    rasterise(pdf, 1, join(outDir, "page-1.png"));
    rasterise(pdf, spotlightPage, join(outDir, "spotlight-page.png"));
    copyFileSync(
      join(tmp, "md", "paper_files", "falls-wards-7-8-falls-rate.png"),
      join(outDir, "chart.png"),
    );
    writeFileSync(join(outDir, "icons.png"), svgToPng(iconSheetSvg()));
    for (const name of ["page-1.png", "spotlight-page.png", "chart.png", "icons.png"]) {
      const size = statSync(join(outDir, name)).size;
      if (size > maxBytes) fail(`docs/images/${name} is ${size} bytes (over ${maxBytes})`);
      process.stderr.write(`docs/images/${name} (${Math.round(size / 1024)} KB)\n`);
    }
    process.stderr.write(`spotlight page: ${spotlightPage} of ${pdfPages(pdf)} ("${title}")\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await mainScript();
