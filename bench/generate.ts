// Deterministic benchmark inputs: packs of N spotlights × M measures × 36 monthly points, a
// 10-section Markdown paper with 10 PNG charts, and long CSVs for `analyse`.
// Everything is generated from a seeded PRNG so every run measures the same work.
import { mkdirSync, writeFileSync, createWriteStream } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";

/** Mulberry32: a small seeded PRNG, enough for plausible noise. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function monthDates(n: number, startYear = 2023): string[] {
  return Array.from({ length: n }, (_, i) => {
    const y = startYear + Math.floor(i / 12);
    const m = (i % 12) + 1;
    return `${y}-${String(m).padStart(2, "0")}-01`;
  });
}

function spotlightYaml(id: string, measures: number): string {
  const ms = Array.from({ length: measures }, (_, j) => {
    const type = j === 0 ? "outcome" : j === measures - 1 ? "balancing" : "process";
    return [
      `  - id: m${j + 1}`,
      `    name: Measure ${j + 1} of ${id}`,
      `    type: ${type}`,
      `    unit: per 1,000 bed days`,
      `    improvement: ${j % 2 === 0 ? "decrease" : "increase"}`,
      `    target: ${j % 2 === 0 ? 45 : 55}`,
      `    annotations:`,
      `      - { date: 2024-06-01, label: "PDSA 1" }`,
    ].join("\n");
  });
  return [
    `id: ${id}`,
    `title: Reducing harm from falls on ward ${id}`,
    `executive_sponsor: { name: Dr Priya Shah, role: Chief Nurse }`,
    `project_lead: { name: Sam Patel, role: Ward Manager }`,
    `service: Medicine`,
    `phase: testing`,
    `status: on_track`,
    `report_period: { start: 2023-01-01, end: 2025-12-31 }`,
    `problem: Patients on the ward fall more often than on similar wards, and some are harmed.`,
    `aim:`,
    `  statement: Reduce falls by a fifth by December 2026.`,
    `  measure: m1`,
    `  baseline: 50`,
    `  target: 40`,
    `  by: 2026-12-31`,
    `measures:`,
    ...ms,
    `involvement:`,
    `  patients: { level: consulted, description: Patients and carers reviewed the leaflet. }`,
    `  staff: { description: Nurses and therapists tested the changes., groups: [Nursing, Therapies] }`,
    `successes:`,
    `  - text: The ward went 60 days without a fall with harm.`,
    `ask: { type: assure, text: The Board is asked to take assurance from the progress. }`,
    `next_steps:`,
    `  - { action: Spread to ward 8, owner: Sam Patel, due: 2026-03-31 }`,
    ``,
  ].join("\n");
}

export interface PackInput {
  name: string;
  file: string;
  spotlights: number;
  measures: number;
}

/** Writes a pack with `spotlights` × `measures` × 36 points; returns the pack file path. */
export function writePack(
  dir: string,
  name: string,
  spotlights: number,
  measures: number,
): PackInput {
  const root = join(dir, name);
  mkdirSync(join(root, "spotlights"), { recursive: true });
  mkdirSync(join(root, "data"), { recursive: true });
  const rand = prng(spotlights * 1000 + measures);
  const dates = monthDates(36);
  const rows = ["spotlight,measure,date,value"];
  for (let s = 1; s <= spotlights; s++) {
    const id = `s${String(s).padStart(3, "0")}`;
    writeFileSync(join(root, "spotlights", `${id}.yaml`), spotlightYaml(id, measures));
    for (let m = 1; m <= measures; m++) {
      dates.forEach((d, i) => {
        const shift = i >= 20 ? -6 : 0;
        rows.push(`${id},m${m},${d},${(50 + shift + (rand() - 0.5) * 10).toFixed(2)}`);
      });
    }
  }
  writeFileSync(join(root, "data", "measures.csv"), rows.join("\n") + "\n");
  writeFileSync(
    join(root, "pack.yaml"),
    [
      "paper:",
      "  organisation: Benchmark Hospitals NHS Foundation Trust",
      "  meeting: Trust Board (Public)",
      "  date: 2026-01-08",
      "  agenda_item: PUB26/01/5.1",
      `  title: Improvement spotlight benchmark (${spotlights} spotlights)`,
      "  purpose: [assurance]",
      "  assurance_level: reasonable",
      "  executive_lead: { name: Dr Priya Shah, role: Chief Nurse }",
      "  author: { name: Tom Reed, role: Head of Quality Improvement }",
      "  summary: This paper shows the progress of the trust's improvement projects.",
      "  recommendations: [The Board is asked to take assurance from the progress shown.]",
      "  strategic_objectives: [Safe care]",
      "  equality_impact: No adverse impact identified.",
      "data: [data/*.csv]",
      "spotlights: [spotlights/*.yaml]",
      "",
    ].join("\n"),
  );
  return { name, file: join(root, "pack.yaml"), spotlights, measures };
}

/** Writes a long CSV of `rows` rows over 100 measures (monthly series of rows/100 points). */
export async function writeLongCsv(file: string, rows: number): Promise<void> {
  const rand = prng(rows);
  const out = createWriteStream(file);
  const perMeasure = Math.max(1, Math.floor(rows / 100));
  out.write("measure,date,value\n");
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const m = Math.floor(i / perMeasure);
    const k = i % perMeasure;
    // Daily-spaced dates from 1900 keep every date distinct within a measure.
    const d = new Date(Date.UTC(1900, 0, 1 + k)).toISOString().slice(0, 10);
    chunk += `m${m},${d},${(100 + (rand() - 0.5) * 20).toFixed(3)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.write(chunk);
  out.end();
  await once(out, "finish");
}
