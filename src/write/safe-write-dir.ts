// Replaces a whole output folder (e.g. `paper_files/`) atomically: the files are written into a
// temporary sibling folder, which is then renamed into place; the old folder is removed only
// after the new one is in place. Used by the CLI commands only.
import { lstat, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `files` (relative path → bytes) as the complete contents of `dir`, replacing any folder
 * already there. On failure nothing changes at `dir` and the temporary folder is removed.
 */
export async function replaceDirAtomic(
  dir: string,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}.${Date.now()}`;
  const tmp = join(parent, `.${basename(dir)}.${stamp}.tmp`);
  const old = join(parent, `.${basename(dir)}.${stamp}.old`);
  let existing = false;
  try {
    const st = await lstat(dir);
    if (!st.isDirectory() || st.isSymbolicLink()) {
      throw Object.assign(new Error(`${dir} exists and is not a folder`), { code: "ENOTDIR" });
    }
    existing = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  try {
    await mkdir(tmp);
    for (const [rel, data] of files) {
      const target = join(tmp, rel);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, data);
    }
    if (existing) await rename(dir, old);
    try {
      await rename(tmp, dir);
    } catch (e) {
      if (existing) await rename(old, dir);
      throw e;
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  if (existing) await rm(old, { recursive: true, force: true });
}
