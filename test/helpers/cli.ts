// Runs the CLI in-process (main with a fake context) or as a real process (bin/spotlight.cjs),
// capturing exit code, stdout and stderr. Shared by the scenario and command tests.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/cli/node-io.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const binPath = fileURLToPath(new URL("../../bin/spotlight.cjs", import.meta.url));

export async function runCli(
  argv: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s) => void (stdout += s), isTTY: false },
    stderr: { write: (s) => void (stderr += s), isTTY: false },
    env: { NO_COLOR: "1", ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
    fs: nodeIo,
    now: () => new Date(0),
  });
  return { code, stdout, stderr };
}

/** Runs the built binary (needs `npm run build`). */
export function runBin(
  argv: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [binPath, ...argv], {
    cwd: opts.cwd ?? repoRoot,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
