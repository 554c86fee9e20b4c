// Zip writing for DOCX packages: parts zipped with Node's zlib in a fixed entry order, with a
// fixed entry time and no double compression of media. (Reading a zip is unzip.ts.)
import { deflateRawSync } from "node:zlib";
import { crc32 } from "../../common/crc32.js";

/** A package as part name → bytes. */
export type Parts = Map<string, Uint8Array>;

/** Media types that are already compressed: stored, not deflated again. */
const storedExtensions = /\.(png|jpe?g|gif|emf|wmf)$/i;

const encoder = new TextEncoder();

/**
 * Raw deflate at level 6 with a window just large enough for the part (and the hash table to
 * match): the same compression as the full 32 KB window for a part that fits, without
 * allocating and clearing zlib's 256 KB of state for each of a package's many small parts.
 */
function deflate(data: Uint8Array): Uint8Array {
  // A match can reach back the window size less 262 bytes of lookahead.
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(data.length + 262))));
  return deflateRawSync(data, { level: 6, windowBits, memLevel: Math.max(1, windowBits - 7) });
}

/**
 * Zips parts in a stable order: `[Content_Types].xml`, then `_rels/.rels`, then the rest by name.
 * Every entry gets `date` at midnight as its DOS time, so the bytes do not depend on the clock or
 * the time zone. XML and SVG are deflated with Node's zlib (native: a tenth of the time of a
 * JavaScript deflate on a first, cold call, which is the only call a command makes); media that
 * are already compressed are stored. Entry names are ASCII and sizes stay far below 4 GB.
 */
export function zipParts(
  parts: Parts,
  date: { year: number; month: number; day: number },
): Uint8Array {
  const dosDate = ((Math.max(1980, date.year) - 1980) << 9) | (date.month << 5) | date.day;
  const first = ["[Content_Types].xml", "_rels/.rels"];
  const names = [
    ...first.filter((n) => parts.has(n)),
    ...[...parts.keys()].filter((n) => !first.includes(n)).sort(),
  ];
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const data = parts.get(name) as Uint8Array;
    const stored = storedExtensions.test(name);
    const body = stored ? data : deflate(data);
    const nameBytes = encoder.encode(name);
    // The fields shared by the local header (from offset 4) and the central record (from 6).
    const common = new DataView(new ArrayBuffer(26));
    common.setUint16(0, 20, true); // version needed: 2.0
    common.setUint16(2, 0, true); // flags
    common.setUint16(4, stored ? 0 : 8, true); // method: stored or deflated
    common.setUint16(6, 0, true); // time: midnight
    common.setUint16(8, dosDate, true);
    common.setUint32(10, crc32(data), true);
    common.setUint32(14, body.length, true);
    common.setUint32(18, data.length, true);
    common.setUint16(22, nameBytes.length, true);
    common.setUint16(24, 0, true); // extra field length
    const local = new Uint8Array(30 + nameBytes.length);
    new DataView(local.buffer).setUint32(0, 0x04034b50, true);
    local.set(new Uint8Array(common.buffer), 4);
    local.set(nameBytes, 30);
    const record = new Uint8Array(46 + nameBytes.length);
    const view = new DataView(record.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(4, 20, true); // version made by: 2.0, MS-DOS
    record.set(new Uint8Array(common.buffer), 6);
    // Comment length, disk, internal and external attributes stay 0.
    view.setUint32(42, offset, true);
    record.set(nameBytes, 46);
    chunks.push(local, body);
    central.push(record);
    offset += local.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, names.length, true);
  end.setUint16(10, names.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const c of [...chunks, ...central, new Uint8Array(end.buffer)]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const bytesOf = (text: string): Uint8Array => encoder.encode(text);
