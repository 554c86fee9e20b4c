// `spotlight render` (placeholder until it lands).
import type { CliContext } from "../context.js";
export function renderCommand(_file: string, _opts: Record<string, unknown>) {
  return async (ctx: CliContext) => {
    ctx.stderr.write("spotlight render: not built yet\n");
    return 2;
  };
}
