// Unit tests for the text helpers: Word-style word counts, sentences, whole phrases, "did you mean".
import { describe, expect, it } from "vitest";
import { closest, countWords, editDistance, findPhrases, sentences } from "../../src/check/text.js";

describe("countWords counts the way Word does", () => {
  it.each([
    ["", 0],
    ["one", 1],
    ["  spaced\n\tout  words ", 3],
    ["a well-known A&E problem", 4],
    ["7.9 falls per 1,000 bed days, £1,200", 7],
    ["before – after", 3],
    ["**bold** and _italic_ and `code`", 5],
    ["** lone markup ** |", 2],
    ["- first item\n- second item\n1. third", 5],
    ["## Heading here\n> quoted text", 4],
    ["see [the guide](https://example.org/a b) now", 4],
    ["![a chart](chart.png) only", 1],
    ["snake_case stays one", 3],
  ])("%j → %i", (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe("sentences", () => {
  it("splits on full stops, keeps abbreviations and decimals, breaks at list items", () => {
    const text = "Falls fell to 7.9, e.g. on Ward 7. Staff agreed!\n- a list item\n- another";
    expect(sentences(text).map((s) => [text.slice(s.start, s.end), s.words])).toEqual([
      ["Falls fell to 7.9, e.g. on Ward 7.", 8],
      ["Staff agreed!", 2],
      ["a list item", 3],
      ["another", 1],
    ]);
  });
});

describe("findPhrases", () => {
  it("matches whole phrases, case-insensitive, across line breaks, longest first", () => {
    const text = "The CIP principle; cost\nimprovement programme and CIPs.";
    const found = findPhrases(text, ["CIP", "cost improvement", "cost improvement programme"]);
    expect(found.map((m) => [m.phrase, m.start, text.slice(m.start, m.end)])).toEqual([
      ["CIP", 4, "CIP"],
      ["cost improvement programme", 19, "cost\nimprovement programme"],
    ]);
  });
});

describe("closest", () => {
  it("suggests the nearest value case-insensitively, and nothing when far", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(closest("safe  care", ["Safe care", "Kind care"])).toBe("Safe care");
    expect(closest("SR3", ["SR2", "SR10"])).toBe("SR2");
    expect(closest("Something else entirely", ["Safe care"])).toBeUndefined();
  });
});
