// Limits from the config's `limits:` stop big inputs early with a diagnostic, never a crash or
// a hang: max_rows stops reading a large file at once, max_file_mb refuses it before reading,
// max_spotlights and max_string_length report at the offending YAML.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCase, removeTemp, runIn, tempRoot } from "./corpus-lib.js";

let root: string;
let n = 0;
beforeAll(() => {
  root = tempRoot("limits-");
});
afterAll(() => removeTemp(root));

/** The base pack with a config and a data file of `rows` rows (48 months per measure). */
function packWith(config: string, rows: number): string {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  const pack = buildCase(undefined, dir);
  writeFileSync(join(pack, "spotlight.config.yaml"), config);
  const lines = ["spotlight,measure,date,value"];
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    lines.push(`sepsis-ed,abx-1h,${1000 + Math.floor(i / 12)}-${month}-01,${60 + (i % 7)}`);
  }
  writeFileSync(join(pack, "data/measures.csv"), lines.join("\n") + "\n");
  return pack;
}

async function timed(pack: string) {
  const started = performance.now();
  const r = await runIn(pack, ["validate", "pack.yaml"]);
  return { ...r, ms: performance.now() - started };
}

describe("limits", () => {
  it("max_rows: a 300,000-row file stops at row 1,001 with data.too_many_rows", async () => {
    const r = await timed(packWith("limits: { max_rows: 1000 }\n", 300_000));
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "data.too_many_rows",
        file: "data/measures.csv",
        line: 1002,
        column: 1,
      }),
    );
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(5000);
  });

  it("max_file_mb: a 9 MB file is refused before it is read", async () => {
    const r = await timed(packWith("limits: { max_file_mb: 1 }\n", 300_000));
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: "file.too_large", file: "data/measures.csv" }),
    );
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(2000);
  });

  it("max_spotlights: an inline list of 50 spotlights with a limit of 3 stops at the limit", async () => {
    const pack = packWith("limits: { max_spotlights: 3 }\n", 24);
    const inline = Array.from({ length: 50 }, (_, i) => `  - { id: s${i} }`).join("\n");
    writeFileSync(
      join(pack, "pack.yaml"),
      `paper: { organisation: X }\ndata: [data/*.csv]\nspotlights:\n${inline}\n`,
    );
    const r = await timed(pack);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: "schema.too_many", file: "pack.yaml", line: 4, column: 3 }),
    );
    expect(r.code).toBe(1);
  });

  it("max_string_length: a 1 MB YAML string is reported at its position", async () => {
    const pack = packWith("limits: { max_string_length: 1000 }\n", 24);
    const spot = join(pack, "spotlights/sepsis.yaml");
    writeFileSync(
      spot,
      readFileSync(spot, "utf8").replace(
        "service: Emergency Department",
        `service: ${"a".repeat(1_000_000)}`,
      ),
    );
    const r = await timed(pack);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "schema.string_too_long",
        file: "spotlights/sepsis.yaml",
        line: 5,
        column: 10,
      }),
    );
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(5000);
  });
});
