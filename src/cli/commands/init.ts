// `spotlight init [dir]` (placeholder until the scaffold lands).
import type { CliContext } from "../context.js";
export function initCommand(_dir: string, _opts: Record<string, unknown>) {
  return async (ctx: CliContext) => {
    ctx.stderr.write("spotlight init: not built yet\n");
    return 2;
  };
}
