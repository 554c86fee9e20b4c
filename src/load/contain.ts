// Keeps a pack inside its folder: a file it names must not escape the pack folder through
// `..`, an absolute path or a symbolic link, unless the user allowed it (--allow-outside).
import { isAbsolute, relative, resolve, sep } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReadIo } from "../io/io.js";

/** Where the file was named, for the diagnostic (the YAML value's position). */
export interface NamedAt {
  file?: string;
  line?: number;
  column?: number;
  path?: (string | number)[];
  /** The file as the user would type it, for the message. */
  display?: string;
}

const inside = (dir: string, target: string) => {
  const rel = relative(dir, target);
  return rel === "" || (rel.split(sep)[0] !== ".." && !isAbsolute(rel));
};

async function real(path: string, io: ReadIo): Promise<string> {
  try {
    return await io.realPath(path);
  } catch {
    return path; // a missing file is reported by the reader; judge its lexical path
  }
}

/**
 * Returns a `file.outside_pack` diagnostic when `target` (absolute, or relative to
 * `packDir`) lies outside `packDir` after resolving `..` and symbolic links.
 */
export async function checkInside(
  packDir: string,
  target: string,
  io: ReadIo,
  allowOutside: boolean,
  at: NamedAt = {},
): Promise<Diagnostic | undefined> {
  if (allowOutside) return undefined;
  const dir = resolve(packDir);
  const abs = resolve(dir, target);
  const ok = inside(dir, abs) && inside(await real(dir, io), await real(abs, io));
  if (ok) return undefined;
  const { display, ...where } = at;
  return diagnostic({
    code: "file.outside_pack",
    message: `${display ?? target} is outside the pack folder`,
    ...where,
  });
}
