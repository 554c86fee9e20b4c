// Zip reading and writing for DOCX packages: unzip a package into named parts and zip parts back
// with a fixed entry order, a fixed entry time and no double compression of media. The only
// module that imports fflate.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** A package as part name → bytes. */
export type Parts = Map<string, Uint8Array>;

/** Unzips a package; throws on bytes that are not a zip file. */
export function unzipParts(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files));
}

/** Media types that are already compressed: stored, not deflated again. */
const storedExtensions = /\.(png|jpe?g|gif|emf|wmf)$/i;

/**
 * Zips parts in a stable order: `[Content_Types].xml`, then `_rels/.rels`, then the rest by name.
 * `date` gives every entry the same modification time. fflate builds DOS times from the local
 * fields of a Date, so the Date is built from local components (year, month, day at midnight):
 * the stored fields are then the same in every time zone.
 */
export function zipParts(
  parts: Parts,
  date: { year: number; month: number; day: number },
): Uint8Array {
  const mtime = new Date(Math.max(1980, date.year), date.month - 1, date.day, 0, 0, 0);
  const first = ["[Content_Types].xml", "_rels/.rels"];
  const names = [
    ...first.filter((n) => parts.has(n)),
    ...[...parts.keys()].filter((n) => !first.includes(n)).sort(),
  ];
  const zippable: Zippable = {};
  for (const name of names) {
    const data = parts.get(name) as Uint8Array;
    zippable[name] = [data, { level: storedExtensions.test(name) ? 0 : 6, mtime }];
  }
  return zipSync(zippable, { mtime });
}

export const textOf = (bytes: Uint8Array): string => strFromU8(bytes);
export const bytesOf = (text: string): Uint8Array => strToU8(text);
