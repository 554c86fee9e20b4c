// One fixture per failure mode of loading: each asserts the code, file, line and column
// of the diagnostic a person would see.
import { describe, expect, it } from "vitest";
import { find, loadFixture } from "./helpers.js";

interface Case {
  fixture: string;
  code: string;
  file: string;
  line: number;
  column: number;
  message?: RegExp;
  hint?: RegExp;
}

const cases: Case[] = [
  {
    fixture: "wrong-type/spotlight.yaml",
    code: "schema.type",
    file: "wrong-type/spotlight.yaml",
    line: 15,
    column: 13,
    message: /`aim\.baseline` should be a number, not "eight"/,
  },
  {
    fixture: "unknown-key/spotlight.yaml",
    code: "schema.unknown_key",
    file: "unknown-key/spotlight.yaml",
    line: 2,
    column: 1,
    message: /unknown key `titel`/,
    hint: /Did you mean `title`\?/,
  },
  {
    fixture: "missing-required/spotlight.yaml",
    code: "schema.required",
    file: "missing-required/spotlight.yaml",
    line: 13,
    column: 3,
    message: /missing required field `aim\.target`/,
  },
  {
    fixture: "duplicate-key/spotlight.yaml",
    code: "yaml.duplicate_key",
    file: "duplicate-key/spotlight.yaml",
    line: 8,
    column: 1,
    message: /duplicate key `phase`/,
  },
  {
    fixture: "tab-indent/spotlight.yaml",
    code: "yaml.tab",
    file: "tab-indent/spotlight.yaml",
    line: 14,
    column: 1,
  },
  {
    fixture: "syntax-error/spotlight.yaml",
    code: "yaml.syntax",
    file: "syntax-error/spotlight.yaml",
    line: 2,
    column: 8,
  },
  {
    fixture: "unknown-enum/spotlight.yaml",
    code: "schema.enum",
    file: "unknown-enum/spotlight.yaml",
    line: 6,
    column: 8,
    message:
      /allowed values: scoping, diagnosing, testing, implementing, spreading, sustaining, closed/,
    hint: /Did you mean `testing`\?/,
  },
  {
    fixture: "aim-missing-measure/spotlight.yaml",
    code: "ref.measure_missing",
    file: "aim-missing-measure/spotlight.yaml",
    line: 14,
    column: 12,
    message: /`fall-rate`/,
    hint: /Did you mean `falls-rate`\?/,
  },
  {
    fixture: "bad-date/spotlight.yaml",
    code: "schema.date",
    file: "bad-date/spotlight.yaml",
    line: 17,
    column: 7,
    message: /this date does not exist/,
  },
  {
    fixture: "duplicate-id/pack.yaml",
    code: "schema.duplicate_id",
    file: "duplicate-id/spotlights/b.yaml",
    line: 1,
    column: 5,
    message: /`falls-ward7` is already used at duplicate-id\/spotlights\/a\.yaml:1:5/,
  },
  {
    fixture: "outside-pack/pack.yaml",
    code: "file.outside_pack",
    file: "outside-pack/pack.yaml",
    line: 17,
    column: 5,
    message: /good-pack\/spotlights\/falls\.yaml is outside the pack folder/,
  },
  {
    fixture: "alias-bomb/spotlight.yaml",
    code: "yaml.alias_limit",
    file: "alias-bomb/spotlight.yaml",
    line: 39,
    column: 11,
  },
  {
    fixture: "proto-key/spotlight.yaml",
    code: "schema.unknown_key",
    file: "proto-key/spotlight.yaml",
    line: 1,
    column: 1,
    message: /unknown key `__proto__`/,
  },
  {
    fixture: "inline-spotlight/pack.yaml",
    code: "schema.enum",
    file: "inline-spotlight/pack.yaml",
    line: 22,
    column: 12,
    message: /`spotlights\[0\]\.phase` is "testng"/,
  },
];

describe("loading reports each failure mode at file:line:column", () => {
  for (const c of cases) {
    it(`${c.fixture} → ${c.code}`, async () => {
      const { diagnostics } = await loadFixture(c.fixture);
      const d = find(diagnostics, c.code);
      expect({ file: d.file, line: d.line, column: d.column }).toEqual({
        file: c.file,
        line: c.line,
        column: c.column,
      });
      expect(d.severity).toBe("error");
      if (c.message) expect(d.message).toMatch(c.message);
      if (c.hint) expect(d.hint).toMatch(c.hint);
      expect(d.path === undefined || Array.isArray(d.path)).toBe(true);
    });
  }

  it("a __proto__ key does not pollute Object.prototype", async () => {
    await loadFixture("proto-key/spotlight.yaml");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("an alias bomb stops with one diagnostic instead of expanding", async () => {
    const { diagnostics } = await loadFixture("alias-bomb/spotlight.yaml");
    expect(diagnostics.map((d) => d.code)).toEqual(["yaml.alias_limit"]);
  });

  it("a pack entry that is neither a file name nor a spotlight gives one clear message", async () => {
    const { diagnostics } = await loadFixture("inline-spotlight/pack.yaml");
    const bad = diagnostics.filter((d) => d.line === 52);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ code: "schema.type", column: 5, path: ["spotlights", 1] });
    expect(bad[0]!.message).toBe(
      "`spotlights[1]` should be text or a mapping (key: value lines), not the number 42",
    );
    expect(find(diagnostics, "file.not_found")).toMatchObject({
      file: "inline-spotlight/pack.yaml",
      line: 53,
      column: 5,
      message: "`missing/*.yaml` matches no files",
    });
  });
});
