// `spotlight completion bash|zsh` (placeholder until it lands).
import type { Command } from "commander";
import type { CliContext } from "../context.js";
export function completionCommand(_shell: string, _program: Command) {
  return async (ctx: CliContext) => {
    ctx.stderr.write("spotlight completion: not built yet\n");
    return 2;
  };
}
