// Robustness of the text checks: pathological and random text never throws, spans stay inside
// the text and in order, and inputs built to make regular expressions backtrack (150,000
// characters, beyond the default max_string_length) finish inside a 10 s timeout: each takes
// well under a second, where a quadratic pattern (as `\S+@\S+` was) takes over 20 s.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/check/check.js";
import type { SourceDoc } from "../../src/load/types.js";
import { configSchema } from "../../src/schema/config-schema.js";
import { spotlightSchema } from "../../src/schema/spotlight-schema.js";
import { countWords, findPhrases, sentences, wordSpans } from "../../src/check/text.js";

const n = 150_000;
const pathological = [
  "A".repeat(n) + "b",
  "*".repeat(n) + "x",
  "[".repeat(n),
  "![".repeat(n / 2),
  "](".repeat(n / 2),
  "x".repeat(n) + "@",
  "(".repeat(n) + "AB",
  "AB (".repeat(n / 4),
  "(AB) ".repeat(n / 5),
  "!'".repeat(n / 2) + "x",
  "cost ".repeat(n / 5),
  "`".repeat(n),
];

const noPlace: SourceDoc = {
  file: "s.yaml",
  locate: () => ({ line: 1, column: 1 }),
  locateKey: () => ({ line: 1, column: 1 }),
  locateInString: (_p, i) => ({ line: 1, column: i + 1 }),
};

function spotlightWith(text: string) {
  return spotlightSchema.parse({
    id: "s",
    title: "t",
    executive_sponsor: { name: "a", role: "b" },
    project_lead: { name: "a", role: "b" },
    service: "s",
    phase: "testing",
    report_period: { start: "2026-01-01", end: "2026-02-01" },
    problem: text,
    aim: { statement: "a", measure: "m", baseline: 1, target: 2, by: "2026-12-01" },
    measures: [{ id: "m", name: "m", type: "outcome", unit: "u", improvement: "increase" }],
    involvement: { patients: { level: "engaged" }, staff: { groups: ["g"] } },
    ask: { type: "support", text: "a" },
    next_steps: [{ action: "a", owner: "o", due: "2026-12-01" }],
  });
}

describe("pathological text", () => {
  it.each(pathological.map((t) => [t.slice(0, 12), t]))(
    "%j… runs every check",
    (_, text) => {
      const pack = {
        file: "s.yaml",
        dir: ".",
        spotlights: [{ spotlight: spotlightWith(text), source: noPlace, basePath: [] }],
        data: new Map(),
        inputs: [],
        config: configSchema.parse({}),
      };
      expect(Array.isArray(check(pack, new Map()))).toBe(true);
    },
    10_000,
  );
});

describe("random text", () => {
  it("word spans and sentences are in order, inside the text, and agree", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 200 }), (text) => {
        const spans = wordSpans(text);
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(s.start, s.end)).not.toMatch(/\s/);
          last = s.end;
        }
        const total = sentences(text).reduce((sum, s) => sum + s.words, 0);
        expect(total).toBe(countWords(text));
      }),
    );
  });

  it("phrase matches are real, whole-word and case-insensitive", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("cost", "CIP", "improvement", "principle", " ", "\n", "x"), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.join("");
          for (const m of findPhrases(text, ["cost improvement", "CIP"])) {
            expect(text.slice(m.start, m.end).toLowerCase().replace(/\s+/g, " ")).toBe(
              m.phrase.toLowerCase(),
            );
            expect(/[A-Za-z0-9]/.test(text[m.start - 1] ?? " ")).toBe(false);
            expect(/[A-Za-z0-9]/.test(text[m.end] ?? " ")).toBe(false);
          }
        },
      ),
    );
  });
});
