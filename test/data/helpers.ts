// Shared helpers for the measure-data tests: read a fixture, an in-memory ReadIo that hands
// out chunks of a chosen size, and a compact view of diagnostics.
import { join } from "node:path";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { ReadIo } from "../../src/io/io.js";
import { nodeIo } from "../../src/cli/node-io.js";
import { readDataFile, type ReadDataOptions } from "../../src/load/data.js";

export const fixtures = join(import.meta.dirname, "../fixtures/data");

export const defaults: ReadDataOptions = {
  dateFormat: "dmy",
  maxRows: 1_000_000,
  maxFileBytes: 64 * 1024 * 1024,
};

export function readFixture(name: string, opts: Partial<ReadDataOptions> = {}) {
  return readDataFile(join(fixtures, name), name, nodeIo, { ...defaults, ...opts });
}

/** A ReadIo over in-memory files; readStream yields `chunk`-byte pieces. */
export function memIo(files: Record<string, Uint8Array | string>, chunk = 7): ReadIo {
  const bytes = (p: string): Uint8Array => {
    const f = files[p];
    if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
    return typeof f === "string" ? new TextEncoder().encode(f) : f;
  };
  return {
    readFile: async (p) => bytes(p),
    readDir: async () => [],
    fileSize: async (p) => (files[p] === undefined ? undefined : bytes(p).length),
    realPath: async (p) => p,
    async *readStream(p) {
      const b = bytes(p);
      for (let i = 0; i < b.length; i += chunk) yield b.slice(i, i + chunk);
    },
  };
}

export function readBytes(
  name: string,
  content: Uint8Array | string,
  opts: Partial<ReadDataOptions> = {},
  chunk = 7,
) {
  return readDataFile(name, name, memIo({ [name]: content }, chunk), { ...defaults, ...opts });
}

/** `code file:line:col` for each diagnostic, for compact assertions. */
export function brief(list: readonly Diagnostic[]): string[] {
  return list.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column}`);
}
