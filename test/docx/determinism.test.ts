// Byte-identical DOCX: the same input rendered in two time zones (child processes, so TZ takes
// effect from start-up) gives the same bytes; zip entries carry the paper date at midnight as DOS
// time, media are stored rather than compressed again, and no random ids are left.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { unzipDocx } from "./docx-summary.js";
import { renderSample } from "./sample.js";

const child = fileURLToPath(new URL("./render-sample-child.ts", import.meta.url));

function renderIn(tz: string): Buffer {
  const run = spawnSync(process.execPath, ["--import", "tsx", child], {
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`child failed in ${tz}: ${run.stderr}`);
  return Buffer.from(run.stdout, "base64");
}

interface ZipEntry {
  name: string;
  method: number;
  time: number;
  date: number;
}

/** Reads the local file headers of a zip: name, compression method, DOS time and date. */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: ZipEntry[] = [];
  let i = 0;
  while (i + 30 <= bytes.length && view.getUint32(i, true) === 0x04034b50) {
    const method = view.getUint16(i + 8, true);
    const time = view.getUint16(i + 10, true);
    const date = view.getUint16(i + 12, true);
    const size = view.getUint32(i + 18, true);
    const nameLength = view.getUint16(i + 26, true);
    const extraLength = view.getUint16(i + 28, true);
    const name = strFromU8(bytes.subarray(i + 30, i + 30 + nameLength));
    out.push({ name, method, time, date });
    i += 30 + nameLength + extraLength + size;
  }
  return out;
}

describe("DOCX determinism", () => {
  it("is byte-identical in UTC and Pacific/Auckland (and in this process)", async () => {
    const utc = renderIn("UTC");
    const auckland = renderIn("Pacific/Auckland");
    expect(utc.length).toBeGreaterThan(10_000);
    expect(auckland.equals(utc)).toBe(true);
    const here = Buffer.from((await renderSample()).docx);
    expect(here.equals(utc)).toBe(true);
  }, 60_000);

  it("gives every entry the paper date at midnight; stores PNG, deflates XML; fixed order", async () => {
    const { docx } = await renderSample();
    const entries = zipEntries(docx);
    // 2024-07-04 as a DOS date: (2024 - 1980) << 9 | 7 << 5 | 4.
    const dosDate = ((2024 - 1980) << 9) | (7 << 5) | 4;
    expect(entries.length).toBe(Object.keys(unzipDocx(docx)).length);
    for (const e of entries) {
      expect([e.name, e.date, e.time]).toEqual([e.name, dosDate, 0]);
      expect([e.name, e.method]).toEqual([e.name, e.name.endsWith(".png") ? 0 : 8]);
    }
    expect(entries.slice(0, 2).map((e) => e.name)).toEqual(["[Content_Types].xml", "_rels/.rels"]);
  });

  it("numbers relationships and drawings per document, links included", async () => {
    const first = await renderSample();
    const files = unzipDocx(first.docx);
    const rels = strFromU8(files["word/_rels/document.xml.rels"] as Uint8Array);
    const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(ids.map((_, i) => `rId${i + 1}`));
    expect(rels).toMatch(
      /Id="rId\d+" Type="[^"]+\/hyperlink" Target="https:[^"]+" TargetMode="External"/,
    );
    const document = strFromU8(files["word/document.xml"] as Uint8Array);
    const docPr = [...document.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(docPr).toEqual([1, 2, 3]);
  });
});
