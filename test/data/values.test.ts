// The cell parsers: numbers (separators, percent, currency, decimal commas, missing markers,
// Excel errors, non-finite) and dates (formats, one format per column, impossible dates).
import { describe, expect, it } from "vitest";
import { dateColumn, isProblem, parseDate, parseNumber } from "../../src/load/values.js";

const code = (v: unknown): string | undefined => (isProblem(v) ? v.code : undefined);

describe("parseNumber", () => {
  it.each([
    ["12.5", 12.5],
    ["-3", -3],
    ["-0", 0],
    ["0012", 12],
    [".5", 0.5],
    ["1,234", 1234],
    ["1,234,567.25", 1234567.25],
    ["12%", 12],
    ["12.5 %", 12.5],
    ["£1,200", 1200],
    ["-£12.50", -12.5],
    ["£-12.50", -12.5],
    ["$3", 3],
    ["€4", 4],
    [" 1 234 ", 1234],
    ["1\u00a0234", 1234],
    ["1e3", 1000],
    ["2.5E-2", 0.025],
    ["+7", 7],
    ["\u22127", -7],
  ])("%j → %d", (text, expected) => {
    const v = parseNumber(text, false);
    expect(v).toBe(expected);
    expect(Object.is(v, -0)).toBe(false);
  });

  it.each(["", "  ", "NA", "N/A", "n/a", "na", "-", "null", "NULL"])("%j is missing", (text) => {
    expect(parseNumber(text, false)).toBeNull();
  });

  it.each(["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#n/a"])(
    "%j is an Excel error, read as missing with a warning",
    (text) => {
      const v = parseNumber(text, false);
      expect(code(v)).toBe("data.excel_error");
      expect(isProblem(v) && v.severity).toBe("warning");
    },
  );

  it.each(["NaN", "Infinity", "-Infinity", "inf", "1e309", "-1e400"])(
    "%j is data.non_finite",
    (text) => {
      expect(code(parseNumber(text, false))).toBe("data.non_finite");
    },
  );

  it.each([
    "12..5",
    "abc",
    "1,23",
    "12,5",
    "1,2345",
    "12345,678",
    "1.2.3",
    "12-",
    "£",
    "%",
    "1e",
    "0x10",
    "(12)",
  ])("%j is data.bad_number", (text) => {
    expect(code(parseNumber(text, false))).toBe("data.bad_number");
  });

  it("decimal commas in ;-separated files", () => {
    expect(parseNumber("12,5", true)).toBe(12.5);
    expect(parseNumber("1.234,5", true)).toBe(1234.5);
    expect(parseNumber("1 234,5", true)).toBe(1234.5);
    expect(parseNumber("12.5", true)).toBe(12.5);
    expect(parseNumber("-0,0", true)).toBe(0);
    expect(code(parseNumber("1.23,5", true))).toBe("data.bad_number");
    expect(parseNumber("12,5%", true)).toBe(12.5);
  });
});

describe("parseDate", () => {
  const read = (text: string, order: "dmy" | "mdy" = "dmy") =>
    parseDate(text, dateColumn(order), 2);

  it.each([
    ["2024-01-31", "2024-01-31"],
    ["2024-1-5", "2024-01-05"],
    ["2024-02", "2024-02-01"],
    ["2024-01-01T00:00:00", "2024-01-01"],
    ["2024-01-01 00:00:00", "2024-01-01"],
    ["2024-01-01T00:00:00.000Z", "2024-01-01"],
    ["01/02/2024", "2024-02-01"],
    ["1/2/2024", "2024-02-01"],
    ["01/02/2024 00:00", "2024-02-01"],
    ["01-02-2024", "2024-02-01"],
    ["01.02.2024", "2024-02-01"],
    ["29/02/2024", "2024-02-29"],
    ["Jan 2024", "2024-01-01"],
    ["January 2024", "2024-01-01"],
    ["Jan-24", "2024-01-01"],
    ["sept 2024", "2024-09-01"],
    ["01-Jan-2024", "2024-01-01"],
    ["1 March 2024", "2024-03-01"],
    ["2024 Q2", "2024-04-01"],
    ["Q4 2023", "2023-10-01"],
  ])("%j → %s", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it("month first when the date format is mdy", () => {
    expect(read("01/02/2024", "mdy")).toBe("2024-01-02");
    expect(code(read("13/02/2024", "mdy"))).toBe("data.impossible_date");
  });

  it.each(["31/04/2024", "2024-02-30", "29/02/2023", "2024-13-01", "00/01/2024", "2024-00"])(
    "%j is data.impossible_date (nothing rolls over)",
    (text) => {
      expect(code(read(text))).toBe("data.impossible_date");
    },
  );

  it.each(["45292", "202401", "20240101", "1/2/24", "Jam 2024", "next month", "2024/01/01"])(
    "%j is data.bad_date",
    (text) => {
      expect(code(read(text))).toBe("data.bad_date");
    },
  );

  it("hints at an Excel serial number and at two-digit years", () => {
    const serial = read("45292");
    expect(isProblem(serial) && serial.hint).toContain("Excel serial");
    const short = read("1/2/24");
    expect(isProblem(short) && short.hint).toContain("year in full");
  });

  it("empty is null (a row with no date)", () => {
    expect(read("  ")).toBeNull();
  });

  it("the first value fixes the column's format; later values must match", () => {
    const col = dateColumn("dmy");
    expect(parseDate("01/02/2024", col, 2)).toBe("2024-02-01");
    expect(col.kind).toBe("DD/MM/YYYY");
    const other = parseDate("2024-03-01", col, 3);
    expect(code(other)).toBe("data.bad_date");
    expect(isProblem(other) && other.message).toContain("DD/MM/YYYY (from line 2)");
    expect(parseDate("Jan 2024", dateColumn("dmy"), 2)).toBe("2024-01-01");
    // An unreadable first value does not fix the format.
    const col2 = dateColumn("dmy");
    expect(code(parseDate("soon", col2, 2))).toBe("data.bad_date");
    expect(parseDate("2024-01-01", col2, 3)).toBe("2024-01-01");
    expect(col2.kind).toBe("YYYY-MM-DD");
  });
});

describe("buildRow", () => {
  it("a ratio too large to represent is data.non_finite, not Infinity", async () => {
    const { readBytes, brief } = await import("./helpers.js");
    const r = await readBytes(
      "x.csv",
      "measure,date,numerator,denominator\nm,2024-01-01,1e308,1e-5\n",
    );
    expect(brief(r.diagnostics)).toEqual(["error data.non_finite x.csv:2:20"]);
    expect(r.rows[0]!.value).toBeNull();
  });
});
