// CRC-32 (as zip and PNG use it): Node's own where it has one (20.15 and later), else by table.
import * as zlib from "node:zlib";

const table = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 by table, for Node versions before 20.15, which have no `zlib.crc32`. */
export function tableCrc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export const crc32: (data: Uint8Array) => number =
  typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : tableCrc32;
