// The real file system as a ReadIo, for the CLI and the library's default. Whole files, sizes
// and real paths are read synchronously: the files a pack names are small, and a synchronous
// read skips the round trip through libuv's thread pool, where it would otherwise queue behind
// chart rasterisation (a 60-measure render spent 45 ms idle waiting on reads). Large CSV files
// are streamed.
import { createReadStream, readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import type { ReadIo } from "../io/io.js";

/** Runs `read` now and settles with its result, so callers still see a rejected promise. */
const settled = async <T>(read: () => T): Promise<T> => read();

export const nodeIo: ReadIo = {
  readFile: (path) => settled(() => new Uint8Array(readFileSync(path))),
  readDir: (path) =>
    settled(() =>
      readdirSync(path, { withFileTypes: true }).map((e) => ({
        name: e.name,
        isDirectory: e.isDirectory(),
      })),
    ),
  async fileSize(path) {
    try {
      // No exception (and its stack trace) for the usual case of a file that is not there.
      return statSync(path, { throwIfNoEntry: false })?.size;
    } catch {
      return undefined;
    }
  },
  realPath: (path) => settled(() => realpathSync.native(path)),
  readStream(path) {
    return createReadStream(path, { highWaterMark: 1 << 20 });
  },
};
