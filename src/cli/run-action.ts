// Runs a command's action for the command line: what it throws becomes diagnostics on stderr
// and exit code 2 (a FatalError's own, or internal.error for a bug), never a stack trace
// unless --debug. Shared by main() and the commander-free `convert` entry (run-convert.ts).
import { FatalError, diagnostic } from "../diagnostics/diagnostic.js";
import type { CliContext } from "./context.js";

export type Action = (ctx: CliContext) => Promise<number>;

/** Runs a command's action, turning what it throws into diagnostics and exit code 2. */
export async function runAction(action: Action, ctx: CliContext, debug = false): Promise<number> {
  try {
    return await action(ctx);
  } catch (e) {
    return reportFailure(e, ctx, debug);
  }
}

/** A FatalError's diagnostics, or an internal.error for anything else; exit code 2. */
export async function reportFailure(e: unknown, ctx: CliContext, debug: boolean): Promise<number> {
  // Loaded only on this path: chalk is not needed for --help or a clean run.
  const { formatDiagnosticsText, useColour } = await import("./print-diagnostics.js");
  const colour = useColour(ctx.env, ctx.stderr.isTTY);
  if (e instanceof FatalError) {
    ctx.stderr.write(formatDiagnosticsText(e.diagnostics, colour));
    if (debug && e.stack) ctx.stderr.write(e.stack + "\n");
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  ctx.stderr.write(
    formatDiagnosticsText(
      [diagnostic({ code: "internal.error", message: `unexpected error: ${message}` })],
      colour,
    ),
  );
  if (debug && e instanceof Error && e.stack) ctx.stderr.write(e.stack + "\n");
  return 2;
}
