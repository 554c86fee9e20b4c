// A small glob for the file lists of a pack (`*`, `**`, `?`, `{a,b}`), read through ReadIo.
// Results are files only, relative to the base folder with forward slashes, sorted.
import { posix } from "node:path";
import type { ReadIo } from "../io/io.js";

/** True when the pattern has glob characters (otherwise it names one file). */
export function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

/** `{a,b}` expansion (nesting allowed), before matching. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf("{");
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      const parts: string[] = [];
      let from = open + 1;
      for (const comma of commas) {
        parts.push(pattern.slice(from, comma));
        from = comma + 1;
      }
      parts.push(pattern.slice(from, i));
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return parts.flatMap((p) => expandBraces(head + p + tail));
    } else if (c === "," && depth === 1) commas.push(i);
  }
  return [pattern]; // unbalanced: treat literally
}

function segmentRegex(segment: string): RegExp {
  let re = "";
  for (const c of segment) {
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^$()|[\]\\{}]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

const toPosix = (p: string) => p.replace(/\\/g, "/");

/**
 * Files under `baseDir` matching `pattern` (relative paths with `/`, sorted, no duplicates).
 * Wildcards do not match names starting with a dot; `**` matches zero or more folders.
 */
export async function glob(pattern: string, baseDir: string, io: ReadIo): Promise<string[]> {
  const found = new Set<string>();
  const base = toPosix(baseDir);
  for (const p of expandBraces(toPosix(pattern))) {
    const absolute = p.startsWith("/");
    const segments = p.split("/").filter((s, i) => s !== "" && !(s === "." && i > 0));
    const start = absolute ? "/" : base;
    for (const file of await walk(start, segments, io)) {
      found.add(absolute ? file : posix.relative(base, file));
    }
  }
  return [...found].sort();
}

async function list(dir: string, io: ReadIo) {
  try {
    return await io.readDir(dir);
  } catch {
    return [];
  }
}

async function walk(dir: string, segments: string[], io: ReadIo): Promise<string[]> {
  if (segments.length === 0) return [];
  const [seg, ...rest] = segments as [string, ...string[]];
  if (seg === "**") {
    const out = await walk(dir, rest, io); // zero folders
    for (const e of await list(dir, io))
      if (e.isDirectory && !e.name.startsWith("."))
        out.push(...(await walk(posix.join(dir, e.name), segments, io)));
    return out;
  }
  if (!isGlob(seg)) {
    const next = posix.join(dir, seg);
    if (rest.length > 0) return walk(next, rest, io);
    const entries = await list(dir, io);
    return entries.some((e) => e.name === seg && !e.isDirectory) ? [next] : [];
  }
  const re = segmentRegex(seg);
  const out: string[] = [];
  for (const e of await list(dir, io)) {
    if (e.name.startsWith(".") && !seg.startsWith(".")) continue;
    if (!re.test(e.name)) continue;
    const next = posix.join(dir, e.name);
    if (rest.length > 0) {
      if (e.isDirectory) out.push(...(await walk(next, rest, io)));
    } else if (!e.isDirectory) out.push(next);
  }
  return out;
}
