// The DOCX zip writer: what it writes unzips to the same parts with correct CRCs (checked by
// fflate and by Python's zipfile), and the table CRC used on older Node equals zlib's.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32, tableCrc32 } from "../../src/common/crc32.js";
import { unzipParts } from "../../src/write/docx/unzip.js";
import { zipParts } from "../../src/write/docx/zip.js";

const date = { year: 2026, month: 1, day: 8 };

describe("zipParts", () => {
  it("round-trips any parts, storing PNGs and deflating the rest", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?\.(xml|png|svg)$/), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.uint8Array({ maxLength: 3000 }), { minLength: 6, maxLength: 6 }),
        (names, datas) => {
          const parts = new Map(names.map((n, i) => [n, datas[i]!]));
          const back = unzipParts(zipParts(parts, date));
          expect([...back.keys()].sort()).toEqual([...parts.keys()].sort());
          for (const [n, d] of parts)
            expect(Buffer.from(back.get(n)!).equals(Buffer.from(d))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("writes a zip that Python's zipfile reads with correct CRCs", () => {
    const parts = new Map([
      ["[Content_Types].xml", new TextEncoder().encode("<Types/>".repeat(500))],
      ["word/media/a.png", new Uint8Array(2048).map((_, i) => (i * 31) & 0xff)],
    ]);
    const file = join(mkdtempSync(join(tmpdir(), "zip-")), "t.zip");
    writeFileSync(file, zipParts(parts, date));
    const py = spawnSync(
      "/usr/bin/python3",
      [
        "-c",
        "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), len(z.namelist()))",
        file,
      ],
      { encoding: "utf8" },
    );
    expect(py.stdout.trim()).toBe("None 2");
  });

  it("computes the same CRC-32 by table as zlib does, and crc32 is either", () => {
    expect(tableCrc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    if (typeof zlib.crc32 !== "function") return;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
        expect(tableCrc32(data)).toBe(zlib.crc32(data));
        expect(crc32(data)).toBe(zlib.crc32(data));
      }),
    );
  });
});
