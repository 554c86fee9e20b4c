// `spotlight validate <pack|spotlight.yaml>`: loads the pack (schema, references, data),
// runs the SPC analysis and the trust's standard, and prints every diagnostic as text or JSON.
// Exit 0 when fine, 1 on errors (or warnings with --strict), 2 when it cannot run.
import { countBySeverity, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Pack } from "../../load/types.js";
import type { CliContext } from "../context.js";
import { formatDiagnosticsJson, formatDiagnosticsText, useColour } from "../print-diagnostics.js";
import { loadCheckedPack } from "./checked-pack.js";

export interface ValidateOptions {
  strict?: boolean;
  format?: string;
  config?: string;
  allowOutside?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line for people: `ok: pack.yaml — 2 spotlights, 7 measures, 0 errors, 0 warnings`. */
export function summaryLine(
  file: string,
  pack: Pack | undefined,
  diagnostics: readonly Diagnostic[],
  failed: boolean,
): string {
  const counts = countBySeverity(diagnostics);
  const parts: string[] = [];
  if (pack) {
    const measures = pack.spotlights.reduce((n, s) => n + s.spotlight.measures.length, 0);
    parts.push(plural(pack.spotlights.length, "spotlight"), plural(measures, "measure"));
  }
  parts.push(plural(counts.error, "error"), plural(counts.warning, "warning"));
  return `${failed ? "failed" : "ok"}: ${file} — ${parts.join(", ")}\n`;
}

export function validateCommand(file: string, opts: ValidateOptions) {
  return async (ctx: CliContext): Promise<number> => {
    const { pack, diagnostics } = await loadCheckedPack(file, ctx, opts);
    const failed = !pack || hasErrors(diagnostics, opts.strict ?? false);
    if (opts.format === "json") {
      ctx.stdout.write(formatDiagnosticsJson(diagnostics));
    } else {
      const colour = useColour(ctx.env, ctx.stderr.isTTY);
      ctx.stderr.write(formatDiagnosticsText(diagnostics, colour));
      if (!opts.quiet) ctx.stderr.write(summaryLine(pack?.file ?? file, pack, diagnostics, failed));
    }
    return failed ? 1 : 0;
  };
}
