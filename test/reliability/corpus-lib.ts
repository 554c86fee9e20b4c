// Helpers for the bad-input corpus: build a case (the base pack overlaid with the case's files)
// in a temporary folder, run a command in-process, and parse the text diagnostics it prints.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli, type CliResult } from "../helpers/cli.js";

export const corpusDir = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));

export interface Printed {
  file: string;
  line?: number;
  column?: number;
  severity: "error" | "warning" | "info";
  code: string;
  message: string;
}

const lineRe = /^(.+?)(?::(\d+))?(?::(\d+))?  (error|warning|info)  (\S+)  (.*)$/;

/** The diagnostics in `formatDiagnosticsText` output (colour off). */
export function parseDiagnostics(text: string): Printed[] {
  const out: Printed[] = [];
  for (const l of text.split("\n")) {
    const m = lineRe.exec(l);
    if (!m) continue;
    const d: Printed = {
      file: m[1]!,
      severity: m[4] as Printed["severity"],
      code: m[5]!,
      message: m[6]!,
    };
    if (m[2]) d.line = Number(m[2]);
    if (m[3]) d.column = Number(m[3]);
    out.push(d);
  }
  return out;
}

/** A temporary pack folder: `base/` overlaid with `cases/<name>/`. Returns the pack folder. */
export function buildCase(name: string | undefined, root: string): string {
  const pack = join(root, "pack");
  cpSync(join(corpusDir, "base"), pack, { recursive: true });
  if (name !== undefined) cpSync(join(corpusDir, "cases", name), pack, { recursive: true });
  return pack;
}

export function tempRoot(prefix = "corpus-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const removeTemp = (dir: string) => rmSync(dir, { recursive: true, force: true });

export const caseNames = () => readdirSync(join(corpusDir, "cases")).sort();

export interface RunResult extends CliResult {
  diagnostics: Printed[];
}

export async function runIn(cwd: string, argv: string[]): Promise<RunResult> {
  const r = await runCli(argv, { cwd });
  return { ...r, diagnostics: parseDiagnostics(r.stderr) };
}

export const exists = existsSync;
