// Turns diagnostics into text for people (`file:line:col  severity  code  message` with an
// indented hint) or JSON. The only place chalk colours diagnostics.
import { Chalk } from "chalk";
import { countBySeverity, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";

export function useColour(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY;
}

export function formatDiagnosticsText(list: readonly Diagnostic[], colour: boolean): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const paint = { error: chalk.red, warning: chalk.yellow, info: chalk.cyan };
  const lines: string[] = [];
  for (const d of sortDiagnostics(list)) {
    const place = d.file
      ? `${d.file}${d.line ? `:${d.line}` : ""}${d.line && d.column ? `:${d.column}` : ""}`
      : "spotlight";
    lines.push(
      `${chalk.bold(place)}  ${paint[d.severity](d.severity)}  ${chalk.dim(d.code)}  ${d.message}`,
    );
    if (d.hint) lines.push(`  ${chalk.dim("hint:")} ${d.hint}`);
  }
  if (list.length > 0) {
    const c = countBySeverity(list);
    const parts = [
      c.error ? `${c.error} error${c.error === 1 ? "" : "s"}` : "",
      c.warning ? `${c.warning} warning${c.warning === 1 ? "" : "s"}` : "",
      c.info ? `${c.info} note${c.info === 1 ? "" : "s"}` : "",
    ].filter(Boolean);
    lines.push(parts.join(", "));
  }
  return lines.length ? lines.join("\n") + "\n" : "";
}

export function formatDiagnosticsJson(list: readonly Diagnostic[]): string {
  return JSON.stringify(sortDiagnostics(list), null, 2) + "\n";
}
