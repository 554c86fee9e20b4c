// The Markdown output: the paper's Markdown (view model → templates) plus the image files it
// names — one SVG and PNG per chart and per icon used — keyed by their relative paths. Built
// in memory once, so the same charts serve the `.md` folder and the DOCX. Deterministic.
import { dirname, resolve } from "node:path";
import type { PackAnalyses } from "../analysis/analyse-pack.js";
import type { Variation } from "../analysis/types.js";
import { assuranceIconSvg, variationIconSvg, type AssuranceValue } from "../charts/icons.js";
import { svgToPngAsync } from "../charts/raster.js";
import { renderChartSvg, type ChartMeta } from "../charts/spc-svg.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReadIo } from "../io/io.js";
import { checkInside } from "../load/contain.js";
import type { Pack } from "../load/types.js";
import { buildViewModel, type ViewModel } from "../model/view-model.js";
import { loadTemplates, renderTemplateSources } from "../template/render-templates.js";

/**
 * Charts are drawn 640 × 320 units: placed at the full text width (15.9 cm) that prints their
 * 11-unit axis text at about 8 pt. The PNG (Word's fallback for the SVG) is drawn 1:1, about
 * 100 dpi on the page: a third fewer pixels than 800 px, so faster and lighter to render.
 */
const chartSize = { width: 640, height: 320 };
const chartPngWidth = chartSize.width;
/** Width in px of icon PNGs (drawn small beside their label). */
const iconPngWidth = 96;

export interface MarkdownOutput {
  /** The view model the templates were given. */
  vm: ViewModel;
  markdown: string;
  /** Relative path (as written in the Markdown, e.g. "paper_files/x.svg") → bytes. */
  files: Map<string, Uint8Array>;
  /** Problems with the spotlights' own images (missing file, no alt text, outside the pack). */
  diagnostics: Diagnostic[];
}

export interface MarkdownOutputOptions {
  io: ReadIo;
  /** Folder for charts and icons, relative to the Markdown file, e.g. "paper_files". */
  assetsDir: string;
  /** Folder of templates that override the built-ins. */
  templatesDir?: string;
  /** Working directory the pack was loaded from (spotlight file names are relative to it). */
  cwd?: string;
  /** Allow spotlight images outside the pack's folder (`--allow-outside`). */
  allowOutside?: boolean;
}

const utf8 = new TextEncoder();

/** Chart metadata for one measure: names, unit and annotations (the measure's and data notes). */
function chartMeta(pack: Pack, spotlightId: string, measureId: string): ChartMeta | undefined {
  const s = pack.spotlights.find((l) => l.spotlight.id === spotlightId)?.spotlight;
  const m = s?.measures.find((x) => x.id === measureId);
  if (!m) return undefined;
  const notes = (pack.data.get(spotlightId)?.get(measureId) ?? []).flatMap((p) =>
    p.note ? [{ date: p.date, label: p.note }] : [],
  );
  const meta: ChartMeta = {
    title: m.name,
    unit: m.unit,
    frequency: m.frequency,
    annotations: [...(m.annotations ?? []), ...notes],
    target: m.target ?? null,
    improvement: m.improvement,
  };
  if (m.decimals !== undefined) meta.decimals = m.decimals;
  return meta;
}

/** The image files of a paper being drawn: each on its own, and all of them. */
interface DrawnImages {
  /** Each chart and icon file (SVG at once, PNG when drawn) by its name. */
  each: Map<string, Promise<Uint8Array>>;
  /** All of them, in the order the view model names them. */
  all: Promise<Map<string, Uint8Array>>;
}

/**
 * Draws every chart and icon the view model names: SVG text and PNG bytes, once each. The PNGs
 * are rasterised in parallel off the main thread.
 */
function drawImageFiles(vm: ViewModel, pack: Pack, analyses: PackAnalyses): DrawnImages {
  const svgs: [svgFile: string, pngFile: string, svg: string, width: number][] = [];
  for (const s of vm.spotlights) {
    for (const m of s.measures) {
      const analysis = analyses.get(s.id)?.get(m.id);
      const meta = chartMeta(pack, s.id, m.id);
      if (!m.chart || !analysis || !meta) continue;
      const svg = renderChartSvg(analysis, meta, { ...chartSize, description: m.chart.alt });
      svgs.push([m.chart.svg_file, m.chart.png_file, svg, chartPngWidth]);
    }
  }
  for (const icon of vm.icons) {
    const svg =
      icon.kind === "variation"
        ? variationIconSvg(icon.value as Variation)
        : assuranceIconSvg(icon.value as AssuranceValue);
    svgs.push([icon.file, icon.png_file, svg, iconPngWidth]);
  }
  const each = new Map<string, Promise<Uint8Array>>();
  for (const [svgFile, pngFile, svg, width] of svgs) {
    each.set(svgFile, Promise.resolve(utf8.encode(svg)));
    each.set(pngFile, svgToPngAsync(svg, { width }));
  }
  const all = Promise.all(
    [...each].map(async ([name, bytes]) => [name, await bytes] as [string, Uint8Array]),
  ).then((entries) => new Map(entries));
  return { each, all };
}

/**
 * Reads the spotlights' own images (paths relative to each spotlight file) into `files` under
 * the names the view model gave them. Missing files, missing alt text and files outside the
 * pack are error diagnostics at the image's place in the YAML.
 */
async function copySpotlightImages(
  pack: Pack,
  vm: ViewModel,
  opts: MarkdownOutputOptions,
  files: Map<string, Uint8Array>,
): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  const cwd = opts.cwd ?? ".";
  for (const [i, l] of pack.spotlights.entries()) {
    const views = vm.spotlights[i]!.images;
    for (const [n, img] of (l.spotlight.images ?? []).entries()) {
      const path = [...l.basePath, "images", n];
      const pos = l.source.locate([...path, "path"]);
      const at = { file: l.source.file, path, ...(pos ?? {}) };
      if (!img.decorative && !img.alt?.trim()) {
        found.push(
          diagnostic({
            ...at,
            code: "markdown.image_alt",
            message: `image ${img.path} has no alt text`,
            hint: "Describe the image in alt:, or mark it decorative: true.",
          }),
        );
      }
      const abs = resolve(cwd, dirname(l.source.file), img.path);
      const outside = await checkInside(pack.dir, abs, opts.io, opts.allowOutside ?? false, {
        ...at,
        display: img.path,
      });
      if (outside) {
        found.push(outside);
        continue;
      }
      try {
        files.set(views[n]!.file, await opts.io.readFile(abs));
      } catch {
        found.push(
          diagnostic({
            ...at,
            code: "markdown.image_missing",
            message: `image ${img.path} cannot be read`,
          }),
        );
      }
    }
  }
  return found;
}

/** The Markdown at once; its image files (PNGs still being drawn on the thread pool) later. */
export interface PendingMarkdownOutput {
  vm: ViewModel;
  markdown: string;
  /** Every chart and icon drawn and the spotlights' own images read. */
  rest: Promise<Pick<MarkdownOutput, "files" | "diagnostics">>;
  /** One image file by name, as soon as it is ready (a chart's PNG when it is drawn). */
  file: (name: string) => Promise<Uint8Array | undefined>;
}

/**
 * {@link renderMarkdownOutput} without waiting for the charts, so that a caller (the DOCX
 * writer) can parse the Markdown while they are drawn. Template problems throw FatalError.
 */
export async function startMarkdownOutput(
  pack: Pack,
  analyses: PackAnalyses,
  opts: MarkdownOutputOptions,
): Promise<PendingMarkdownOutput> {
  const vm = buildViewModel(pack, analyses, { assetsDir: opts.assetsDir });
  // The template files are read first: once the charts are drawing, libuv's thread pool, which
  // also does file reads, is busy with them.
  const sources = await loadTemplates(opts.io, opts.templatesDir);
  // Charts are drawn on the thread pool while the templates run.
  const images = drawImageFiles(vm, pack, analyses);
  images.all.catch(() => undefined); // awaited through `rest`; a template error must not leave it unhandled
  const markdown = renderTemplateSources(vm, sources);
  const rest = images.all.then(async (files) => ({
    files,
    diagnostics: await copySpotlightImages(pack, vm, opts, files),
  }));
  rest.catch(() => undefined); // the caller awaits it, unless it failed first
  const file = async (name: string) =>
    images.each.has(name) ? images.each.get(name) : (await rest).files.get(name);
  return { vm, markdown, rest, file };
}

/**
 * Renders a loaded, analysed pack to Markdown and its image files. Template problems throw
 * FatalError; the pack's own diagnostics are the caller's business.
 */
export async function renderMarkdownOutput(
  pack: Pack,
  analyses: PackAnalyses,
  opts: MarkdownOutputOptions,
): Promise<MarkdownOutput> {
  const { vm, markdown, rest } = await startMarkdownOutput(pack, analyses, opts);
  return { vm, markdown, ...(await rest) };
}

/** `out/paper.md` → `paper_files`: the assets folder is named after the output file. */
export function assetsDirFor(outputFileName: string): string {
  const base = outputFileName.replace(/\\/g, "/").split("/").pop() ?? outputFileName;
  return `${base.replace(/\.[^.]*$/, "") || base}_files`;
}
