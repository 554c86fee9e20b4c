// `spotlight templates` (placeholder until it lands).
import type { CliContext } from "../context.js";
export function templatesCommand(_opts: Record<string, unknown>) {
  return async (ctx: CliContext) => {
    ctx.stderr.write("spotlight templates: not built yet\n");
    return 2;
  };
}
