// `spotlight convert` (placeholder until it lands).
import type { CliContext } from "../context.js";
export function convertCommand(_file: string, _opts: Record<string, unknown>) {
  return async (ctx: CliContext) => {
    ctx.stderr.write("spotlight convert: not built yet\n");
    return 2;
  };
}
