// A trust's reference DOCX: its styles.xml replaces the house style (like pandoc's
// --reference-doc). Our quote/code/table styles are added only where the reference lacks them;
// an unreadable reference is a style.reference_docx diagnostic.
import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { findAll, parseXml, unzipDocx, type XmlNode } from "./docx-summary.js";
import { fixtureBytes, renderSample } from "./sample.js";

/**
 * A trust's Word file, made by another program (docx 9.15): Heading 1 in Frutiger 55 Roman and
 * purple, a style "Trust Body" of its own, and its own Quote in Georgia.
 */
const referenceDocx = () => fixtureBytes("reference-trust.docx");

function style(styles: XmlNode, id: string): XmlNode | undefined {
  return findAll(styles, "w:style").find((s) => s.attrs["w:styleId"] === id);
}

const fontOf = (s: XmlNode | undefined) =>
  s ? findAll(s, "w:rFonts")[0]?.attrs["w:ascii"] : undefined;

describe("reference DOCX styles", () => {
  it("uses the reference's styles and adds only the styles it lacks", async () => {
    const { docx, diagnostics } = await renderSample({ referenceDocx: await referenceDocx() });
    expect(diagnostics).toEqual([]);
    const styles = parseXml(strFromU8(unzipDocx(docx)["word/styles.xml"] as Uint8Array));
    expect(style(styles, "TrustBody")).toBeDefined();
    expect(fontOf(style(styles, "Heading1"))).toBe("Frutiger 55 Roman");
    expect(findAll(style(styles, "Heading1")!, "w:color")[0]?.attrs["w:val"]).toBe("330072");
    // The reference's own Quote wins; our code and table-text styles are added.
    expect(fontOf(style(styles, "Quote"))).toBe("Georgia");
    expect(style(styles, "SourceCode")).toBeDefined();
    expect(style(styles, "TableText")).toBeDefined();
    expect(findAll(styles, "w:style").filter((s) => s.attrs["w:styleId"] === "Quote").length).toBe(
      1,
    );
  });

  it("without a reference, headings take the house style (NHS Blue, Arial)", async () => {
    const { docx } = await renderSample();
    const styles = parseXml(strFromU8(unzipDocx(docx)["word/styles.xml"] as Uint8Array));
    expect(fontOf(style(styles, "Heading1"))).toBe("Arial");
    expect(findAll(style(styles, "Heading1")!, "w:color")[0]?.attrs["w:val"]).toBe("005EB8");
    expect(style(styles, "TrustBody")).toBeUndefined();
  });

  it("reports a reference that is not a Word file and falls back to the house style", async () => {
    const { docx, diagnostics } = await renderSample({
      referenceDocx: new TextEncoder().encode("not a zip"),
    });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["style.reference_docx", "error"],
    ]);
    const styles = strFromU8(unzipDocx(docx)["word/styles.xml"] as Uint8Array);
    expect(styles).toContain('w:styleId="Heading1"');
  });
});
