// The first half of `validate` and `render`: load the pack, analyse every measure and apply
// the trust's standard, collecting every diagnostic of the three stages in one list.
import { analysePack, type PackAnalyses } from "../../analysis/analyse-pack.js";
import { check } from "../../check/check.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { loadPack } from "../../load/pack.js";
import type { Pack } from "../../load/types.js";
import type { CliContext } from "../context.js";

export interface CheckedPack {
  pack?: Pack;
  analyses: PackAnalyses;
  diagnostics: Diagnostic[];
}

export async function loadCheckedPack(
  file: string,
  ctx: CliContext,
  opts: { config?: string; allowOutside?: boolean },
  progress: (step: string) => void = () => {},
): Promise<CheckedPack> {
  progress(`Loading ${file}…`);
  const loaded = await loadPack(file, {
    io: ctx.fs,
    cwd: ctx.cwd,
    ...(opts.config !== undefined ? { configFile: opts.config } : {}),
    ...(opts.allowOutside ? { allowOutside: true } : {}),
  });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const pack = loaded.pack;
  if (!pack) return { analyses: new Map(), diagnostics };
  progress("Analysing measures…");
  const analysed = analysePack(pack);
  diagnostics.push(...analysed.diagnostics, ...check(pack, analysed.analyses));
  return { pack, analyses: analysed.analyses, diagnostics };
}
