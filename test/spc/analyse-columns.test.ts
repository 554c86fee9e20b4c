// `analyse` keeps each series as columns while it reads (for large files): the result must be
// the same whatever the row order, and P charts must keep their numerators and denominators.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "spotlight-columns-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = Array.from({ length: 24 }, (_, i) => {
  const month = `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
  const den = 100 + ((i * 7) % 13);
  return { month, num: 40 + ((i * 5) % 11), den };
});

async function analyse(lines: string[], ...flags: string[]) {
  const file = join(dir, `d${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, ["measure,date,value,numerator,denominator", ...lines].join("\n") + "\n");
  const r = await runCli(["analyse", file, "--format", "json", ...flags]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { measures: { id: string; points: object[] }[] };
}

describe("analyse reads rows into columns", () => {
  const lines = rows.flatMap((r) => [`a,${r.month},${r.num},,`, `p,${r.month},,${r.num},${r.den}`]);

  it("gives the same result for shuffled rows as for sorted ones", async () => {
    const sorted = await analyse(lines);
    const shuffled = await analyse([...lines].reverse());
    // Measures come in first-seen order; each measure's analysis is the same.
    const byId = (o: typeof sorted) => Object.fromEntries(o.measures.map((m) => [m.id, m]));
    expect(byId(shuffled)).toEqual(byId(sorted));
    expect(sorted.measures.map((m) => m.id)).toEqual(["a", "p"]);
  });

  it("keeps numerators and denominators for a P chart, and none for a plain series", async () => {
    const out = await analyse(lines, "--chart", "p", "--measure", "p");
    expect(out.measures[0]!.points[0]).toMatchObject({
      numerator: rows[0]!.num,
      denominator: rows[0]!.den,
    });
    const plain = await analyse(lines, "--measure", "a");
    expect(plain.measures[0]!.points[0]).not.toHaveProperty("numerator");
  });

  it("still reports duplicate dates with both lines", async () => {
    const file = join(dir, "dup.csv");
    writeFileSync(file, "measure,date,value\na,2024-01-01,1\na,2024-02-01,2\na,2024-01-01,3\n");
    const r = await runCli(["analyse", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dup\.csv:4 .*data\.duplicate_date.*lines 2 and 4/);
  });
});
