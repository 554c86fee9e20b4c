// Unit tests for the plain-English helpers: acronyms spelled out either way round, and what
// counts as a bare "note the contents" recommendation.
import { describe, expect, it } from "vitest";
import { initialsMatch, spelledOut } from "../../src/check/acronyms.js";
import { isBareNote } from "../../src/check/plain-english.js";

function spelled(text: string, acronym: string): boolean {
  const start = text.indexOf(acronym);
  return spelledOut(text, start, start + acronym.length, acronym);
}

describe("spelledOut", () => {
  it.each([
    ["Patients seen in Same Day Emergency Care (SDEC) went home.", "SDEC", true],
    ["the same day emergency care (SDEC) unit", "SDEC", true],
    ["Accident and Emergency (A&E)", "A&E", true],
    ["using Plan-Do-Study-Act (PDSA) cycles", "PDSA", true],
    ["the National Early Warning Score 2 (NEWS2)", "NEWS2", true],
    ["SDEC (Same Day Emergency Care, opened 2025) grew", "SDEC", true],
    ["DOLS (Deprivation of Liberty Safeguards) reviews", "DOLS", true],
    ["Patients seen in SDEC went home.", "SDEC", false],
    ["Same Day Care (SDEC)", "SDEC", false],
    ["SDEC (see page 4)", "SDEC", false],
  ])("%j → %s is %s", (text, acronym, expected) => {
    expect(spelled(text, acronym)).toBe(expected);
  });

  it("initialsMatch skips stop words but needs every letter", () => {
    expect(initialsMatch(["I", "C", "U"], ["Intensive", "Care", "Unit"])).toBe(true);
    expect(initialsMatch(["B", "O", "T"], ["Bank", "of", "Thanks"])).toBe(true);
    expect(initialsMatch(["I", "C", "U"], ["Intensive", "Care"])).toBe(false);
  });
});

describe("isBareNote", () => {
  it.each([
    ["The Board is asked to note the contents of this report.", true],
    ["The Trust Board is invited to receive and note the report", true],
    ["Note this report.", true],
    ["For noting", true],
    ["  note the contents  ", true],
    ["The Board is asked to note the contents and approve the business case.", false],
    ["The Board is asked to note the rise in falls and support the bid.", false],
    ["Support spreading bay nursing to Ward 8.", false],
  ])("%j → %s", (text, expected) => {
    expect(isBareNote(text)).toBe(expected);
  });
});
