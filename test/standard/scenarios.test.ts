// Scenario tests for the section standard: each check fires on a minimal bad fixture at the
// right code, file, line and column, and the good fixture gives no standard diagnostics.
import { describe, expect, it } from "vitest";
import type { PackAnalyses } from "../../src/analysis/analyse-pack.js";
import { check } from "../../src/check/check.js";
import { sortDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { analysesOf, loadFixture } from "./helpers.js";

/** The sorted diagnostics of one fixture, only those whose code starts with `prefix`. */
async function run(
  file: string,
  prefix: string,
  analyses: PackAnalyses = new Map(),
  opts: { config?: string } = {},
) {
  const list = check(await loadFixture(file, opts), analyses);
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
  it("gives no standard diagnostics", async () => {
    const improving = analysesOf("falls-ward7", {
      "falls-rate": { variation: "improvement_low", assurance: "pass" },
    });
    expect(await run("good/spotlight.yaml", "", improving)).toEqual([]);
  });
});

describe("standard.word_limit", () => {
  it("fires on a problem over 120 words, at the problem's value", async () => {
    const list = await run("word-limits/spotlight.yaml", "standard.word_limit");
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
  it("fires at the exact column of each phrase, plain and block scalars, whole words only", async () => {
    const list = await run("language/spotlight.yaml", "standard.language");
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
  it("fires on solution wording in the title, at the first word", async () => {
    const list = await run("framing/spotlight.yaml", "standard.problem_framing");
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
  it("fire on level informed and on staff with no description or groups", async () => {
    const list = await run("involvement/spotlight.yaml", "standard.");
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

describe("standard.required", () => {
  it("fires on a required field that is missing, at the spotlight", async () => {
    const list = await run("good/spotlight.yaml", "standard.", new Map(), {
      config: "required/config.yaml",
    });
    expect(list.map(at)).toEqual([
      {
        code: "standard.required",
        file: "good/spotlight.yaml",
        line: 1,
        column: 1,
        severity: "warning",
      },
    ]);
    expect(list[0]!.message).toBe("waste is missing; the trust's standard requires it");
  });
  it("is silent when every required field is there", async () => {
    expect(
      await run("good/spotlight.yaml", "", new Map(), { config: "required/good-config.yaml" }),
    ).toEqual([]);
  });
});

describe("standard.allowed_value", () => {
  it("fires on values not on the trust's lists, on spotlights and the paper, with did you mean", async () => {
    const list = await run("allowed/pack.yaml", "standard.allowed", new Map(), {
      config: "allowed/config.yaml",
    });
    expect(list.map(at)).toEqual([
      {
        code: "standard.allowed_value",
        file: "allowed/pack.yaml",
        line: 12,
        column: 26,
        severity: "warning",
      },
      {
        code: "standard.allowed_value",
        file: "allowed/pack.yaml",
        line: 12,
        column: 37,
        severity: "warning",
      },
      {
        code: "standard.allowed_value",
        file: "allowed/spotlight.yaml",
        line: 9,
        column: 20,
        severity: "warning",
      },
      {
        code: "standard.allowed_value",
        file: "allowed/spotlight.yaml",
        line: 10,
        column: 13,
        severity: "warning",
      },
    ]);
    expect(list.map((d) => d.hint)).toEqual([
      `Did you mean "Safe care"?`,
      `Use one of "Safe care", "Kind care" and "Best use of resources".`,
      `Did you mean "Compassion"?`,
      `Use one of "SR1", "SR2" and "SR3".`,
    ]);
    expect(list[0]!.path).toEqual(["paper", "strategic_objectives", 0]);
    expect(list[2]!.message).toBe(`"compasion" is not one of the trust's trust values`);
  });
  it("is silent when the values are on the lists", async () => {
    expect(
      await run("good/spotlight.yaml", "", new Map(), { config: "allowed/config.yaml" }),
    ).toEqual([]);
  });
});

describe("standard.celebrate", () => {
  it("fires on an improving measure when there are no successes, at the measure", async () => {
    const improving = analysesOf("falls-ward7", { "falls-rate": { variation: "improvement_low" } });
    const list = await run("celebrate/spotlight.yaml", "standard.", improving);
    expect(list.map(at)).toEqual([
      {
        code: "standard.celebrate",
        file: "celebrate/spotlight.yaml",
        line: 21,
        column: 5,
        severity: "warning",
      },
    ]);
    expect(list[0]!.message).toBe(
      `measure "falls-rate" shows special cause improvement, but the spotlight lists no successes`,
    );
  });
  it("fires on a consistent pass too, and is silent on common cause with no pass", async () => {
    const passing = analysesOf("falls-ward7", { "falls-rate": { assurance: "pass" } });
    expect(
      (await run("celebrate/spotlight.yaml", "standard.", passing)).map((d) => d.code),
    ).toEqual(["standard.celebrate"]);
    const flat = analysesOf("falls-ward7", { "falls-rate": { assurance: "inconsistent" } });
    expect(await run("celebrate/spotlight.yaml", "standard.", flat)).toEqual([]);
  });
});

describe("standard.acronym", () => {
  it("fires on the first use of an acronym spelled out only later; silent on spelled-out and glossary ones", async () => {
    const list = await run("acronyms/spotlight.yaml", "standard.");
    expect(list.map(at)).toEqual([
      {
        code: "standard.acronym",
        file: "acronyms/spotlight.yaml",
        line: 12,
        column: 76,
        severity: "warning",
      },
    ]);
    expect(list[0]!.message).toBe(`"SDEC" is not spelled out on first use`);
    expect(list[0]!.hint).toBe(
      "It is spelled out later (acronyms/spotlight.yaml:30); spell it out here instead, on first use.",
    );
  });
});

describe("standard.note_contents", () => {
  it("fires on a bare 'note the contents' recommendation and a note ask, not on one with a real ask", async () => {
    const list = await run("note-contents/pack.yaml", "standard.", new Map());
    expect(list.map(at)).toEqual([
      {
        code: "standard.note_contents",
        file: "note-contents/pack.yaml",
        line: 12,
        column: 7,
        severity: "warning",
      },
      {
        code: "standard.note_contents",
        file: "note-contents/spotlight.yaml",
        line: 41,
        column: 9,
        severity: "warning",
      },
    ]);
    expect(list[0]!.path).toEqual(["paper", "recommendations", 0]);
  });
});

describe("standard.long_sentence", () => {
  it("fires at the start of a sentence over 30 words", async () => {
    const list = await run("long-sentence/spotlight.yaml", "standard.");
    expect(list.map(at)).toEqual([
      {
        code: "standard.long_sentence",
        file: "long-sentence/spotlight.yaml",
        line: 30,
        column: 63,
        severity: "warning",
      },
    ]);
    expect(list[0]!.message).toBe("a sentence in results has 43 words; the trust's maximum is 30");
  });
});

describe("data checks", () => {
  it("fire on trial limits (info), a rebase with no reason and a target on a neutral measure", async () => {
    const trial = analysesOf("falls-ward7", { "falls-rate": { trial: 4 } });
    const list = await run("data/spotlight.yaml", "standard.", trial);
    expect(list.map(at)).toEqual([
      {
        code: "standard.min_points",
        file: "data/spotlight.yaml",
        line: 21,
        column: 5,
        severity: "info",
      },
      {
        code: "standard.rebase_reason",
        file: "data/spotlight.yaml",
        line: 29,
        column: 9,
        severity: "warning",
      },
      {
        code: "standard.target_neutral",
        file: "data/spotlight.yaml",
        line: 35,
        column: 13,
        severity: "warning",
      },
    ]);
    expect(list[0]!.message).toBe(
      `measure "falls-rate" has 4 points since its last rebase, fewer than min_points (13), so its limits are trial limits`,
    );
  });
});

describe("standard.checks levels and the standard's own settings", () => {
  it("switches checks off, changes severity, and reports unknown codes and fields in the config", async () => {
    const list = check(
      await loadFixture("levels/spotlight.yaml", { config: "levels/config.yaml" }),
      new Map(),
    );
    expect(sortDiagnostics(list).map(at)).toEqual([
      { code: "config.invalid", file: "levels/config.yaml", line: 5, column: 5, severity: "error" },
      {
        code: "config.invalid",
        file: "levels/config.yaml",
        line: 6,
        column: 31,
        severity: "error",
      },
      {
        code: "config.invalid",
        file: "levels/config.yaml",
        line: 7,
        column: 13,
        severity: "error",
      },
      {
        code: "standard.problem_framing",
        file: "levels/spotlight.yaml",
        line: 2,
        column: 8,
        severity: "error",
      },
      {
        code: "standard.word_limit",
        file: "levels/spotlight.yaml",
        line: 11,
        column: 10,
        severity: "warning",
      },
    ]);
    expect(
      sortDiagnostics(list)
        .map((d) => d.hint)
        .slice(0, 3),
    ).toEqual([
      `Did you mean "standard.language"?`,
      `Did you mean "background"?`,
      `Did you mean "values"?`,
    ]);
  });
});

describe("inline spotlights and config-extended settings", () => {
  it("positions inside a pack's inline spotlight; config adds, removes phrases and limits list fields", async () => {
    const list = await run("inline/pack.yaml", "standard.", new Map(), {
      config: "inline/config.yaml",
    });
    expect(list.map(at)).toEqual([
      {
        code: "standard.word_limit",
        file: "inline/pack.yaml",
        line: 10,
        column: 12,
        severity: "warning",
      },
      {
        code: "standard.language",
        file: "inline/pack.yaml",
        line: 43,
        column: 38,
        severity: "warning",
      },
      {
        code: "standard.word_limit",
        file: "inline/pack.yaml",
        line: 57,
        column: 19,
        severity: "warning",
      },
    ]);
    expect(list.map((d) => d.path)).toEqual([
      ["paper", "summary"],
      ["spotlights", 0, "results"],
      ["spotlights", 0, "next_steps", 0, "action"],
    ]);
    expect(list[1]!.hint).toBe(`Write "demand and capacity" instead of "cost pressures".`);
  });
});
