// Recognises the plain forms of `spotlight convert` (`convert paper.md -o paper.docx`, with
// -q/--quiet and -c/--config) without commander, so that the command most often run in a loop
// starts without the command-line library. Anything else (help, --debug, `--output=x`, joined
// short flags, repeats, a value that starts with "-") is left to the full command line, which
// alone knows every option; tests check both read these forms the same way.
import type { ConvertOptions } from "./commands/convert.js";

/** Options that take a value, and the ConvertOptions key each sets. */
const withValue = new Map<string, "output" | "config">([
  ["-o", "output"],
  ["--output", "output"],
  ["-c", "config"],
  ["--config", "config"],
]);
const quiet = new Set(["-q", "--quiet"]);

/** `convert`'s Markdown file and options, or undefined when the full command line must read it. */
export function quickConvertArgs(
  argv: readonly string[],
): { markdown: string; opts: ConvertOptions } | undefined {
  if (argv[0] !== "convert") return undefined;
  let markdown: string | undefined;
  const opts: ConvertOptions = {};
  const seen = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    const key = withValue.get(arg) ?? (quiet.has(arg) ? "quiet" : undefined);
    if (key === undefined) {
      if (arg.startsWith("-") || markdown !== undefined) return undefined;
      markdown = arg;
      continue;
    }
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (key === "quiet") {
      opts.quiet = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined || value.startsWith("-")) return undefined;
    opts[key] = value;
  }
  return markdown !== undefined && opts.output !== undefined ? { markdown, opts } : undefined;
}
