// parseYaml: positions of values and keys, positions inside strings for every scalar style,
// and the YAML problems (syntax, duplicate keys, tabs, aliases, depth, encodings).
import { describe, expect, it } from "vitest";
import { decodeYamlBytes, parseYaml } from "../../src/load/yaml.js";

/** The character at a 1-based line/column of the text. */
const charAt = (text: string, p: { line: number; column: number } | undefined) =>
  p ? text.split(/\r?\n/)[p.line - 1]![p.column - 1] : undefined;

describe("locate and locateKey", () => {
  const text = "a:\n  b: [x, {c: 1}]\n  d:\n  e: &v hello\nf: *v\n";
  const { source, value, diagnostics } = parseYaml(text, "t.yaml");
  it("parses to plain values", () => {
    expect(diagnostics).toEqual([]);
    expect(JSON.parse(JSON.stringify(value))).toEqual({
      a: { b: ["x", { c: 1 }], d: null, e: "hello" },
      f: "hello",
    });
  });
  it("finds values, keys and the nearest parent of a missing path", () => {
    expect(source.locate(["a", "b", 1, "c"])).toEqual({ line: 2, column: 14 });
    expect(source.locateKey(["a", "b", 1, "c"])).toEqual({ line: 2, column: 11 });
    expect(source.locate(["a", "d"])).toEqual({ line: 3, column: 3 }); // empty value → its key
    expect(source.locate(["a", "nope"])).toEqual({ line: 2, column: 3 }); // the mapping `a`
    expect(source.locate(["f"])).toEqual({ line: 4, column: 9 }); // through the alias to its anchor
    expect(source.locate([])).toEqual({ line: 1, column: 1 });
  });
});

describe("locateInString points at a character of every scalar style", () => {
  const styles: [string, string, string][] = [
    ["plain", "k: the cost efficiencies here\n", "cost efficiencies"],
    ["plain over lines", "k: first line\n  and the cost\n  efficiencies\n", "efficiencies"],
    ["double quoted", 'k: "say \\"cost\\" efficiencies"\n', "efficiencies"],
    ["double quoted over lines", 'k: "one\n  two\n\n  cost efficiencies"\n', "cost"],
    ["single quoted", "k: 'it''s cost efficiencies'\n", "cost"],
    ["literal block", "k: |\n  line one\n    indented cost\n  efficiencies\n", "cost"],
    ["folded block", "k: >-\n  one\n  two\n\n  the cost\n  efficiencies\n", "efficiencies"],
    ["CRLF literal", "k: |\r\n  one\r\n  cost efficiencies\r\n", "cost"],
  ];
  for (const [name, text, phrase] of styles) {
    it(name, () => {
      const { value, source } = parseYaml(text, "t.yaml");
      const s = (value as Record<string, string>).k!;
      const index = s.indexOf(phrase);
      expect(index).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < phrase.length; i++) {
        expect(charAt(text, source.locateInString(["k"], index + i))).toBe(phrase[i]);
      }
    });
  }
  it("exact positions in a folded block", () => {
    const text = "k: >\n  one\n  two cost\n";
    const { source } = parseYaml(text, "t.yaml");
    expect(source.locateInString(["k"], 4)).toEqual({ line: 3, column: 3 }); // "two"
    expect(source.locateInString(["k"], 8)).toEqual({ line: 3, column: 7 }); // "cost"
  });
  it("an escape points at its backslash; not a string gives undefined", () => {
    const text = 'k: "a\\tb"\nn: 3\n';
    const { source } = parseYaml(text, "t.yaml");
    expect(source.locateInString(["k"], 1)).toEqual({ line: 1, column: 6 });
    expect(source.locateInString(["k"], 2)).toEqual({ line: 1, column: 8 });
    expect(source.locateInString(["n"], 0)).toBeUndefined();
  });
});

describe("YAML problems", () => {
  it("duplicate keys are reported but the value is still returned", () => {
    const r = parseYaml("a: 1\nb: 2\na: 3\n", "t.yaml");
    expect(r.diagnostics).toMatchObject([{ code: "yaml.duplicate_key", line: 3, column: 1 }]);
    expect((r.value as Record<string, number>).a).toBe(3);
  });
  it("tab indentation", () => {
    const r = parseYaml("a:\n\tb: 1\n", "t.yaml");
    expect(r.diagnostics).toMatchObject([{ code: "yaml.tab", line: 2, column: 1, file: "t.yaml" }]);
    expect(r.value).toBeUndefined();
  });
  it("an unclosed quote points at the opening quote", () => {
    const r = parseYaml("a: 1\nb: 'open\nc: 2\n", "t.yaml");
    expect(r.diagnostics[0]).toMatchObject({ code: "yaml.syntax", line: 2, column: 4 });
  });
  it("an unclosed flow list", () => {
    const r = parseYaml("a: [1, 2\nb: 3\n", "t.yaml");
    expect(r.diagnostics[0]).toMatchObject({ code: "yaml.syntax", line: 2, column: 1 });
  });
  it("aliases: the limit, cycles and unknown anchors", () => {
    const many = "a: &a x\nb: [" + Array(5).fill("*a").join(", ") + "]\n";
    expect(parseYaml(many, "t.yaml", { maxAliasCount: 4 }).diagnostics).toMatchObject([
      { code: "yaml.alias_limit", line: 2, column: 21 },
    ]);
    expect(parseYaml(many, "t.yaml").diagnostics).toEqual([]);
    expect(parseYaml("a: &x [1, *x]\n", "t.yaml").diagnostics).toMatchObject([
      { code: "yaml.syntax", line: 1, column: 11 },
    ]);
  });
  it("deep nesting is bounded", () => {
    const deep = "a: " + "[".repeat(70) + "]".repeat(70) + "\n";
    expect(parseYaml(deep, "t.yaml").diagnostics).toMatchObject([
      { code: "yaml.too_deep", line: 1 },
    ]);
    const deeper = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    expect(parseYaml(deeper, "t.yaml").diagnostics[0]?.code).toBe("yaml.too_deep");
    expect(parseYaml("a: [[[1]]]\n", "t.yaml", { maxDepth: 3 }).diagnostics[0]?.code).toBe(
      "yaml.too_deep",
    );
  });
  it("__proto__ and constructor keys are own data, not the prototype", () => {
    const r = parseYaml("__proto__: {polluted: 1}\nconstructor: {prototype: {x: 1}}\n", "t.yaml");
    const v = r.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.keys(v)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it("dates stay text (YAML 1.2 core schema)", () => {
    expect(parseYaml("d: 2026-12-03\n", "t.yaml").value).toEqual(
      Object.assign(Object.create(null), { d: "2026-12-03" }),
    );
  });
});

describe("decodeYamlBytes", () => {
  it("reads UTF-8 with a BOM and UTF-16LE with a BOM", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("a: é\n")]);
    expect(decodeYamlBytes(bom, "t.yaml").text).toBe("a: é\n");
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x3a, 0, 0x20, 0, 0xe9, 0, 0x0a, 0]);
    expect(decodeYamlBytes(utf16, "t.yaml").text).toBe("a: é\n");
  });
  it("invalid UTF-8 is a diagnostic", () => {
    const r = decodeYamlBytes(new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]), "t.yaml");
    expect(r.text).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: "data.invalid_utf8", file: "t.yaml" }]);
  });
});
