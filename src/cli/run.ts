// Connects main() to the real process: streams, environment, working directory, file system.
// process.stdout and process.stderr are created only when something is written to them or a
// command asks whether they are terminals (creating one loads Node's stream and net modules,
// a noticeable part of a short command's run).
import { fstatSync } from "node:fs";
import type { OutputStream } from "./context.js";
import { main } from "./main.js";
import { nodeIo } from "./node-io.js";

/** Whether fd 1 or 2 is a terminal; a pipe or a file is known not to be without the stream. */
function isTerminal(fd: 1 | 2): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return Boolean((fd === 1 ? process.stdout : process.stderr).isTTY);
}

function output(fd: 1 | 2): OutputStream {
  let tty: boolean | undefined;
  return {
    write: (s) => {
      if (s !== "") void (fd === 1 ? process.stdout : process.stderr).write(s);
    },
    get isTTY() {
      return (tty ??= isTerminal(fd));
    },
  };
}

export async function run(argv: readonly string[]): Promise<number> {
  return main(argv, {
    stdout: output(1),
    stderr: output(2),
    env: process.env,
    cwd: process.cwd(),
    fs: nodeIo,
    now: () => new Date(),
  });
}
