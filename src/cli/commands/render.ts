// `spotlight render <pack> -o out.docx|out.md`: load → analyse → check → (stop with exit 1 and
// write no paper on errors, or warnings under --strict; only the --summary report) → view model → templates → Markdown →
// `out.md` + `out_files/`, or `out.docx`. Optional `--summary` JSON per spotlight. All writes
// are atomic and never touch an input file.
import { extname, resolve } from "node:path";
import type { PackAnalyses } from "../../analysis/analyse-pack.js";
import {
  FatalError,
  diagnostic,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
} from "../../diagnostics/diagnostic.js";
import { displayPath } from "../../load/config.js";
import type { Pack } from "../../load/types.js";
import { assetsDirFor } from "../../write/markdown.js";
import { paperDate, renderPaperDocx, renderPaperMarkdown } from "../../write/paper.js";
import { checkOutput, replaceDirAtomic, writeFileAtomic } from "../../write/safe-write.js";
import type { CliContext, GlobalOptions } from "../context.js";
import { formatDiagnosticsText, useColour } from "../print-diagnostics.js";
import { loadCheckedPack } from "./checked-pack.js";
import { documentDate } from "../document-date.js";

export interface RenderOptions extends GlobalOptions {
  output?: string;
  format?: "docx" | "md";
  config?: string;
  templates?: string;
  strict?: boolean;
  summary?: string;
  allowOutside?: boolean;
}

const fatal = (code: Diagnostic["code"], message: string, file?: string) =>
  new FatalError(diagnostic({ code, message, ...(file ? { file } : {}) }));

/** The output format: `--format`, else the file's extension. */
export function outputFormat(output: string, flag?: string): "docx" | "md" {
  if (flag === "docx" || flag === "md") return flag;
  const ext = extname(output).toLowerCase();
  if (ext === ".docx") return "docx";
  if (ext === ".md" || ext === ".markdown") return "md";
  throw new FatalError(
    diagnostic({
      code: "output.format",
      message: `cannot tell the output format from "${output}"`,
    }),
  );
}

/** Which spotlight a diagnostic belongs to: by its file (and path for inline spotlights) or data row. */
export function diagnosticsBySpotlight(
  pack: Pack,
  list: readonly Diagnostic[],
): { bySpotlight: Map<string, Diagnostic[]>; rest: Diagnostic[] } {
  const bySpotlight = new Map<string, Diagnostic[]>(
    pack.spotlights.map((l) => [l.spotlight.id, []]),
  );
  const rows = new Map<string, string>();
  for (const [sid, measures] of pack.data) {
    for (const points of measures.values()) {
      for (const p of points) rows.set(`${p.file}:${p.line}`, sid);
    }
  }
  const rest: Diagnostic[] = [];
  for (const d of sortDiagnostics(list)) {
    const owner = pack.spotlights.find((l) => {
      if (d.file !== l.source.file) return false;
      if (l.basePath.length === 0) return true;
      return l.basePath.every((k, i) => d.path?.[i] === k);
    });
    const sid = owner?.spotlight.id ?? rows.get(`${d.file}:${d.line}`);
    if (sid !== undefined) bySpotlight.get(sid)!.push(d);
    else rest.push(d);
  }
  return { bySpotlight, rest };
}

/** The `--summary` JSON: per spotlight, its measures' analyses (DESIGN §8) and its diagnostics. */
export function renderSummary(
  pack: Pack,
  analyses: PackAnalyses,
  list: readonly Diagnostic[],
): string {
  const { bySpotlight, rest } = diagnosticsBySpotlight(pack, list);
  const summary = {
    pack: pack.file,
    spotlights: pack.spotlights.map((l) => ({
      id: l.spotlight.id,
      title: l.spotlight.title,
      file: l.source.file,
      project_lead: l.spotlight.project_lead,
      measures: l.spotlight.measures.flatMap((m) => {
        const a = analyses.get(l.spotlight.id)?.get(m.id);
        return a ? [a] : [];
      }),
      diagnostics: bySpotlight.get(l.spotlight.id) ?? [],
    })),
    diagnostics: rest,
  };
  return JSON.stringify(summary, null, 2) + "\n";
}

export function renderCommand(file: string, opts: RenderOptions) {
  return async (ctx: CliContext): Promise<number> => {
    const colour = useColour(ctx.env, ctx.stderr.isTTY);
    const progress = (text: string) => {
      if (ctx.stderr.isTTY && !opts.quiet) ctx.stderr.write(`${text}\n`);
    };
    if (!opts.output) throw fatal("cli.usage", "render needs -o <out.docx|out.md>");
    const format = outputFormat(opts.output, opts.format);
    const outAbs = resolve(ctx.cwd, opts.output);
    const outShown = displayPath(ctx.cwd, outAbs);
    const summaryAbs = opts.summary === undefined ? undefined : resolve(ctx.cwd, opts.summary);
    const date = ctx.env.SOURCE_DATE_EPOCH ? documentDate(ctx.env) : undefined;

    const { pack, analyses, diagnostics } = await loadCheckedPack(file, ctx, opts, progress);
    /** Write options for a target: never over an input, named as the user wrote it. */
    const safely = (target: string, inputs: readonly string[]) => ({
      inputs,
      display: displayPath(ctx.cwd, target),
    });
    // The summary is a report, not the paper: it is written even when the paper is not, so a
    // governance team can send each project lead the list of their own problems.
    const writeSummary = async (p: Pack) => {
      if (!summaryAbs) return;
      const json = renderSummary(p, analyses, diagnostics);
      await writeFileAtomic(summaryAbs, json, safely(summaryAbs, [...p.inputs, outAbs]));
    };
    const refuse = async () => {
      ctx.stderr.write(formatDiagnosticsText(diagnostics, colour));
      if (pack) await writeSummary(pack);
      const kept =
        pack && summaryAbs
          ? `; the problems are listed per spotlight in ${displayPath(ctx.cwd, summaryAbs)}`
          : "";
      ctx.stderr.write(
        `paper not written: fix the errors above${opts.strict ? " (--strict)" : ""}${kept}\n`,
      );
      return 1;
    };
    if (!pack || hasErrors(diagnostics, opts.strict)) return refuse();

    const assetsDir = assetsDirFor(outAbs);
    const assetsAbs = resolve(outAbs, "..", assetsDir);
    // Refuse a bad output path before any work is done (the writes check again).
    await checkOutput(outAbs, safely(outAbs, pack.inputs));
    if (format === "md") await checkOutput(assetsAbs, safely(assetsAbs, pack.inputs), true);
    if (summaryAbs) await checkOutput(summaryAbs, safely(summaryAbs, [...pack.inputs, outAbs]));

    progress("Drawing charts and rendering the paper…");
    const paperOpts = {
      io: ctx.fs,
      cwd: ctx.cwd,
      assetsDir,
      date: date ?? paperDate(pack),
      ...(opts.allowOutside ? { allowOutside: true } : {}),
      ...(opts.templates !== undefined ? { templatesDir: opts.templates } : {}),
    };
    let writeOutput: () => Promise<void>;
    let late: Diagnostic[];
    if (format === "md") {
      const out = await renderPaperMarkdown(pack, analyses, paperOpts);
      late = out.diagnostics;
      const prefix = `${assetsDir}/`;
      const inFolder = new Map(
        [...out.files].map(([rel, data]) => [
          rel.startsWith(prefix) ? rel.slice(prefix.length) : rel,
          data,
        ]),
      );
      writeOutput = async () => {
        await replaceDirAtomic(assetsAbs, inFolder, safely(assetsAbs, pack.inputs));
        await writeFileAtomic(outAbs, out.markdown, safely(outAbs, pack.inputs));
      };
    } else {
      const out = await renderPaperDocx(pack, analyses, paperOpts);
      late = out.diagnostics;
      writeOutput = () => writeFileAtomic(outAbs, out.docx, safely(outAbs, pack.inputs));
    }
    diagnostics.push(...late);
    if (hasErrors(late, opts.strict)) return refuse();

    // Warnings (and notes) are printed; they do not stop the paper.
    ctx.stderr.write(formatDiagnosticsText(diagnostics, colour));
    await writeOutput();
    await writeSummary(pack);
    progress(`Wrote ${outShown}${format === "md" ? ` and ${assetsDir}/` : ""}`);
    return 0;
  };
}
