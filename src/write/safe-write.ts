// Writes output files and folders safely: into a temporary file (or folder) beside the target,
// then renamed into place, so a failed run never leaves a partial file. Refuses to write over an
// input, onto a folder or through a symbolic link, and turns file-system errors into FatalError
// diagnostics (output.*). The node:fs functions are injectable so tests can simulate failures.
import { lstatSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { FatalError, diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";

/** The file-system calls this module makes; defaults to node:fs (see {@link nodeWriteFs}). */
export interface WriteFs {
  mkdir(path: string, opts: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array | string, opts: { flag: string }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, opts: { recursive?: boolean; force: true }): Promise<void>;
  /** Undefined (or ENOENT) when nothing is there. */
  lstat(path: string): Promise<{ isDirectory(): boolean; isSymbolicLink(): boolean } | undefined>;
  realpath(path: string): Promise<string>;
}

/** Runs `call` now and settles with its result, so callers still see a rejected promise. */
const settled = async <T>(call: () => T): Promise<T> => call();

/**
 * node:fs, called synchronously: the files are a paper and its charts, written once at the end
 * of a run, and a synchronous call skips the wait for libuv's thread pool (and loading
 * node:fs/promises, a few ms of a short command's start).
 */
export const nodeWriteFs: WriteFs = {
  mkdir: (p, o) => settled(() => mkdirSync(p, o)),
  writeFile: (p, d, o) => settled(() => writeFileSync(p, d, o)),
  rename: (a, b) => settled(() => renameSync(a, b)),
  rm: (p, o) => settled(() => rmSync(p, o)),
  lstat: (p) => settled(() => lstatSync(p, { throwIfNoEntry: false })),
  realpath: (p) => settled(() => realpathSync.native(p)),
};

export interface SafeWriteOptions {
  /** Input files of the run; writing over one of them (or, for a folder, around one) is refused. */
  inputs?: readonly string[];
  /** The output folder the target must stay inside after resolving links (default: its folder). */
  root?: string;
  /** How to name the target in messages (default: the path as given). */
  display?: string;
  /** File-system calls (tests inject failures). */
  fs?: WriteFs;
}

const errno = (e: unknown): string | undefined => (e as { code?: unknown })?.code as string;

function fail(code: DiagnosticCode, message: string, file: string, cause?: unknown): FatalError {
  return new FatalError(diagnostic({ code, message, file }), { cause });
}

/** A clear diagnostic for a failed write: permission, disk full, read-only, or the OS message. */
export function writeFailure(e: unknown, shown: string): FatalError {
  if (e instanceof FatalError) {
    // A write error raised below with the full path: say it again with the caller's name.
    const d = e.diagnostics[0];
    const again = d?.code === "output.write_failed" && d.file !== shown && e.cause !== undefined;
    return again ? writeFailure(e.cause, shown) : e;
  }
  const code = errno(e);
  const reason =
    code === "EACCES" || code === "EPERM"
      ? `permission denied writing ${shown}`
      : code === "ENOSPC" || code === "EDQUOT"
        ? `the disk is full: could not write ${shown}`
        : code === "EROFS"
          ? `the file system is read-only: cannot write ${shown}`
          : `cannot write ${shown}: ${e instanceof Error ? e.message : String(e)}`;
  if (code === "EISDIR") return fail("output.is_directory", `${shown} is a folder`, shown, e);
  return fail("output.write_failed", reason, shown, e);
}

async function lstatOrUndefined(fs: WriteFs, path: string) {
  try {
    return await fs.lstat(path);
  } catch (e) {
    if (errno(e) === "ENOENT" || errno(e) === "ENOTDIR") return undefined;
    throw e;
  }
}

/** The real path of `path`'s nearest existing ancestor, with the missing tail appended. */
async function realish(fs: WriteFs, path: string): Promise<string> {
  const tail: string[] = [];
  let p = path;
  for (;;) {
    try {
      return join(await fs.realpath(p), ...tail.reverse());
    } catch {
      const up = dirname(p);
      if (up === p) return path;
      tail.push(basename(p));
      p = up;
    }
  }
}

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/** Checks a target before writing; `folder` when the target is an output folder to replace. */
async function guard(
  fs: WriteFs,
  target: string,
  opts: SafeWriteOptions,
  folder: boolean,
): Promise<void> {
  const shown = opts.display ?? target;
  const root = resolve(opts.root ?? dirname(target));
  if (!inside(target, root)) {
    throw fail("output.symlink", `${shown} lies outside the output folder ${root}`, shown);
  }
  const st = await lstatOrUndefined(fs, target);
  if (st?.isSymbolicLink()) {
    throw fail("output.symlink", `${shown} is a symbolic link; it is not followed`, shown);
  }
  if (!folder && st?.isDirectory())
    throw fail("output.is_directory", `${shown} is a folder`, shown);
  if (folder && st && !st.isDirectory()) {
    throw fail("output.write_failed", `${shown} exists and is not a folder`, shown);
  }
  const realRoot = await realish(fs, root);
  const realTarget = await realish(fs, target);
  if (!inside(realTarget, realRoot)) {
    throw fail(
      "output.symlink",
      `${shown} resolves through a symbolic link to ${realTarget}, outside the output folder`,
      shown,
    );
  }
  for (const input of opts.inputs ?? []) {
    const abs = resolve(input);
    const realInput = await realish(fs, abs);
    const hit = folder
      ? inside(abs, target) || inside(realInput, realTarget)
      : abs === target || realInput === realTarget;
    if (hit) {
      const what = folder ? "holds one of the input files" : "is one of the input files";
      throw fail("output.exists_input", `${shown} ${what}`, shown);
    }
  }
}

/**
 * The refusals of {@link writeFileAtomic} (or, with `folder`, of {@link replaceDirAtomic}) on
 * their own, so a command can refuse a bad output path before it does any work.
 */
export async function checkOutput(
  path: string,
  options: SafeWriteOptions = {},
  folder = false,
): Promise<void> {
  await guard(options.fs ?? nodeWriteFs, resolve(path), options, folder);
}

/**
 * A fresh name beside the target. It need not be unguessable: files are created with the "wx"
 * flag, which fails (never follows a link or overwrites) when the name is taken.
 */
const tempName = (target: string, kind: string) =>
  join(
    dirname(target),
    `.${basename(target)}.${process.pid.toString(36)}${Math.random().toString(36).slice(2, 10)}.${kind}`,
  );

/**
 * Writes `data` to `path` atomically: a temporary file in the same folder, then a rename.
 * Creates missing folders; removes the temporary file on any error. Throws FatalError
 * (output.exists_input, output.is_directory, output.symlink, output.write_failed).
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: SafeWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeWriteFs;
  const target = resolve(path);
  const shown = options.display ?? path;
  await guard(fs, target, options, false);
  const tmp = tempName(target, "tmp");
  try {
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(tmp, data, { flag: "wx" });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeFailure(e, shown);
  }
}

/**
 * Writes `files` (relative path → bytes) as the complete contents of `dir`, replacing any folder
 * already there: a temporary sibling folder is filled, the old folder renamed aside, the new one
 * renamed into place, and only then the old one removed. On failure `dir` is unchanged.
 */
export async function replaceDirAtomic(
  dir: string,
  files: ReadonlyMap<string, Uint8Array | string>,
  options: SafeWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeWriteFs;
  const target = resolve(dir);
  const shown = options.display ?? dir;
  await guard(fs, target, options, true);
  for (const rel of files.keys()) {
    if (!inside(resolve(target, rel), target) || resolve(target, rel) === target) {
      throw fail("output.symlink", `${rel} would be written outside ${shown}`, shown);
    }
  }
  const tmp = tempName(target, "tmp");
  const old = tempName(target, "old");
  const existing = (await lstatOrUndefined(fs, target)) !== undefined;
  try {
    await fs.mkdir(tmp, { recursive: true });
    for (const [rel, data] of files) {
      const file = join(tmp, ...rel.split(/[\\/]/));
      await fs.mkdir(dirname(file), { recursive: true });
      await fs.writeFile(file, data, { flag: "wx" });
    }
    if (existing) await fs.rename(target, old);
    try {
      await fs.rename(tmp, target);
    } catch (e) {
      if (existing) await fs.rename(old, target);
      throw e;
    }
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw writeFailure(e, shown);
  }
  if (existing) await fs.rm(old, { recursive: true, force: true }).catch(() => undefined);
}
