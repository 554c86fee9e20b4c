// The library API: the same functions the CLI calls, with no printing and no process.exit.
// Files are read through a ReadIo (the real file system by default); nothing is written.
import { analysePack, type PackAnalyses } from "./analysis/analyse-pack.js";
import { check as checkPack } from "./check/check.js";
import { nodeIo } from "./cli/node-io.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { ReadIo } from "./io/io.js";
import { loadPack as loadPackWith, type LoadPackResult } from "./load/pack.js";
import type { Pack } from "./load/types.js";
import type { ViewModel } from "./model/view-model.js";
import { renderPaperDocx, renderPaperMarkdown } from "./write/paper.js";

export type { Diagnostic, Severity } from "./diagnostics/diagnostic.js";
export { FatalError, hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.js";
export { version } from "./version.js";
export type { ReadIo, DirEntry } from "./io/io.js";
export type { Pack, LoadedSpotlight, DataPoint, SourceDoc, Position } from "./load/types.js";
export type { LoadPackResult } from "./load/pack.js";
export type { Spotlight, Measure } from "./schema/spotlight-schema.js";
export type { Paper, PackFile } from "./schema/pack-schema.js";
export type { Config } from "./schema/config-schema.js";
export type { PackAnalyses } from "./analysis/analyse-pack.js";
export type * from "./analysis/types.js";
export { analyseMeasure, type AnalyseMeasureInput } from "./analysis/analyse-measure.js";
export { buildViewModel } from "./model/view-model.js";
export type * from "./model/view-model.js";
export { renderTemplates } from "./template/render-templates.js";
export { renderDocxFromMarkdown } from "./write/docx/render-docx.js";

export interface LoadOptions {
  /** How files are read (default: the real file system). */
  io?: ReadIo;
  /** Folder relative paths start from (default: the process's working directory). */
  cwd?: string;
  /** A configuration file instead of the spotlight.config.yaml beside the pack. */
  configFile?: string;
  /** Allow the pack to name files outside its folder. */
  allowOutside?: boolean;
}

/** Loads a pack (or a single spotlight file) with its config and data. Problems are diagnostics. */
export function loadPack(file: string, opts: LoadOptions = {}): Promise<LoadPackResult> {
  const { io, ...rest } = opts;
  return loadPackWith(file, { io: io ?? nodeIo, ...rest });
}

/** SPC analysis of every measure in a pack: spotlight id → measure id → analysis. */
export function analyse(pack: Pack): { analyses: PackAnalyses; diagnostics: Diagnostic[] } {
  return analysePack(pack);
}

/** The trust's standard and the data checks; analyses the pack first when none are given. */
export function check(pack: Pack, analyses?: PackAnalyses): Diagnostic[] {
  return checkPack(pack, analyses ?? analysePack(pack).analyses);
}

export interface RenderOptions {
  io?: ReadIo;
  /** Folder the pack was loaded from (for config-relative paths); default ".". */
  cwd?: string;
  /** A folder whose templates replace the built-ins by file name. */
  templatesDir?: string;
  /** Folder for charts and icons, relative to the Markdown file (default "paper_files"). */
  assetsDir?: string;
}

export interface MarkdownResult {
  markdown: string;
  /** Image files the Markdown names: relative path (e.g. "paper_files/x.svg") → bytes. */
  files: Map<string, Uint8Array>;
  /** The template context that was rendered. */
  viewModel: ViewModel;
  /** The analysis's diagnostics (when the analyses were computed here) and the Markdown's. */
  diagnostics: Diagnostic[];
}

function analysesFor(pack: Pack, given?: PackAnalyses) {
  return given ? { analyses: given, diagnostics: [] } : analysePack(pack);
}

function paperOptions(opts: RenderOptions) {
  return {
    io: opts.io ?? nodeIo,
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    ...(opts.templatesDir !== undefined ? { templatesDir: opts.templatesDir } : {}),
    ...(opts.assetsDir !== undefined ? { assetsDir: opts.assetsDir } : {}),
  };
}

/**
 * Renders a pack to Markdown and its chart and icon files (in memory). A broken template
 * throws FatalError; it does not check the pack (call `check` first).
 */
export async function renderMarkdown(
  pack: Pack,
  analyses?: PackAnalyses,
  opts: RenderOptions = {},
): Promise<MarkdownResult> {
  const a = analysesFor(pack, analyses);
  const out = await renderPaperMarkdown(pack, a.analyses, paperOptions(opts));
  return {
    markdown: out.markdown,
    files: out.files,
    viewModel: out.vm,
    diagnostics: [...a.diagnostics, ...out.diagnostics],
  };
}

/** Renders a pack to DOCX bytes in the house style from its config. */
export async function renderDocx(
  pack: Pack,
  analyses?: PackAnalyses,
  opts: RenderOptions & {
    /** YYYY-MM-DD document date (default: the meeting date). */ date?: string;
  } = {},
): Promise<{ docx: Uint8Array; diagnostics: Diagnostic[] }> {
  const a = analysesFor(pack, analyses);
  const out = await renderPaperDocx(pack, a.analyses, {
    ...paperOptions(opts),
    ...(opts.date !== undefined ? { date: opts.date } : {}),
  });
  return { docx: out.docx, diagnostics: [...a.diagnostics, ...out.diagnostics] };
}
