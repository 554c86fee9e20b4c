// `spotlight validate` (placeholder until it lands).
import type { CliContext } from "../context.js";
export function validateCommand(_file: string, _opts: Record<string, unknown>) {
  return async (ctx: CliContext) => {
    ctx.stderr.write("spotlight validate: not built yet\n");
    return 2;
  };
}
