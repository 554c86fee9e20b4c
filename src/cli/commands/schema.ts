// `spotlight schema` (placeholder until it lands).
import type { CliContext } from "../context.js";
export function schemaCommand(_opts: Record<string, unknown>) {
  return async (ctx: CliContext) => {
    ctx.stderr.write("spotlight schema: not built yet\n");
    return 2;
  };
}
