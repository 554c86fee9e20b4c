// Test helpers for the loaders: fixture paths, and a minimal data reader standing in for
// src/load/data.ts + link-data.ts (CSV `spotlight,measure,date,value` only).
import { fileURLToPath } from "node:url";
import { nodeIo } from "../../src/cli/node-io.js";
import { loadPack, type DataReader, type LoadPackOptions } from "../../src/load/pack.js";
import type { DataPoint, DataRow } from "../../src/load/types.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

export const fixturesDir = fileURLToPath(new URL("../fixtures/load/", import.meta.url));

export const shimReader: DataReader = {
  async readDataFile(file, displayName, io) {
    const text = new TextDecoder().decode(await io.readFile(file));
    const rows: DataRow[] = text
      .trim()
      .split("\n")
      .slice(1)
      .map((line, i) => {
        const [spotlight, measure, date, value] = line.split(",");
        return {
          spotlight,
          measure: measure!,
          date: date!,
          value: Number(value),
          file: displayName,
          line: i + 2,
        };
      });
    return { rows, diagnostics: [] };
  },
  linkData(rows) {
    const data = new Map<string, Map<string, DataPoint[]>>();
    for (const r of rows) {
      const bySpotlight = data.get(r.spotlight!) ?? new Map<string, DataPoint[]>();
      data.set(r.spotlight!, bySpotlight);
      const list = bySpotlight.get(r.measure) ?? [];
      bySpotlight.set(r.measure, list);
      list.push({ date: r.date, value: r.value, file: r.file, line: r.line });
    }
    return { data, diagnostics: [] };
  },
};

/** loadPack on a fixture, with cwd = the fixtures folder (so file names read `case/file.yaml`). */
export function loadFixture(rel: string, opts: Partial<LoadPackOptions> = {}) {
  return loadPack(rel, { io: nodeIo, cwd: fixturesDir, readData: shimReader, ...opts });
}

/** The diagnostic with this code, failing the test with the whole list when there is none. */
export function find(list: Diagnostic[], code: string): Diagnostic {
  const d = list.find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} in:\n${JSON.stringify(list, null, 2)}`);
  return d;
}
