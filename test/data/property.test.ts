// Property tests: whatever bytes or text a data file holds, readDataFile returns rows and
// diagnostics and never throws; rows are well formed; and linkData accounts for every row.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codes } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { ReadDataRow } from "../../src/load/data.js";
import { readBytes } from "./helpers.js";

function wellFormed(rows: ReadDataRow[], diagnostics: Diagnostic[], file: string): void {
  for (const d of diagnostics) {
    expect(Object.keys(codes)).toContain(d.code);
    expect(d.file).toBe(file);
    if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
    if (d.column !== undefined) expect(d.column).toBeGreaterThanOrEqual(1);
  }
  for (const r of rows) {
    expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.value === null || Number.isFinite(r.value)).toBe(true);
    expect(r.measure.length).toBeGreaterThan(0);
    expect(r.line).toBeGreaterThanOrEqual(1);
    expect(r.file).toBe(file);
  }
}

const header = fc.constantFrom(
  "measure,date,value",
  "spotlight;measure;date;value;numerator;denominator",
  "Measure\tPeriod\tValue\tNote",
  "measure|date|num|den",
  "a,b",
  "",
);
const cell = fc.oneof(
  fc.constantFrom(
    "m",
    "2024-01-01",
    "01/02/2024",
    "Jan 2024",
    "12,5",
    "1,234",
    "£3",
    "NA",
    "#N/A",
    "",
    "Total",
  ),
  fc.constantFrom(
    '"',
    '""',
    '"a,b"',
    '"x\ny"',
    "\r",
    "\n",
    ",",
    ";",
    "\t",
    "|",
    "\u00a3",
    "\uFEFF",
  ),
  fc.string({ maxLength: 6 }),
  fc.double().map(String),
);
const csvText = fc
  .tuple(
    header,
    fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
    fc.constantFrom(",", ";", "\t", "|"),
    fc.constantFrom("\n", "\r\n", "\r"),
  )
  .map(([h, rows, sep, eol]) => [h, ...rows.map((r) => r.join(sep))].join(eol));

describe("readDataFile never throws", () => {
  it("on random bytes (any chunking), as CSV and as YAML", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom("x.csv", "x.yaml"),
        async (bytes, chunk, name) => {
          const r = await readBytes(name, bytes, {}, chunk);
          wellFormed(r.rows, r.diagnostics, name);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("on CSV-like text built from real and hostile cells", async () => {
    await fc.assert(
      fc.asyncProperty(
        csvText,
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (text, chunk, mdy) => {
          const r = await readBytes(
            "t.csv",
            text,
            { dateFormat: mdy ? "mdy" : "dmy", maxRows: 5 },
            chunk,
          );
          wellFormed(r.rows, r.diagnostics, "t.csv");
          expect(r.rows.length).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("on random strings as YAML data", async () => {
    const yamlish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .array(
          fc.record({
            measure: fc.oneof(fc.constant("m"), fc.string({ maxLength: 4 }), fc.integer()),
            date: fc.oneof(
              fc.constantFrom("2024-01-01", "Jan 2024", "31/04/2024"),
              fc.integer(),
              fc.string({ maxLength: 5 }),
            ),
            value: fc.oneof(fc.double(), fc.string({ maxLength: 5 }), fc.constant(null)),
          }),
          { maxLength: 8 },
        )
        .map((rows) => JSON.stringify(rows)),
    );
    await fc.assert(
      fc.asyncProperty(yamlish, async (text) => {
        const r = await readBytes("y.yaml", text);
        wellFormed(r.rows, r.diagnostics, "y.yaml");
      }),
      { numRuns: 300 },
    );
  });

  it("the same text reads the same in any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.integer({ min: 1, max: 16 }), async (text, chunk) => {
        const whole = await readBytes("c.csv", text, {}, 1 << 16);
        const pieces = await readBytes("c.csv", text, {}, chunk);
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
