// What a command gets from the CLI: output streams, environment, the file system and the clock.
// Tests pass a fake; src/cli/run.ts passes the real process.
import type { ReadIo } from "../io/io.js";

export interface OutputStream {
  write(text: string): void;
  /** True when the stream is a terminal (progress and colour only then). */
  isTTY: boolean;
}

export interface CliContext {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  fs: ReadIo;
  /** Wall clock; only used where the user asked for it (never in outputs). */
  now(): Date;
}

export interface GlobalOptions {
  quiet?: boolean;
  debug?: boolean;
}
