// `spotlight schema [-o file] [--config]`: the section schema as JSON Schema (draft 2020-12),
// printed on stdout or written atomically to a file; --config gives the config file's schema.
import { resolve } from "node:path";
import { displayPath } from "../../load/config.js";
import { exportConfigJsonSchema, exportJsonSchema, schemaText } from "../../schema/json-schema.js";
import { writeFailure, writeFileAtomic } from "../../write/safe-write.js";
import type { CliContext } from "../context.js";

export interface SchemaOptions {
  output?: string;
  config?: boolean;
  quiet?: boolean;
}

export function schemaCommand(opts: SchemaOptions) {
  return async (ctx: CliContext): Promise<number> => {
    const text = schemaText(opts.config ? exportConfigJsonSchema() : exportJsonSchema());
    if (opts.output === undefined) {
      ctx.stdout.write(text);
      return 0;
    }
    const abs = resolve(ctx.cwd, opts.output);
    const shown = displayPath(ctx.cwd, abs);
    try {
      await writeFileAtomic(abs, text);
    } catch (e) {
      throw writeFailure(e, shown);
    }
    if (!opts.quiet) ctx.stderr.write(`wrote ${shown}\n`);
    return 0;
  };
}
