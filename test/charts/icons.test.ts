import { describe, expect, it } from "vitest";
import {
  ASSURANCES,
  VARIATIONS,
  assuranceIconSvg,
  assuranceLabel,
  iconFileName,
  variationIconSvg,
  variationLabel,
} from "../../src/charts/icons.js";
import { svgToPng } from "../../src/charts/raster.js";
import { assertWellFormed, decodePng } from "./helpers.js";

function letters(svg: string): string[] {
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? "");
}

/** Is there a pixel within `tolerance` of the colour `hex`? */
function hasColour(png: Uint8Array, hex: string, tolerance = 12): boolean {
  const img = decodePng(png);
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let i = 0; i < img.rgba.length; i += 4) {
    if ((img.rgba[i + 3] ?? 0) < 250) continue;
    if (want.every((w, k) => Math.abs((img.rgba[i + k] ?? 0) - w) <= tolerance)) return true;
  }
  return false;
}

describe("variation icons", () => {
  it.each(VARIATIONS)("%s is a well-formed 64×64 SVG titled with its label", (v) => {
    const svg = variationIconSvg(v);
    assertWellFormed(svg);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 64 64" width="64" height="64" role="img"/,
    );
    expect(svg).toContain(`aria-label="${variationLabel(v)}"`);
    expect(svg).toContain(`<title>${variationLabel(v)}</title>`);
  });

  it("carries H or L, and no letter for common cause", () => {
    expect(letters(variationIconSvg("common_cause"))).toEqual([]);
    for (const v of VARIATIONS.filter((x) => x !== "common_cause")) {
      expect(letters(variationIconSvg(v))).toEqual([v.endsWith("high") ? "H" : "L"]);
    }
  });

  it("uses the MDC colour of its kind", () => {
    expect(variationIconSvg("common_cause")).toContain('stroke="#A6A6A6"');
    expect(variationIconSvg("improvement_low")).toContain('stroke="#41B6E6"');
    expect(variationIconSvg("concern_high")).toContain('stroke="#ED8B00"');
    expect(variationIconSvg("neutral_low")).toContain('stroke="#7030A0"');
  });

  it("has plain-English labels, all different", () => {
    expect(variationLabel("common_cause")).toBe("Common cause variation");
    expect(variationLabel("improvement_high")).toBe("Special cause improvement (high)");
    expect(variationLabel("concern_low")).toBe("Special cause concern (low)");
    expect(new Set(VARIATIONS.map(variationLabel)).size).toBe(7);
  });
});

describe("assurance icons", () => {
  it.each([
    ["pass", "P", "#41B6E6"],
    ["fail", "F", "#ED8B00"],
    ["inconsistent", "?", "#A6A6A6"],
  ] as const)("%s shows %s in %s", (a, letter, ring) => {
    const svg = assuranceIconSvg(a);
    assertWellFormed(svg);
    expect(letters(svg)).toEqual([letter]);
    expect(svg).toContain(`<circle cx="32" cy="32" r="29" fill="#FFFFFF" stroke="${ring}"`);
    expect(svg).toContain(`<title>${assuranceLabel(a)}</title>`);
  });

  it("has plain-English labels", () => {
    expect(ASSURANCES.map(assuranceLabel)).toEqual([
      "Consistently passing the target",
      "Consistently failing the target",
      "Inconsistent: the target will be met only some of the time",
    ]);
  });
});

describe("icon files", () => {
  it("have stable names", () => {
    expect(iconFileName("variation", "improvement_high")).toBe("variation-improvement_high.svg");
    expect(iconFileName("assurance", "inconsistent")).toBe("assurance-inconsistent.svg");
  });

  it("rasterise with their ring colour and the letter in its darker shade", () => {
    const png = svgToPng(variationIconSvg("improvement_high"), { width: 128 });
    expect(decodePng(png)).toMatchObject({ width: 128, height: 128 });
    expect(hasColour(png, "#41B6E6")).toBe(true);
    expect(hasColour(png, "#005EB8")).toBe(true); // the H
    expect(hasColour(svgToPng(assuranceIconSvg("fail")), "#B35900")).toBe(true); // the F
  });
});
