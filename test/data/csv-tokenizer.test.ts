// The fast CSV tokenizer against csv-parse: on random CSV text (quotes, doubled quotes, embedded
// delimiters and line ends, CRLF, lone CR, empty fields, ragged rows, trailing line end or not)
// it yields the same records in any chunking, hands csv-parse exactly the records it does not
// read (with csv-parse's line count), and readCsv gives the same rows and diagnostics either way.
import { Buffer } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parserCore, readCsv, type CsvOptions } from "../../src/load/csv.js";
import { CsvTokenizer } from "../../src/load/csv-tokenizer.js";

interface Parsed {
  records: string[][];
  error?: { code: string; lines: unknown; column: unknown; fieldLength: unknown };
}

/** csv-parse with csv.ts's options on `text`; `skip` leading records are dropped. */
function csvParse(text: string, delimiter: string, skip = 0): Parsed {
  const records: string[][] = [];
  const core = parserCore(delimiter);
  const push = (r: string[]) => {
    if (skip > 0) skip--;
    else records.push(r);
  };
  const err =
    core.parse(Buffer.from(text, "utf8"), false, push, () => {}) ??
    core.parse(undefined, true, push, () => {});
  if (err === undefined) return { records };
  const e = err as unknown as { code: string; lines: unknown; column: unknown; field?: Buffer };
  return {
    records,
    error: { code: e.code, lines: e.lines, column: e.column, fieldLength: e.field?.length },
  };
}

/** Line breaks as csv.ts counts them: \r\n, \n and a lone \r once each. */
function lineBreaks(rec: string[]): number {
  let n = 0;
  for (const f of rec) n += (f.match(/\r\n|\n|\r/g) ?? []).length;
  return n;
}

/** The tokenizer over `text` cut into `chunk`-character pieces. */
function tokenize(text: string, delimiter: string, chunk: number) {
  const t = new CsvTokenizer(delimiter);
  const records: string[][] = [];
  const sink = {
    stopped: false,
    record(rec: string[], breaks: number) {
      expect(breaks).toBe(lineBreaks(rec));
      records.push(rec);
    },
  };
  let rest: string | undefined;
  for (let i = 0; i < text.length && rest === undefined; i += chunk) {
    rest = t.push(text.slice(i, i + chunk), false, sink);
    // After the hand-over, the later chunks go to csv-parse too.
    if (rest !== undefined) rest += text.slice(i + chunk);
  }
  rest ??= t.push("", true, sink);
  return { records, rest, lines: t.lines };
}

const piece = fc.constantFrom(
  "a",
  "b1",
  " ",
  "é",
  "😀",
  ",",
  ";",
  "\t",
  '"',
  '""',
  '"x,y"',
  '"p\nq"',
  '"r\r\ns"',
  '"t\rv"',
  '"w""z"',
  "\n",
  "\r\n",
  "\r",
  "",
);
const csvText = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));
const delimiter = fc.constantFrom(",", ";", "\t");

describe("CsvTokenizer", () => {
  it("reads what csv-parse reads, and leaves csv-parse the rest from the same line", () => {
    fc.assert(
      fc.property(csvText, delimiter, fc.integer({ min: 1, max: 12 }), (text, delim, chunk) => {
        const want = csvParse(text, delim);
        const got = tokenize(text, delim, chunk);
        if (got.rest === undefined) {
          expect(want.error).toBeUndefined();
          expect(got.records).toEqual(want.records);
          return;
        }
        // The records before the hand-over agree; csv-parse reads the rest as it would have.
        expect(got.records).toEqual(want.records.slice(0, got.records.length));
        expect(text.endsWith(got.rest)).toBe(true);
        const rest = csvParse("\n".repeat(got.lines - 1) + got.rest, delim, got.lines - 1);
        expect([...got.records, ...rest.records]).toEqual(want.records);
        expect(rest.error).toEqual(want.error);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads RFC 4180 text without handing over, whatever the chunks", () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .-]{0,6}$/),
      fc.stringMatching(/^[a-z,"\r\n]{0,6}$/).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const rfc = fc
      .tuple(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
      )
      .map(([rows, eol, last]) => rows.map((r) => r.join(",")).join(eol) + (last ? eol : ""));
    fc.assert(
      fc.property(rfc, fc.integer({ min: 1, max: 9 }), (text, chunk) => {
        const got = tokenize(text, ",", chunk);
        expect(got.rest).toBeUndefined();
        expect(got.records).toEqual(csvParse(text, ",").records);
      }),
      { numRuns: 1000 },
    );
  });

  it("hands over a stray quote at the start of its record, with csv-parse's line count", () => {
    const text = 'a,b\r\n"x\r\ny",1\nc,d"e\nf,g\n';
    const got = tokenize(text, ",", 5);
    expect(got.records).toEqual([
      ["a", "b"],
      ["x\r\ny", "1"],
    ]);
    expect(got.rest).toBe('c,d"e\nf,g\n');
    // csv-parse counts \r and \n inside quotes separately: lines 1, 2, then 2 + 2.
    expect(got.lines).toBe(5);
  });

  it("hands over an unclosed quote at the end, and a record longer than a quarter million", () => {
    expect(tokenize('a\n"b,c\n', ",", 3).rest).toBe('"b,c\n');
    const long = `a\n${"x".repeat(300_000)}\nb\n`;
    expect(tokenize(long, ",", 1 << 16).rest).toBe(long.slice(2));
  });
});

const header = fc.constantFrom(
  "measure,date,value",
  "Measure;Period;Value (%);Note",
  "measure\tdate\tnumerator\tdenominator",
  "spotlight,measure,date,value,note",
);
const cell = fc.constantFrom(
  "m",
  "m2",
  "2024-01-01",
  "2024-02-01",
  "01/03/2024",
  "Jan 2024",
  "12,5",
  "3.5",
  "NA",
  "",
  "Total",
  '"q,1"',
  '"a""b"',
  '"x\ny"',
  '"x\r\ny"',
  'a"b',
  '"c"d',
  '"',
  "é",
);

describe("readCsv with the tokenizer and with csv-parse alone", () => {
  it("gives the same rows and diagnostics", async () => {
    const csv = fc
      .tuple(
        header,
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 10 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
      )
      .map(([h, rows, eol, last]) => {
        const sep = h.includes(";") ? ";" : h.includes("\t") ? "\t" : ",";
        return [h, ...rows.map((r) => r.join(sep))].join(eol) + (last ? eol : "");
      });
    await fc.assert(
      fc.asyncProperty(csv, fc.integer({ min: 1, max: 20 }), async (text, chunk) => {
        const bytes = Buffer.from(text, "utf8");
        const open = async function* () {
          for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
        };
        const opts: CsvOptions = { dateFormat: "dmy", maxRows: 6 };
        const fast = await readCsv(open, "t.csv", opts);
        const slow = await readCsv(open, "t.csv", { ...opts, csvParseOnly: true });
        expect(fast).toEqual(slow);
      }),
      { numRuns: 1500 },
    );
  });
});
