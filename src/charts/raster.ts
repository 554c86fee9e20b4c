// Rasterises chart and icon SVGs to PNG with @resvg/resvg-js (the only importer of it), using
// the Liberation Sans files shipped in assets/fonts (or their Latin subset). System fonts are
// never loaded, so a PNG looks the same on every machine; without a font resvg would silently
// drop all text.
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import { packageFile } from "../common/package-files.js";
import { encodePng, encodePngAsync } from "./png.js";
import { FONT_NAME } from "./svg-kit.js";

const FONT_FILES = ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"];

/**
 * Liberation Sans cut down to common Latin text and renamed, as its licence asks of a modified
 * version (scripts/subset-chart-font.py). resvg shapes each text element in time that grows with
 * the font's size: a chart whose text all fits draws about four times faster with the subset,
 * and its pixels are the same. Any other character and the full font is used.
 */
const SUBSET_FILES = ["SpotlightChartSans-Regular.ttf", "SpotlightChartSans-Bold.ttf"];
const SUBSET_NAME = "Spotlight Chart Sans";
/** The subset's characters (keep in step with UNICODES in scripts/subset-chart-font.py). */
const subsetCoverage =
  /^[\t\n\r\x20-\x7E\u00A0-\u017F\u2013\u2014\u2018-\u201E\u2022\u2026\u2212\u20AC]*$/;

const fontPaths = new Map<string[], string[]>();

function shipped(files: string[]): string[] {
  const known = fontPaths.get(files);
  if (known) return known;
  const paths = files.map((name) => packageFile(`assets/fonts/${name}`));
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    // A broken installation: rendering would silently lose every label, so refuse.
    throw new Error(`chart font missing: ${missing.join(", ")}`);
  }
  fontPaths.set(files, paths);
  return paths;
}

/** Paths of the shipped fonts (the full Liberation Sans), resolved once. */
export const shippedFontPaths = (): string[] => shipped(FONT_FILES);

/** True when every character of `svg` is in the subset font. */
export const fitsSubset = (svg: string): boolean => subsetCoverage.test(svg);

function options(svg: string, opts: { width?: number }): ResvgRenderOptions {
  const subset = fitsSubset(svg);
  const family = subset ? SUBSET_NAME : FONT_NAME;
  return {
    fitTo: opts.width ? { mode: "width", value: Math.round(opts.width) } : { mode: "original" },
    font: {
      loadSystemFonts: false,
      fontFiles: subset ? shipped(SUBSET_FILES) : shippedFontPaths(),
      defaultFontFamily: family,
      sansSerifFamily: family,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: "off",
  };
}

/** Renders `svg` to PNG bytes; `width` scales the image (height keeps the aspect ratio). */
export function svgToPng(svg: string, opts: { width?: number } = {}): Uint8Array {
  const image = new Resvg(svg, options(svg, opts)).render();
  return encodePng(image.pixels, image.width, image.height);
}

/**
 * Each rendered chart holds about 1.3 MB of native memory until V8 collects the small object
 * that owns it, and V8 does not count that memory, so it rarely collects: 150 charts queued at
 * once kept 200-300 MB alive. So at most `maxInFlight` charts are queued on the thread pool
 * (libuv's 4 threads, all kept busy) and a full collection follows every `collectEvery`
 * charts. For 50 spotlights, 4 in flight against 8: same wall time, peak RSS 354 against 385 MB;
 * with 640-px charts a collection every 96 rather than 32 charts saves 0.1–0.2 s at the same RSS.
 */
const maxInFlight = 4;
const collectEvery = 96;
let inFlight = 0;
const waiting: (() => void)[] = [];
let rendered = 0;
let collect: (() => void) | undefined;

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (inFlight < maxInFlight) inFlight += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    // The slot passes straight to the next waiting chart, if any.
    const next = waiting.shift();
    if (next) next();
    else inFlight -= 1;
  }
}

function countRendered(): void {
  rendered += 1;
  if (rendered % collectEvery !== 0) return;
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}

/**
 * {@link svgToPng} off the main thread (libuv's thread pool draws and compresses): start many at
 * once and the charts are drawn in parallel on every core while JavaScript goes on. Same bytes
 * as svgToPng.
 */
export async function svgToPngAsync(
  svg: string,
  opts: { width?: number } = {},
): Promise<Uint8Array> {
  return inSlot(async () => {
    const image = await renderAsync(svg, options(svg, opts));
    const png = await encodePngAsync(image.pixels, image.width, image.height);
    countRendered();
    return png;
  });
}
