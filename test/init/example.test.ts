// The Northshire example pack that `init` ships: schema-valid YAML, data that matches the
// spotlights (24–36 months per measure), the signals its narrative claims, and a generator
// that rebuilds the committed CSVs byte for byte.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { exampleDir, schemaFile } from "../../src/cli/commands/init.js";
import { configSchema } from "../../src/schema/config-schema.js";
import { packSchema } from "../../src/schema/pack-schema.js";
import { spotlightSchema, type Spotlight } from "../../src/schema/spotlight-schema.js";

const read = (f: string) => readFileSync(join(exampleDir, f), "utf8");
const spotlightFiles = readdirSync(join(exampleDir, "spotlights")).sort();
const dataFiles = readdirSync(join(exampleDir, "data")).sort();

const spotlights: Spotlight[] = spotlightFiles.map((f) =>
  spotlightSchema.parse(parse(read(`spotlights/${f}`))),
);

interface Row {
  file: string;
  spotlight: string;
  measure: string;
  date: string;
  value: number;
}

/** The data rows, with UK dates turned into ISO and proportions worked out. */
const rows: Row[] = dataFiles.flatMap((file) => {
  const [header, ...lines] = read(`data/${file}`).trimEnd().split("\n");
  if (header !== "spotlight,measure,date,value,numerator,denominator,note")
    throw new Error(`${file}: unexpected header ${header}`);
  return lines.map((line) => {
    const [spotlight, measure, date, value, num, den] = line.split(",");
    const iso = /^\d\d\/\d\d\/\d{4}$/.test(date!) ? date!.split("/").reverse().join("-") : date!;
    return {
      file,
      spotlight: spotlight!,
      measure: measure!,
      date: iso,
      value: value ? Number(value) : Number(num) / Number(den),
    };
  });
});

const series = (spotlight: string, measure: string) =>
  rows.filter((r) => r.spotlight === spotlight && r.measure === measure).map((r) => r.value);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("the Northshire example pack", () => {
  it("parses with the zod schemas with zero issues", () => {
    const pack = packSchema.safeParse(parse(read("pack.yaml")));
    expect(pack.error?.issues ?? []).toEqual([]);
    const config = configSchema.safeParse(parse(read("spotlight.config.yaml")));
    expect(config.error?.issues ?? []).toEqual([]);
    for (const f of spotlightFiles) {
      const r = spotlightSchema.safeParse(parse(read(`spotlights/${f}`)));
      expect({ f, issues: r.error?.issues ?? [] }).toEqual({ f, issues: [] });
    }
    expect(spotlightFiles).toHaveLength(4);
  });

  it("passes the JSON Schema the package ships (checked with ajv), pack and spotlight files", async () => {
    const { Ajv2020 } = await import("ajv/dist/2020.js");
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")) as object);
    for (const f of ["pack.yaml", ...spotlightFiles.map((f) => `spotlights/${f}`)]) {
      expect(validate(parse(read(f))), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // And it is not a schema that accepts anything.
    expect(validate({ paper: { title: 3 } })).toBe(false);
  });

  it("names, in every data row, a spotlight and a measure that exist", () => {
    const known = new Set(spotlights.flatMap((s) => s.measures.map((m) => `${s.id}/${m.id}`)));
    const unknown = rows.filter((r) => !known.has(`${r.spotlight}/${r.measure}`));
    expect(unknown).toEqual([]);
  });

  it("has 24 to 36 monthly points for every measure, without gaps or duplicates", () => {
    for (const s of spotlights) {
      for (const m of s.measures) {
        const dates = rows
          .filter((r) => r.spotlight === s.id && r.measure === m.id)
          .map((r) => r.date);
        expect(dates.length, `${s.id}/${m.id}`).toBeGreaterThanOrEqual(24);
        expect(dates.length, `${s.id}/${m.id}`).toBeLessThanOrEqual(36);
        expect(new Set(dates).size).toBe(dates.length);
        const months = dates.map((d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)));
        expect(
          months.every((mo, i) => i === 0 || mo === months[i - 1]! + 1),
          `${s.id}/${m.id}`,
        ).toBe(true);
      }
    }
  });

  it("uses UK dates in one file and ISO dates in the others", () => {
    const raw = (f: string) => read(`data/${f}`).split("\n")[1]!.split(",")[2];
    expect(raw("discharges.csv")).toBe("01/01/2024");
    expect(raw("falls.csv")).toBe("2024-01-01");
  });

  it("covers the chart types and measure families the README promises", () => {
    const measures = spotlights.flatMap((s) => s.measures);
    expect(measures.some((m) => m.chart === "p" && m.multiplier === 100)).toBe(true);
    expect(measures.some((m) => m.chart === "u" && m.multiplier === 1000)).toBe(true);
    expect(measures.some((m) => m.chart === "c")).toBe(true);
    for (const s of spotlights) {
      expect(new Set(s.measures.map((m) => m.type)), s.id).toEqual(
        new Set(["outcome", "process", "balancing"]),
      );
      expect(s.measures.map((m) => m.id)).toContain(s.aim.measure);
      expect(["none", "informed"]).not.toContain(s.involvement.patients.level);
    }
    expect(spotlights.some((s) => s.involvement.patients.level === "co_designed")).toBe(true);
    const rebased = measures.flatMap((m) => m.rebase ?? []);
    expect(rebased.some((r) => typeof r === "object" && (r.reason ?? "").length > 20)).toBe(true);
  });

  it("shows the signals its narrative claims", () => {
    // Falls: every month since the April 2025 go-live (month 16) below the old mean.
    const falls = series("falls-wards-7-8", "falls-rate");
    const oldMean = mean(falls.slice(0, 15));
    expect(falls.slice(15).length).toBeGreaterThanOrEqual(8);
    expect(falls.slice(15).every((y) => y < oldMean)).toBe(true);
    // Sepsis antibiotics: a run of at least 7 rising points at the end.
    const abx = series("sepsis-ed", "antibiotics-1h");
    let rising = 1;
    while (rising < abx.length && abx.at(-rising)! > abx.at(-rising - 1)!) rising++;
    expect(rising).toBeGreaterThanOrEqual(7);
    // Discharges before noon: the 33% target hit and missed after the May 2025 rebase.
    const dbn = series("discharge-before-noon", "discharges-before-noon")
      .slice(16)
      .map((p) => p * 100);
    expect(dbn.filter((y) => y >= 33).length).toBeGreaterThanOrEqual(5);
    expect(dbn.filter((y) => y < 33).length).toBeGreaterThanOrEqual(5);
  });

  it("never uses the language the standard flags, nor solution words in problem and title", () => {
    const text = ["pack.yaml", ...spotlightFiles.map((f) => `spotlights/${f}`)]
      .map(read)
      .join("\n");
    expect(text).not.toMatch(/cost efficienc|efficiency saving|cost improvement|\bCIP\b/i);
    for (const s of spotlights) {
      expect(`${s.title}\n${s.problem}`).not.toMatch(
        /\b(implement|roll(ing)? out|introduc|new system|we will)/i,
      );
      expect(s.problem.split(/\s+/).length).toBeLessThanOrEqual(120);
    }
  });

  it("rebuilds the committed CSVs byte for byte from make-data.ts", () => {
    const tmp = mkdtempSync(join(tmpdir(), "spotlight-make-data-"));
    try {
      cpSync(join(exampleDir, "make-data.ts"), join(tmp, "make-data.ts"));
      cpSync(join(exampleDir, "data"), join(tmp, "data"), { recursive: true });
      rmSync(join(tmp, "data", "falls.csv"));
      const tsx = join(exampleDir, "..", "..", "node_modules", ".bin", "tsx");
      execFileSync(tsx, [join(tmp, "make-data.ts")], { stdio: "pipe" });
      for (const f of dataFiles) {
        expect(readFileSync(join(tmp, "data", f), "utf8"), f).toBe(read(`data/${f}`));
      }
    } finally {
      rmSync(join(tmp, "data"), { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
