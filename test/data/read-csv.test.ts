// readDataFile on CSV: one fixture per failure mode (code, file, line and column asserted) and
// the accepted variants of real exports (encodings, delimiters, dates, numbers, renames).
import { describe, expect, it } from "vitest";
import { brief, readBytes, readFixture } from "./helpers.js";

describe("CSV failure modes", () => {
  it("bad number: data.bad_number at the value cell; the row stays as a missing point", async () => {
    const r = await readFixture("bad-number.csv");
    expect(brief(r.diagnostics)).toEqual(["error data.bad_number bad-number.csv:3:29"]);
    expect(r.diagnostics[0]!.message).toContain('"12..5"');
    expect(r.rows.map((x) => x.value)).toEqual([8.4, null, 7.9]);
  });

  it("impossible date: data.impossible_date at the date cell, row not used", async () => {
    const r = await readFixture("impossible-date.csv");
    expect(brief(r.diagnostics)).toEqual(["error data.impossible_date impossible-date.csv:3:18"]);
    expect(r.diagnostics[0]!.message).toContain("April 2024 has 30 days");
    expect(r.rows.map((x) => x.date)).toEqual(["2024-03-01"]);
  });

  it("impossible UK date 31/04/2024 is an error, not 1 May", async () => {
    const r = await readFixture("impossible-date-uk.csv");
    expect(brief(r.diagnostics)).toEqual([
      "error data.impossible_date impossible-date-uk.csv:3:12",
    ]);
    expect(r.rows.map((x) => x.date)).toEqual(["2024-03-01"]);
  });

  it("ragged rows: csv.ragged_row with the column where the row goes wrong", async () => {
    const r = await readFixture("ragged-row.csv");
    expect(brief(r.diagnostics)).toEqual([
      "error csv.ragged_row ragged-row.csv:3:33",
      "error csv.ragged_row ragged-row.csv:4:28",
    ]);
    expect(r.rows).toHaveLength(1);
  });

  it("unclosed quote: csv.syntax at the opening quote's line and column", async () => {
    const r = await readFixture("unclosed-quote.csv");
    expect(brief(r.diagnostics)).toEqual(["error csv.syntax unclosed-quote.csv:3:33"]);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
  });

  it("unclosed quote is found across chunk boundaries too", async () => {
    const text =
      'measure,date,value,note\nm,2024-01-01,1,ok\nm,2024-02-01,2,"never closed\nm,2024-03-01,3,\n';
    for (const chunk of [1, 5, 64]) {
      const r = await readBytes("q.csv", text, {}, chunk);
      expect(brief(r.diagnostics)).toEqual(["error csv.syntax q.csv:3:16"]);
    }
  });

  it("empty file: file.empty", async () => {
    const r = await readFixture("empty.csv");
    expect(brief(r.diagnostics)).toEqual(["error file.empty empty.csv:1:1"]);
    expect(r.rows).toEqual([]);
  });

  it("header only: csv.header_only", async () => {
    const r = await readFixture("header-only.csv");
    expect(brief(r.diagnostics)).toEqual(["error csv.header_only header-only.csv:1:1"]);
  });

  it("missing column: csv.missing_column at line 1, nothing read", async () => {
    const r = await readBytes("m.csv", "measure,value\nm,1\n");
    expect(brief(r.diagnostics)).toEqual(["error csv.missing_column m.csv:1:1"]);
    expect(r.diagnostics[0]!.message).toContain("date");
    expect(r.rows).toEqual([]);
  });

  it("a one-measure file may leave out the measure column when the caller names it", async () => {
    const r = await readBytes("one.csv", "date,value\n2024-01-01,3\n", { defaultMeasure: "m" });
    expect(r.diagnostics).toEqual([]);
    expect(r.rows[0]).toMatchObject({ measure: "m", date: "2024-01-01", value: 3 });
  });

  it("non-finite numbers are data.non_finite errors", async () => {
    const r = await readFixture("non-finite.csv");
    expect(brief(r.diagnostics)).toEqual([
      "error data.non_finite non-finite.csv:2:14",
      "error data.non_finite non-finite.csv:3:14",
      "error data.non_finite non-finite.csv:4:14",
    ]);
  });

  it("one date format per column: a different format is data.bad_date naming the expected one", async () => {
    const r = await readFixture("date-format-mismatch.csv");
    expect(brief(r.diagnostics)).toEqual([
      "error data.bad_date date-format-mismatch.csv:3:3",
      "error data.bad_date date-format-mismatch.csv:4:3",
    ]);
    expect(r.diagnostics[0]!.message).toContain("YYYY-MM-DD (from line 2)");
    expect(r.diagnostics[1]!.hint).toContain("Excel serial");
  });

  it("too many rows: data.too_many_rows and reading stops", async () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `m,2024-01-${String((i % 28) + 1).padStart(2, "0")},${i}`,
    );
    const r = await readBytes("big.csv", `measure,date,value\n${rows.join("\n")}\n`, {
      maxRows: 10,
    });
    expect(brief(r.diagnostics)).toEqual(["error data.too_many_rows big.csv:12:1"]);
    expect(r.rows).toHaveLength(10);
  });

  it("too large: file.too_large before reading", async () => {
    const r = await readBytes("l.csv", "measure,date,value\nm,2024-01-01,1\n", {
      maxFileBytes: 10,
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["file.too_large"]);
  });

  it("a missing file is file.not_found; binary data is file.binary", async () => {
    const { readDataFile } = await import("../../src/load/data.js");
    const { memIo, defaults } = await import("./helpers.js");
    const nf = await readDataFile("nope.csv", "nope.csv", memIo({}), defaults);
    expect(nf.diagnostics.map((d) => d.code)).toEqual(["file.not_found"]);
    const bin = await readBytes("x.csv", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0x41]));
    expect(brief(bin.diagnostics)).toEqual(["error file.binary x.csv:1:1"]);
  });
});

describe("CSV accepted variants", () => {
  const plain = "spotlight,measure,date,value\nfalls,falls-rate,2024-01-01,8.4\n";

  it("UTF-8 with BOM", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(plain)]);
    const r = await readBytes("bom.csv", bytes);
    expect(r.diagnostics).toEqual([]);
    expect(r.rows[0]).toMatchObject({ spotlight: "falls", measure: "falls-rate", value: 8.4 });
  });

  const utf16 = (text: string, le: boolean, bom = true): Uint8Array => {
    const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
    }
    return new Uint8Array(out);
  };
  const withNote = "measure,date,value,note\nfalls-rate,2024-01-01,8.4,café – £5\n";

  it.each([
    ["UTF-16LE", true, true],
    ["UTF-16BE", false, true],
    ["UTF-16LE without BOM", true, false],
  ])("%s", async (_name, le, bom) => {
    for (const chunk of [3, 1024]) {
      const r = await readBytes("u16.csv", utf16(withNote, le, bom), {}, chunk);
      expect(r.diagnostics).toEqual([]);
      expect(r.rows[0]).toMatchObject({ measure: "falls-rate", value: 8.4, note: "café – £5" });
    }
  });

  it("Windows-1252 with £ and – is read, with a data.encoding warning", async () => {
    // "£1,200" in 1252: 0xA3; the en dash is 0x96.
    const head = new TextEncoder().encode('measure,date,value,note\ncost,2024-01-01,"');
    const tail = new TextEncoder().encode('1,200",Q1 ');
    const bytes = new Uint8Array([...head, 0xa3, ...tail, 0x96, 0x20, 0x6f, 0x6b, 0x0a]);
    const r = await readBytes("cp1252.csv", bytes, {}, 4096);
    expect(brief(r.diagnostics)).toEqual(["warning data.encoding cp1252.csv:1:1"]);
    expect(r.diagnostics[0]!.message).toContain("byte 0xA3 on line 2");
    expect(r.rows[0]).toMatchObject({ measure: "cost", value: 1200, note: "Q1 – ok" });
  });

  it("Windows-1252 found only after the first chunk: the file is read again", async () => {
    const good = Array.from(
      { length: 40 },
      (_, i) => `m,2024-01-${String((i % 28) + 1).padStart(2, "0")},${i},ok`,
    );
    const text = new TextEncoder().encode(
      `measure,date,value,note\n${good.join("\n")}\nm,2024-02-01,1,`,
    );
    const bytes = new Uint8Array([...text, 0x96, 0x0a]);
    const r = await readBytes("late.csv", bytes, {}, 64);
    expect(brief(r.diagnostics)).toEqual(["warning data.encoding late.csv:1:1"]);
    expect(r.rows).toHaveLength(41);
    expect(r.rows[40]!.note).toBe("–");
  });

  it("multi-byte UTF-8 split across chunks is not mistaken for Windows-1252", async () => {
    const r = await readBytes(
      "split.csv",
      "measure,date,value,note\nm,2024-01-01,1,café – ok 😀\n",
      {},
      1,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.rows[0]!.note).toBe("café – ok 😀");
  });

  it("CRLF line ends", async () => {
    const r = await readFixture("crlf.csv");
    expect(r.diagnostics).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.value])).toEqual([
      [2, 8.4],
      [3, 7.5],
    ]);
  });

  it("; delimiter with decimal commas and capitalised headers", async () => {
    const r = await readFixture("semicolon-decimal-comma.csv");
    expect(r.diagnostics).toEqual([]);
    expect(r.rows.map((x) => [x.date, x.value])).toEqual([
      ["2024-01-01", 8.4],
      ["2024-02-01", 1234.5],
      ["2024-03-01", 12],
    ]);
  });

  it("tab-delimited", async () => {
    const r = await readFixture("tab-delimited.tsv");
    expect(r.diagnostics).toEqual([]);
    expect(r.rows.map((x) => x.value)).toEqual([8.4, 7.5]);
  });

  it("UK dates are day first by default; mdy reads them month first", async () => {
    const r = await readFixture("uk-dates.csv");
    expect(r.diagnostics).toEqual([]);
    expect(r.rows.map((x) => x.date)).toEqual(["2024-02-01", "2024-02-13", "2024-02-29"]);
    const us = await readFixture("uk-dates.csv", { dateFormat: "mdy" });
    expect(brief(us.diagnostics)).toEqual([
      "error data.impossible_date uk-dates.csv:3:12",
      "error data.impossible_date uk-dates.csv:4:12",
    ]);
    expect(us.rows.map((x) => x.date)).toEqual(["2024-01-02"]);
  });

  it("month names: Jan 2024, February 2024, Mar-24", async () => {
    const r = await readFixture("month-names.csv");
    expect(r.diagnostics).toEqual([]);
    expect(r.rows.map((x) => x.date)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
  });

  it("columns: renames headers (ours → theirs); other columns are reported as info", async () => {
    const r = await readFixture("columns-rename.csv", {
      columns: { measure: "Metric Name", value: "Rate" },
    });
    expect(brief(r.diagnostics)).toEqual(["info csv.unknown_column columns-rename.csv:1:24"]);
    expect(r.rows.map((x) => [x.measure, x.date, x.value])).toEqual([
      ["falls-rate", "2024-01-01", 8.4],
      ["falls-rate", "2024-02-01", 7.5],
    ]);
    const without = await readFixture("columns-rename.csv");
    expect(without.diagnostics.map((d) => d.code)).toContain("csv.missing_column");
  });

  it("a misspelt column is a warning with a suggestion", async () => {
    const r = await readBytes("t.csv", "measure,date,value,notes,denominatr\nm,2024-01-01,1,,\n");
    expect(brief(r.diagnostics)).toEqual(["warning csv.unknown_column t.csv:1:26"]);
    expect(r.diagnostics[0]!.hint).toBe('Did you mean "denominator"?');
  });

  it("percent, currency, spaced thousands; NA, n/a, - and empty are missing; Excel errors warn", async () => {
    const r = await readFixture("percent-currency.csv");
    expect(brief(r.diagnostics)).toEqual(["warning data.excel_error percent-currency.csv:10:16"]);
    expect(r.rows.map((x) => x.value)).toEqual([
      85,
      1200,
      950.5,
      1234,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("value from numerator / denominator; blank and Total rows are skipped (Total with a warning)", async () => {
    const r = await readFixture("numerator-denominator.csv");
    expect(brief(r.diagnostics)).toEqual(["warning data.total_row numerator-denominator.csv:6:1"]);
    expect(r.rows.map((x) => [x.value, x.numerator, x.denominator, x.note ?? ""])).toEqual([
      [0.075, 3, 40, ""],
      [0.5, 2, 4, "PDSA 1"],
      [0.9, 2, 4, ""],
    ]);
  });

  it("quoted fields with embedded line breaks keep later line numbers right", async () => {
    const text = 'measure,date,value,note\nm,2024-01-01,1,"two\nlines"\nm,2024-02-01,x,\n';
    const r = await readBytes("nl.csv", text);
    expect(brief(r.diagnostics)).toEqual(["error data.bad_number nl.csv:4:14"]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 4]);
  });

  it("keeps the file's display name and 1-based lines on every row", async () => {
    const r = await readFixture("crlf.csv");
    for (const row of r.rows) expect(row.file).toBe("crlf.csv");
  });
});

describe("CSV details", () => {
  it("a syntax error on the header line of a BOM file is placed without counting the BOM", async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('measure,da"te,value\nm,2024-01-01,1\n'),
    ]);
    const r = await readBytes("b.csv", bytes, {}, 1024);
    expect(brief(r.diagnostics)).toEqual(["error csv.syntax b.csv:1:11"]);
  });

  it("trailing empty columns and rows of delimiters (Excel) are ignored silently", async () => {
    const r = await readBytes(
      "x.csv",
      "measure,date,value,,\nm,2024-01-01,1,,\nm,2024-02-01,2\n,,,,\n\n",
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.rows.map((x) => x.value)).toEqual([1, 2]);
  });

  it("a row with no measure is named in a warning; a row with no date is an error", async () => {
    const r = await readBytes("x.csv", "measure,date,value\n,2024-01-01,1\nm,,2\n,,3\n");
    expect(brief(r.diagnostics)).toEqual([
      "warning data.missing_measure x.csv:2:1",
      "error data.missing_date x.csv:3:3",
      "warning data.total_row x.csv:4:1",
    ]);
    expect(r.rows).toEqual([]);
  });

  it("a denominator of 0 or a lone numerator gives a missing point with a warning", async () => {
    const r = await readBytes(
      "x.csv",
      "measure,date,numerator,denominator\nm,2024-01-01,3,0\nm,2024-02-01,3,\n",
    );
    expect(brief(r.diagnostics)).toEqual([
      "warning data.no_value x.csv:2:16",
      "warning data.no_value x.csv:3:16",
    ]);
    expect(r.rows.map((x) => x.value)).toEqual([null, null]);
  });

  it("header aliases: Project ID, Metric, Period Start, Num, Den, Comment, Value (%)", async () => {
    const r = await readBytes(
      "x.csv",
      "Project ID|Metric|Period Start|Num.|Den|Comment|Value (%)\nfalls|rate|2024-01-01|1|4|go live|\n",
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      spotlight: "falls",
      measure: "rate",
      value: 0.25,
      note: "go live",
    });
  });
});

describe("CSV positions with quotes and line ends", () => {
  it("a file that quotes every text field (R, SQL exports) gets exact columns", async () => {
    const line2 = '"falls","falls-rate","2024-02-01",12..5,"a, b"';
    const text = `"spotlight","measure","date","value","note","colour"\n"falls","falls-rate","2024-01-01",1,"x",\n${line2},\n`;
    for (const chunk of [3, 4096]) {
      const r = await readBytes("r.csv", text, {}, chunk);
      expect(brief(r.diagnostics)).toEqual([
        "info csv.unknown_column r.csv:1:45",
        `error data.bad_number r.csv:3:${line2.indexOf("12..5") + 1}`,
      ]);
    }
  });

  it("a quoted field spanning lines: the cell after it is placed on its own line", async () => {
    const text = 'measure,note,value\nm,"line one\nline two",bad\n';
    const r = await readBytes("n.csv", text, {}, 5);
    expect(brief(r.diagnostics)).toContain("error csv.missing_column n.csv:1:1");
    const t2 = 'measure,date,note,value\nm,2024-01-01,"one\r\ntwo, three",bad\n';
    const r2 = await readBytes("n.csv", t2, {}, 5);
    expect(brief(r2.diagnostics)).toEqual(["error data.bad_number n.csv:3:13"]);
  });

  it("old Mac (CR) and mixed line ends count lines like an editor", async () => {
    const r = await readBytes(
      "cr.csv",
      "measure,date,value\rm,2024-01-01,1\r\nm,2024-02-01,x\nm,2024-03-01,3\r",
      {},
      4,
    );
    expect(brief(r.diagnostics)).toEqual(["error data.bad_number cr.csv:3:14"]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 3, 4]);
  });
});

describe("many bad rows", () => {
  it("lists at most 100 diagnostics per code and summarises the rest", async () => {
    const bad = Array.from({ length: 250 }, (_, i) => `m,2024-01-01,bad${i}`);
    const r = await readBytes("bad.csv", `measure,date,value\n${bad.join("\n")}\n`, {}, 4096);
    const numbers = r.diagnostics.filter((d) => d.code === "data.bad_number");
    expect(numbers).toHaveLength(101);
    expect(numbers[100]!.message).toContain("150 more rows");
    expect(brief([numbers[100]!])).toEqual(["error data.bad_number bad.csv:102:14"]);
    expect(r.rows).toHaveLength(250);
  });
});
