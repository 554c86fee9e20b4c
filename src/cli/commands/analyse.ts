// `spotlight analyse` (placeholder until it lands).
import type { CliContext } from "../context.js";
export function analyseCommand(_file: string, _opts: Record<string, unknown>) {
  return async (ctx: CliContext) => {
    ctx.stderr.write("spotlight analyse: not built yet\n");
    return 2;
  };
}
