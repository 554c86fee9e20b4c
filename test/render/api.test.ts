import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import {
  analyse,
  buildViewModel,
  check,
  hasErrors,
  loadPack,
  renderDocx,
  renderMarkdown,
} from "../../src/index.js";

const packFile = fileURLToPath(new URL("../fixtures/render/pack/pack.yaml", import.meta.url));

describe("library API", () => {
  it("loads, checks, analyses and renders without printing", async () => {
    const out = vi.spyOn(process.stdout, "write");
    const err = vi.spyOn(process.stderr, "write");
    const loaded = await loadPack(packFile);
    expect(hasErrors(loaded.diagnostics)).toBe(false);
    const pack = loaded.pack!;
    const { analyses } = analyse(pack);
    expect([...analyses.keys()]).toEqual(["ulcers-ward4", "letters"]);
    expect(analyses.get("letters")!.get("days")!.chart).toBe("xmr");
    expect(hasErrors(check(pack, analyses))).toBe(false);

    const md = await renderMarkdown(pack, analyses);
    expect(md.markdown.startsWith("# Improvement spotlight: December 2026\n")).toBe(true);
    expect([...md.files.keys()]).toContain("paper_files/letters-days.svg");
    expect(md.viewModel.spotlights.map((s) => s.id)).toEqual(["ulcers-ward4", "letters"]);
    expect(md.diagnostics).toEqual([]);

    const vm = buildViewModel(pack, analyses, { assetsDir: "x_files" });
    expect(vm.spotlights[1]!.measures[0]!.chart!.svg_file).toBe("x_files/letters-days.svg");

    const docx = await renderDocx(pack);
    expect(Buffer.from(docx.docx.slice(0, 2)).toString()).toBe("PK");
    expect(docx.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const again = await renderDocx(pack, analyses);
    expect(Buffer.from(again.docx).equals(Buffer.from(docx.docx))).toBe(true);

    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    out.mockRestore();
    err.mockRestore();
  });
});
