// `spotlight templates [--eject dir]`: lists the built-in templates with their purpose, or
// copies them into a folder to edit (refusing to overwrite any file already there).
import { resolve } from "node:path";
import { FatalError, diagnostic } from "../../diagnostics/diagnostic.js";
import { displayPath } from "../../load/config.js";
import { listBuiltinTemplates } from "../../template/render-templates.js";
import { writeFailure, writeFileAtomic } from "../../write/safe-write.js";
import type { CliContext, GlobalOptions } from "../context.js";

export interface TemplatesOptions extends GlobalOptions {
  eject?: string;
}

export function templatesCommand(opts: TemplatesOptions) {
  return async (ctx: CliContext): Promise<number> => {
    const templates = await listBuiltinTemplates(ctx.fs);
    if (opts.eject === undefined) {
      const width = Math.max(...templates.map((t) => t.file.length));
      const lines = templates.map((t) => `  ${t.file.padEnd(width)}  ${t.purpose}`);
      ctx.stdout.write(
        `Built-in templates (paper.md.hbs is the main one; the others are partials it includes):\n` +
          `${lines.join("\n")}\n\n` +
          `Copy them with: spotlight templates --eject my-templates\n` +
          `Then render with --templates my-templates (or templates: in spotlight.config.yaml);\n` +
          `a file there replaces the built-in of the same name.\n`,
      );
      return 0;
    }
    const dir = resolve(ctx.cwd, opts.eject);
    const shown = (file: string) => displayPath(ctx.cwd, resolve(dir, file));
    const existing = [];
    for (const t of templates) {
      if ((await ctx.fs.fileSize(resolve(dir, t.file))) !== undefined) existing.push(t.file);
    }
    if (existing.length > 0) {
      throw new FatalError(
        existing.map((f) =>
          diagnostic({
            code: "output.exists",
            file: shown(f),
            message: `${shown(f)} already exists; nothing was copied`,
          }),
        ),
      );
    }
    for (const t of templates) {
      try {
        await writeFileAtomic(resolve(dir, t.file), t.source);
      } catch (e) {
        throw writeFailure(e, shown(t.file));
      }
    }
    const where = displayPath(ctx.cwd, dir);
    ctx.stdout.write(
      `Copied ${templates.length} templates to ${where}/. Render with --templates ${where}\n`,
    );
    return 0;
  };
}
