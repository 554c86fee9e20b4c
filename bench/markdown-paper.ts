// A 10-section Markdown paper with one 800×400 PNG chart per section, the input for the
// `convert` versus pandoc comparison. Charts are simple line charts drawn as SVG and
// rasterised here, so the input does not depend on the code being measured.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";

function chartSvg(seed: number): string {
  const points = Array.from({ length: 36 }, (_, i) => {
    const y = 200 + Math.sin(i / 3 + seed) * 60 + ((i * 37 + seed * 11) % 23) - 11;
    return `${40 + i * 20},${y.toFixed(1)}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400" viewBox="0 0 800 400">
<rect width="800" height="400" fill="#fff"/>
<line x1="40" y1="200" x2="760" y2="200" stroke="#231f20" stroke-width="2"/>
<line x1="40" y1="110" x2="760" y2="110" stroke="#768692" stroke-dasharray="6 4"/>
<line x1="40" y1="290" x2="760" y2="290" stroke="#768692" stroke-dasharray="6 4"/>
<polyline fill="none" stroke="#a6a6a6" stroke-width="2" points="${points.join(" ")}"/>
${points.map((p) => `<circle cx="${p.split(",")[0]}" cy="${p.split(",")[1]}" r="4" fill="#7f7f7f"/>`).join("\n")}
</svg>`;
}

/** Writes paper.md and its PNGs into `dir`; returns the Markdown path. */
export async function writeMarkdownPaper(dir: string, sections: number): Promise<string> {
  mkdirSync(join(dir, "paper_files"), { recursive: true });
  const parts = [
    "# Improvement spotlight: benchmark paper",
    "",
    "This paper shows ten improvement projects.",
    "",
  ];
  for (let i = 1; i <= sections; i++) {
    const png = new Resvg(chartSvg(i), { fitTo: { mode: "width", value: 800 } }).render().asPng();
    writeFileSync(join(dir, "paper_files", `chart-${i}.png`), png);
    parts.push(
      `## Project ${i}: reducing delays on ward ${i}`,
      "",
      `Patients on ward ${i} wait **too long** for discharge medicines, and some leave after noon.`,
      "The team tested *three* changes over six months with patients and staff.",
      "",
      "| Measure | Latest | Target | Variation |",
      "| --- | ---: | ---: | --- |",
      `| Discharges before noon | ${20 + i}% | 33% | Common cause |`,
      `| Medicines ready by 10am | ${50 + i}% | 80% | Special cause improvement |`,
      "",
      `![XmR chart of discharges before noon on ward ${i}, January 2023 to December 2025](paper_files/chart-${i}.png)`,
      "",
      "- Next step: spread to the next ward.",
      "- Owner: ward manager.",
      "",
    );
  }
  const file = join(dir, "paper.md");
  writeFileSync(file, parts.join("\n"));
  return file;
}
