// `spotlight convert paper.md -o paper.docx`: step 6 of the pipeline alone. Reads a Markdown
// paper (e.g. an edited paper.md), loads its images from beside it (never from outside its
// folder), takes the house style from the config, and writes the DOCX atomically.
import { basename, dirname, extname, resolve } from "node:path";
import {
  diagnostic,
  FatalError,
  hasErrors,
  type Diagnostic,
} from "../../diagnostics/diagnostic.js";
import { checkInside } from "../../load/contain.js";
import { configDir, displayPath, loadConfig } from "../../load/config.js";
import { renderDocxFromMarkdown } from "../../write/docx/render-docx.js";
import { headerAndFooter, readHouseStyleFiles } from "../../write/house-style.js";
import { headingTitle, readMarkdown } from "../../write/markdown-ast.js";
import { checkOutput, writeFileAtomic } from "../../write/safe-write.js";
import type { CliContext, GlobalOptions } from "../context.js";
import { documentDate } from "../document-date.js";

export interface ConvertOptions extends GlobalOptions {
  output?: string;
  config?: string;
}

const fatal = (code: Diagnostic["code"], message: string, file?: string) =>
  new FatalError(diagnostic({ code, message, ...(file ? { file } : {}) }));

export function convertCommand(mdFile: string, opts: ConvertOptions) {
  return async (ctx: CliContext): Promise<number> => {
    const output = opts.output;
    if (!output) throw fatal("cli.usage", "convert needs -o <file.docx>");
    const mdAbs = resolve(ctx.cwd, mdFile);
    const outAbs = resolve(ctx.cwd, output);
    const mdDisplay = displayPath(ctx.cwd, mdAbs);
    const outDisplay = displayPath(ctx.cwd, outAbs);
    const safely = { inputs: [mdAbs], display: outDisplay };
    await checkOutput(outAbs, safely);
    if (extname(outAbs).toLowerCase() !== ".docx") {
      throw new FatalError(
        diagnostic({
          code: "output.format",
          message: `convert writes DOCX; ${outDisplay} does not end in .docx`,
          hint: "Name the output file with .docx, e.g. -o paper.docx.",
        }),
      );
    }

    let bytes: Uint8Array;
    try {
      bytes = await ctx.fs.readFile(mdAbs);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "not found" : "cannot be read";
      throw fatal("file.unreadable", `${mdDisplay} ${why}`, mdDisplay);
    }
    const markdown = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    const mdDir = dirname(mdAbs);

    const loaded = await loadConfig({
      io: ctx.fs,
      packDir: mdDir,
      cwd: ctx.cwd,
      ...(opts.config !== undefined ? { configFile: opts.config } : {}),
    });
    const diagnostics: Diagnostic[] = [...loaded.diagnostics];
    const style = loaded.config.style;
    const houseFiles = await readHouseStyleFiles(
      ctx.fs,
      style,
      configDir(loaded, mdDir),
      loaded.source,
      (abs) => displayPath(ctx.cwd, abs),
    );
    diagnostics.push(...houseFiles.diagnostics);
    const { referenceDocx, logo } = houseFiles;

    const outside = new Set<string>();
    const loadImage = async (rel: string): Promise<Uint8Array | undefined> => {
      const refused = await checkInside(mdDir, rel, ctx.fs, false, {
        file: mdDisplay,
        display: rel,
      });
      if (refused) {
        if (!outside.has(rel)) diagnostics.push(refused);
        outside.add(rel);
        return undefined;
      }
      try {
        return await ctx.fs.readFile(resolve(mdDir, rel));
      } catch {
        return undefined;
      }
    };

    const date = documentDate(ctx.env);
    const tree = await readMarkdown(markdown);
    const title = headingTitle(tree) ?? basename(mdAbs, extname(mdAbs));
    const result = await renderDocxFromMarkdown(markdown, {
      tree,
      file: mdDisplay,
      loadImage,
      style,
      ...(referenceDocx ? { referenceDocx } : {}),
      ...(logo ? { logo } : {}),
      properties: { title, date },
      // convert knows only the title and date: other placeholders are dropped.
      ...headerAndFooter(style, { title, date }),
    });
    diagnostics.push(...result.diagnostics);
    if (diagnostics.length > 0) {
      // Loaded only when there is something to say: chalk is not needed for a clean run.
      const { formatDiagnosticsText, useColour } = await import("../print-diagnostics.js");
      ctx.stderr.write(formatDiagnosticsText(diagnostics, useColour(ctx.env, ctx.stderr.isTTY)));
    }
    if (hasErrors(diagnostics)) return 1;

    await writeFileAtomic(outAbs, result.docx, safely);
    if (!opts.quiet && ctx.stderr.isTTY) ctx.stderr.write(`wrote ${outDisplay}\n`);
    return 0;
  };
}
