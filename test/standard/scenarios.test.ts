// Scenario tests for the section standard: each check fires on a minimal bad fixture at the
// right code, file, line and column, and the good fixture gives no standard diagnostics.
import { describe, expect, it } from "vitest";
import type { PackAnalyses } from "../../src/analysis/analyse-pack.js";
import { check } from "../../src/check/check.js";
import { sortDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { analysesOf, packOf } from "./helpers.js";

/** The sorted diagnostics of one spotlight fixture, only those whose code starts with `prefix`. */
function run(
  file: string,
  prefix: string,
  analyses: PackAnalyses = new Map(),
  extra: { config?: string; paper?: string } = {},
) {
  const list = check(packOf({ spotlights: [file], ...extra }), analyses);
  return sortDiagnostics(list.filter((d) => d.code.startsWith(prefix)));
}

const at = (d: Diagnostic) => ({
  code: d.code,
  file: d.file,
  line: d.line,
  column: d.column,
  severity: d.severity,
});

describe("good spotlight", () => {
  it("gives no standard diagnostics", () => {
    const improving = analysesOf("falls-ward7", {
      "falls-rate": { variation: "improvement_low", assurance: "pass" },
    });
    expect(run("good/spotlight.yaml", "", improving)).toEqual([]);
  });
});

describe("standard.word_limit", () => {
  it("fires on a problem over 120 words, at the problem's value", () => {
    const list = run("word-limits/spotlight.yaml", "standard.word_limit");
    expect(list.map(at)).toEqual([
      {
        code: "standard.word_limit",
        file: "word-limits/spotlight.yaml",
        line: 11,
        column: 10,
        severity: "warning",
      },
    ]);
    expect(list[0]!.message).toBe("problem has 143 words; the trust's limit is 120");
    expect(list[0]!.path).toEqual(["problem"]);
  });
});

describe("standard.language", () => {
  it("fires at the exact column of each phrase, plain and block scalars, whole words only", () => {
    const list = run("language/spotlight.yaml", "standard.language");
    expect(list.map(at)).toEqual([
      {
        code: "standard.language",
        file: "language/spotlight.yaml",
        line: 29,
        column: 39,
        severity: "warning",
      },
      {
        code: "standard.language",
        file: "language/spotlight.yaml",
        line: 33,
        column: 11,
        severity: "warning",
      },
    ]);
    expect(list[0]!.message).toBe(
      `"Cost Efficiencies": the trust's language guide says "waste reduction"`,
    );
    expect(list[0]!.hint).toBe(`Write "waste reduction" instead of "Cost Efficiencies".`);
    expect(list[1]!.actual).toBe("CIP");
  });
});

describe("standard.problem_framing", () => {
  it("fires on solution wording in the title, at the first word", () => {
    const list = run("framing/spotlight.yaml", "standard.problem_framing");
    expect(list.map(at)).toEqual([
      {
        code: "standard.problem_framing",
        file: "framing/spotlight.yaml",
        line: 2,
        column: 8,
        severity: "warning",
      },
    ]);
    expect(list[0]!.message).toBe(
      `the title uses solution wording: "Implementing" and "new system"`,
    );
  });
});

describe("standard.patient_involvement and standard.staff_involvement", () => {
  it("fire on level informed and on staff with no description or groups", () => {
    const list = run("involvement/spotlight.yaml", "standard.");
    expect(list.map(at)).toEqual([
      {
        code: "standard.patient_involvement",
        file: "involvement/spotlight.yaml",
        line: 32,
        column: 12,
        severity: "warning",
      },
      {
        code: "standard.staff_involvement",
        file: "involvement/spotlight.yaml",
        line: 34,
        column: 5,
        severity: "warning",
      },
    ]);
  });
});
