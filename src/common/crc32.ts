// CRC-32 (as zip and PNG use it): Node's own where it has one (20.16 and later), else by table.
// The table is made on first use: building it costs a few ms of a short command's start.
// Node's is found with process.getBuiltinModule rather than `import * as zlib`: a bundle copies
// every export of a namespace-imported built-in (about 100 for zlib) at start-up.

/** Node's zlib.crc32, on a Node that has it and getBuiltinModule to find it without an import. */
const nodeCrc32 = (
  process as { getBuiltinModule?: (id: string) => { crc32?: (data: Uint8Array) => number } }
).getBuiltinModule?.("node:zlib").crc32;

let table: Int32Array | undefined;

function makeTable(): Int32Array {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
}

/** CRC-32 by table, for a Node where getBuiltinModule does not find `zlib.crc32` (before 20.16). */
export function tableCrc32(data: Uint8Array): number {
  const t = (table ??= makeTable());
  let c = -1;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export const crc32: (data: Uint8Array) => number =
  typeof nodeCrc32 === "function" ? (data) => nodeCrc32(data) : tableCrc32;
