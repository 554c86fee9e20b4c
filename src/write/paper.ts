// Renders a loaded, analysed pack to a finished paper: Markdown with its image files, or DOCX
// built from that same Markdown and the same in-memory images, in the house style. Shared by
// `spotlight render` and the library API. Reads only through the ReadIo given; writes nothing.
import { dirname, resolve } from "node:path";
import type { PackAnalyses } from "../analysis/analyse-pack.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReadIo } from "../io/io.js";
import type { Pack } from "../load/types.js";
import { displayPath } from "../load/config.js";
import { renderDocxFromMarkdown } from "./docx/render-docx.js";
import { headerAndFooter, readHouseStyleFiles } from "./house-style.js";
import {
  renderMarkdownOutput,
  startMarkdownOutput,
  type MarkdownOutput,
  type MarkdownOutputOptions,
} from "./markdown.js";

export interface PaperOptions {
  io: ReadIo;
  /** Working directory the pack was loaded from (default "."): config paths are resolved with it. */
  cwd?: string;
  /** `--templates`: overrides `templates:` in the config. Relative to cwd. */
  templatesDir?: string;
  /** Folder for images, relative to the Markdown file (default "paper_files"). */
  assetsDir?: string;
  /** Allow spotlight images outside the pack's folder. */
  allowOutside?: boolean;
  /** Document date YYYY-MM-DD for DOCX properties and zip times (default: {@link paperDate}). */
  date?: string;
}

/** Folder that relative paths in the config (templates, logo, reference_docx) start from. */
export function configBaseDir(pack: Pack, cwd: string): string {
  return pack.configSource ? resolve(cwd, dirname(pack.configSource.file)) : pack.dir;
}

/** The templates folder to use: the flag (relative to cwd), else the config's, else none. */
export function templatesDirFor(pack: Pack, cwd: string, flag?: string): string | undefined {
  if (flag !== undefined) return resolve(cwd, flag);
  const fromConfig = pack.config.templates;
  return fromConfig === undefined ? undefined : resolve(configBaseDir(pack, cwd), fromConfig);
}

/**
 * The document's date: the meeting date, or for a lone spotlight the end of its report
 * period (never the clock, so two runs give the same bytes).
 */
export function paperDate(pack: Pack): string {
  if (pack.paper) return pack.paper.date;
  const ends = pack.spotlights.map((l) => l.spotlight.report_period.end).sort();
  return ends[ends.length - 1] ?? "1980-01-01";
}

function markdownOptions(pack: Pack, opts: PaperOptions): MarkdownOutputOptions {
  const cwd = opts.cwd ?? ".";
  const templatesDir = templatesDirFor(pack, cwd, opts.templatesDir);
  return {
    io: opts.io,
    assetsDir: opts.assetsDir ?? "paper_files",
    cwd,
    ...(opts.allowOutside ? { allowOutside: true } : {}),
    ...(templatesDir !== undefined ? { templatesDir } : {}),
  };
}

/** Markdown and its image files for a pack (template problems throw FatalError). */
export async function renderPaperMarkdown(
  pack: Pack,
  analyses: PackAnalyses,
  opts: PaperOptions,
): Promise<MarkdownOutput> {
  return renderMarkdownOutput(pack, analyses, markdownOptions(pack, opts));
}

export interface PaperDocx extends MarkdownOutput {
  docx: Uint8Array;
  /** The spotlights' image problems, then what the DOCX writer found in the Markdown. */
  diagnostics: Diagnostic[];
}

/** A DOCX paper: the Markdown of {@link renderPaperMarkdown} mapped onto Word in the house style. */
export async function renderPaperDocx(
  pack: Pack,
  analyses: PackAnalyses,
  opts: PaperOptions,
): Promise<PaperDocx> {
  const cwd = opts.cwd ?? ".";
  // The Markdown is parsed and mapped onto Word while the charts are still being drawn.
  const out = await startMarkdownOutput(pack, analyses, markdownOptions(pack, opts));
  const style = pack.config.style;
  const houseFiles = await readHouseStyleFiles(
    opts.io,
    style,
    configBaseDir(pack, cwd),
    pack.configSource,
    (abs) => displayPath(cwd, abs),
  );
  const { referenceDocx, logo } = houseFiles;
  const { vm } = out;
  const date = opts.date ?? paperDate(pack);
  const values = {
    organisation: vm.organisation ?? "",
    meeting: vm.paper?.meeting ?? "",
    title: vm.title,
    date: vm.date ?? "",
  };
  const author = pack.paper?.author.name;
  const result = await renderDocxFromMarkdown(out.markdown, {
    file: "paper.md",
    loadImage: out.file,
    style,
    ...(referenceDocx ? { referenceDocx } : {}),
    ...(logo ? { logo } : {}),
    properties: {
      title: vm.title,
      date,
      ...(author ? { author } : {}),
      ...(vm.organisation ? { subject: vm.organisation } : {}),
      description: "Improvement spotlight board paper made by board-spotlight",
    },
    ...headerAndFooter(style, values),
  });
  const { files, diagnostics } = await out.rest;
  return {
    vm,
    markdown: out.markdown,
    files,
    docx: result.docx,
    diagnostics: [...houseFiles.diagnostics, ...diagnostics, ...result.diagnostics],
  };
}
