// The real file system as a ReadIo, for the CLI and the library's default.
import { createReadStream } from "node:fs";
import { readFile, readdir, realpath, stat } from "node:fs/promises";
import type { ReadIo } from "../io/io.js";

export const nodeIo: ReadIo = {
  async readFile(path) {
    return new Uint8Array(await readFile(path));
  },
  async readDir(path) {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
  },
  async fileSize(path) {
    try {
      return (await stat(path)).size;
    } catch {
      return undefined;
    }
  },
  realPath: (path) => realpath(path),
  readStream(path) {
    return createReadStream(path, { highWaterMark: 1 << 20 });
  },
};
