// The context of a command run by this process: its streams, environment, working directory
// and the real file system. process.stdout and process.stderr are created only when something
// is written to them or a command asks whether they are terminals (creating one loads Node's
// stream and net modules, a noticeable part of a short command's run).
import { fstatSync } from "node:fs";
import type { CliContext, OutputStream } from "./context.js";
import { nodeIo } from "./node-io.js";

/**
 * process.stdout or process.stderr, made on first use. A reader that stops early (`spotlight
 * schema | head -1`) closes the pipe: the rest of the output has nowhere to go, which is not a
 * failure of the command, so that error ends the writing instead of the process.
 */
function stream(fd: 1 | 2, onClosed: () => void): NodeJS.WriteStream {
  const s = fd === 1 ? process.stdout : process.stderr;
  if (s.listenerCount("error") === 0) {
    s.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      onClosed();
    });
  }
  return s;
}

/** Whether fd 1 or 2 is a terminal; a pipe or a file is known not to be without the stream. */
function isTerminal(fd: 1 | 2, onClosed: () => void): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return Boolean(stream(fd, onClosed).isTTY);
}

function output(fd: 1 | 2): OutputStream {
  let tty: boolean | undefined;
  let closed = false;
  const onClosed = () => (closed = true);
  return {
    write: (s) => {
      if (s !== "" && !closed) void stream(fd, onClosed).write(s);
    },
    get isTTY() {
      return (tty ??= isTerminal(fd, onClosed));
    },
  };
}

/** The context of a command run by this process. */
export function processContext(): CliContext {
  return {
    stdout: output(1),
    stderr: output(2),
    env: process.env,
    cwd: process.cwd(),
    fs: nodeIo,
    now: () => new Date(),
  };
}
