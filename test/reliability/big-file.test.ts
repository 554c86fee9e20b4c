// A large CSV is analysed by the built CLI with bounded memory and time: ~20 MB by default,
// ~200 MB with SPOTLIGHT_BIG=1. Peak RSS comes from `/usr/bin/time -f %M` (kilobytes).
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binPath, repoRoot } from "../helpers/cli.js";
import { removeTemp, tempRoot } from "./corpus-lib.js";

const big = process.env.SPOTLIGHT_BIG === "1";
const targetBytes = (big ? 200 : 20) * 1_000_000;
/** Peak memory allowed (MB): DESIGN §10 allows 300 MB for a 1,000,000-row CSV. */
const maxRssMb = 300;
const built = existsSync(join(repoRoot, "dist/cli/run.js")) && existsSync("/usr/bin/time");

let dir: string;
beforeAll(() => {
  dir = tempRoot("big-csv-");
});
afterAll(() => removeTemp(dir));

/** Writes 48 monthly rows per measure, with a note, until the file reaches `bytes`. */
function writeBigCsv(file: string, bytes: number): number {
  const fd = openSync(file, "w");
  const note = "audit of the pathway; ".repeat(3);
  let written = 0;
  let rows = 0;
  writeSync(fd, "measure,date,value,note\n");
  while (written < bytes) {
    const lines: string[] = [];
    for (let k = 0; k < 10_000; k++, rows++) {
      const i = rows % 48;
      const m = String(Math.floor(rows / 48)).padStart(6, "0");
      const month = String((i % 12) + 1).padStart(2, "0");
      lines.push(
        `m${m},${2020 + Math.floor(i / 12)}-${month}-01,${50 + ((rows * 7919) % 23)},${note}\n`,
      );
    }
    const chunk = lines.join("");
    writeSync(fd, chunk);
    written += Buffer.byteLength(chunk);
  }
  closeSync(fd);
  return rows;
}

describe.runIf(built)("a large CSV", () => {
  it(
    `analyse streams a ${targetBytes / 1e6} MB file with peak RSS under ${maxRssMb} MB`,
    () => {
      const file = join(dir, "big.csv");
      const rows = writeBigCsv(file, targetBytes);
      expect(statSync(file).size).toBeGreaterThanOrEqual(targetBytes);
      const started = Date.now();
      const r = spawnSync(
        "/usr/bin/time",
        [
          "-f",
          "RSS_KB=%M",
          process.execPath,
          binPath,
          "analyse",
          file,
          "--measure",
          "m000000",
          "--format",
          "json",
        ],
        { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1" } },
      );
      const seconds = (Date.now() - started) / 1000;
      const rssMb = Number(/RSS_KB=(\d+)/.exec(r.stderr)?.[1]) / 1024;
      expect(r.status, r.stderr.slice(0, 2000)).toBe(0);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      const out = JSON.parse(r.stdout) as { measures: { id: string; points: unknown[] }[] };
      expect(out.measures.map((m) => [m.id, m.points.length])).toEqual([["m000000", 48]]);
      expect(rows).toBeGreaterThan(big ? 2_000_000 : 200_000);
      expect(rssMb, `peak RSS ${rssMb.toFixed(0)} MB for ${rows} rows`).toBeLessThan(maxRssMb);
      expect(seconds).toBeLessThan(big ? 120 : 20);
    },
    big ? 300_000 : 60_000,
  );
});
