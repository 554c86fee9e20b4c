import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { fitsSubset, shippedFontPaths, svgToPng } from "../../src/charts/raster.js";
import { renderChartSvg } from "../../src/charts/spc-svg.js";
import { rebasedXmr } from "../fixtures/charts/analyses.js";
import { darkPixels, decodePng, isPng } from "./helpers.js";

const frame = (body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" viewBox="0 0 200 50">` +
  `<rect width="200" height="50" fill="#FFFFFF"/>${body}</svg>`;
const withText = frame(
  `<text x="10" y="34" font-family="'Liberation Sans', Arial" font-size="24" fill="#000000">Hello 123</text>`,
);

describe("svgToPng", () => {
  const svg = renderChartSvg(rebasedXmr(), {
    title: "Average length of stay",
    unit: "days",
    frequency: "monthly",
    improvement: "decrease",
  });

  it("finds the shipped Liberation Sans fonts", () => {
    const paths = shippedFontPaths();
    expect(paths.map((p) => p.split(/[\\/]/).slice(-3).join("/"))).toEqual([
      "assets/fonts/LiberationSans-Regular.ttf",
      "assets/fonts/LiberationSans-Bold.ttf",
    ]);
  });

  it("renders text with the shipped font (resvg drops text when it has no font)", () => {
    const text = decodePng(svgToPng(withText));
    const blank = decodePng(svgToPng(frame("")));
    expect(darkPixels(blank)).toBe(0);
    expect(darkPixels(text)).toBeGreaterThan(150);
  });

  it("renders text in a font family that is not installed, via the default family", () => {
    const other = frame(`<text x="10" y="34" font-size="24" fill="#000000">Hello 123</text>`);
    expect(darkPixels(decodePng(svgToPng(other)))).toBeGreaterThan(150);
  });

  it("writes a PNG of the chart's size, scaled by width", () => {
    const png = svgToPng(svg);
    expect(isPng(png)).toBe(true);
    const img = decodePng(png);
    expect([img.width, img.height]).toEqual([800, 400]);
    // the title's text is drawn in the top band
    expect(darkPixels(img, { x: 0, y: 0, w: 400, h: 28 })).toBeGreaterThan(200);
    const big = decodePng(svgToPng(svg, { width: 1600 }));
    expect([big.width, big.height]).toEqual([1600, 800]);
  });

  it("is deterministic", () => {
    expect(Buffer.from(svgToPng(svg)).equals(Buffer.from(svgToPng(svg)))).toBe(true);
  });

  /** The pixels resvg draws with the full Liberation Sans and nothing else. */
  const withFullFont = (markup: string) =>
    decodePng(
      new Resvg(markup, {
        font: {
          loadSystemFonts: false,
          fontFiles: shippedFontPaths(),
          defaultFontFamily: "Liberation Sans",
          sansSerifFamily: "Liberation Sans",
        },
        shapeRendering: 2,
        textRendering: 1,
        logLevel: "off",
      })
        .render()
        .asPng(),
    );
  const pixelsOf = (markup: string) => decodePng(svgToPng(markup));

  it("draws Latin text with the subset font to the same pixels as the full font", () => {
    const latin = frame(
      `<text x="4" y="20" font-family="'Liberation Sans'" font-size="12">Ysbyty Gwynedd ŵŷ £1,200 – 45%</text>` +
        `<text x="4" y="40" font-weight="bold" font-size="12">Żółć “quoted” … €5 − 2</text>`,
    );
    expect(fitsSubset(latin)).toBe(true);
    expect(fitsSubset(svg)).toBe(true);
    expect(pixelsOf(latin)).toEqual(withFullFont(latin));
    expect(pixelsOf(svg)).toEqual(withFullFont(svg));
  });

  it("falls back to the full font for characters outside the subset", () => {
    const greek = frame(`<text x="4" y="30" font-size="20">β-blocker Ж ≥ 5</text>`);
    expect(fitsSubset(greek)).toBe(false);
    expect(pixelsOf(greek)).toEqual(withFullFont(greek));
    expect(darkPixels(decodePng(svgToPng(greek)))).toBeGreaterThan(150);
  });

  it("writes straight (not premultiplied) alpha, as resvg's own PNG has it", () => {
    const translucent =
      `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2">` +
      `<rect width="2" height="2" fill="#FF8000" fill-opacity="0.5"/><circle cx="3" cy="1" r="0.7" fill="#005EB8"/></svg>`;
    const own = decodePng(new Resvg(translucent).render().asPng());
    expect(decodePng(svgToPng(translucent))).toEqual(own);
    expect(own.rgba.slice(0, 4)).toEqual(new Uint8Array([255, 128, 0, 128]));
  });
});
