// Connects main() to the real process: streams, environment, working directory, file system.
import { main } from "./main.js";
import { nodeIo } from "./node-io.js";

export async function run(argv: readonly string[]): Promise<number> {
  return main(argv, {
    stdout: { write: (s) => void process.stdout.write(s), isTTY: Boolean(process.stdout.isTTY) },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: Boolean(process.stderr.isTTY) },
    env: process.env,
    cwd: process.cwd(),
    fs: nodeIo,
    now: () => new Date(),
  });
}
