// The built-in templates compiled ahead of time (npm run build writes dist/template/precompiled.js):
// one entry per file in templates/, from the same source, and the same Markdown as compiling at
// run time.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeIo } from "../../src/cli/node-io.js";
import { buildViewModel } from "../../src/model/view-model.js";
import { compileTemplates } from "../../src/template/engine.js";
import type { PrecompiledTemplate } from "../../src/template/precompiled.js";
import {
  builtinTemplatesDir,
  loadTemplates,
  mainTemplate,
  templateName,
} from "../../src/template/render-templates.js";
import { sampleAnalyses, samplePack } from "../fixtures/render/sample-pack.js";

const built = "../../dist/template/precompiled.js";

async function precompiledBuild(): Promise<Record<string, PrecompiledTemplate>> {
  try {
    return ((await import(built)) as { precompiled: Record<string, PrecompiledTemplate> })
      .precompiled;
  } catch {
    throw new Error("dist/template/precompiled.js is missing: run npm run build first");
  }
}

describe("precompiled built-in templates", () => {
  it("has every built-in template, compiled from its current source", async () => {
    const ahead = await precompiledBuild();
    const names = readdirSync(builtinTemplatesDir())
      .map((f) => templateName(f))
      .filter((n) => n !== undefined)
      .sort();
    expect(Object.keys(ahead).sort()).toEqual(names);
    for (const t of await loadTemplates(nodeIo)) expect(ahead[t.name]?.source).toBe(t.source);
  });

  it("renders the same Markdown as templates compiled at run time", async () => {
    const ahead = await precompiledBuild();
    const vm = buildViewModel(samplePack, sampleAnalyses, { assetsDir: "paper_files" });
    const sources = await loadTemplates(nodeIo);
    const atRunTime = compileTemplates(sources, mainTemplate).render(vm);
    expect(atRunTime.length).toBeGreaterThan(1000);
    expect(compileTemplates(sources, mainTemplate, ahead).render(vm)).toBe(atRunTime);
  });

  it("is not used for a template whose source differs (a user's override)", async () => {
    const ahead = await precompiledBuild();
    const vm = buildViewModel(samplePack, sampleAnalyses, { assetsDir: "paper_files" });
    const sources = (await loadTemplates(nodeIo)).map((t) =>
      t.name === "aim" ? { ...t, source: "AIM OVERRIDDEN\n" } : t,
    );
    expect(compileTemplates(sources, mainTemplate, ahead).render(vm)).toContain("AIM OVERRIDDEN");
  });
});
