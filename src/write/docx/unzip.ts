// Reads a zip package (a trust's reference DOCX) into named parts with fflate, the only module
// that imports it. Loaded only when a reference DOCX is used.
import { strFromU8, unzipSync } from "fflate";
import type { Parts } from "./zip.js";

/** Unzips a package; throws on bytes that are not a zip file. */
export function unzipParts(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)));
}

export const textOf = (bytes: Uint8Array): string => strFromU8(bytes);
