// Generates the Northshire example pack's measure data (data/*.csv) from a seeded PRNG, so the
// committed CSVs can be rebuilt byte for byte: `npx tsx examples/northshire/make-data.ts`.
// The series carry the signals the example is meant to show (a shift after a go-live, a rising
// trend, a target that is hit and missed, stable balancing measures); the script checks them.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Months January 2024 to October 2026: 34 points per measure. */
const MONTHS = 34;
const FIRST_YEAR = 2024;

interface Row {
  value?: number;
  numerator?: number;
  denominator?: number;
  note?: string;
}

/** mulberry32: small, fast and good enough for plausible example data. */
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

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function binomial(rand: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}

function poisson(rand: () => number, lambda: number): number {
  // Knuth's method in chunks, so large means do not underflow.
  let k = 0;
  let left = lambda;
  while (left > 0) {
    const step = Math.min(left, 30);
    left -= step;
    const limit = Math.exp(-step);
    let p = rand();
    while (p > limit) {
      k++;
      p *= rand();
    }
  }
  return k;
}

function daysInMonth(i: number): number {
  const year = FIRST_YEAR + Math.floor(i / 12);
  return new Date(Date.UTC(year, (i % 12) + 1, 0)).getUTCDate();
}

function isoDate(i: number): string {
  const year = FIRST_YEAR + Math.floor(i / 12);
  return `${year}-${String((i % 12) + 1).padStart(2, "0")}-01`;
}

function ukDate(i: number): string {
  const [y, m, d] = isoDate(i).split("-");
  return `${d}/${m}/${y}`;
}

/** Month index of an ISO month, e.g. "2025-04" → 15. */
function at(month: string): number {
  return (Number(month.slice(0, 4)) - FIRST_YEAR) * 12 + Number(month.slice(5, 7)) - 1;
}

const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;

/** A proportion series: denominators around `size`, probability from `p(i)`. */
function proportion(seed: number, size: number, spread: number, p: (i: number) => number): Row[] {
  const rand = prng(seed);
  return Array.from({ length: MONTHS }, (_, i) => {
    const denominator = Math.round(size + spread * normal(rand));
    return { numerator: binomial(rand, denominator, p(i)), denominator };
  });
}

/** A continuous series for an XmR chart. */
function continuous(seed: number, dp: number, mean: (i: number) => number, sd: number): Row[] {
  const rand = prng(seed);
  return Array.from({ length: MONTHS }, (_, i) => ({
    value: round(mean(i) + sd * normal(rand), dp),
  }));
}

// --- Checks: the example must show the signals its narrative claims ----------------------

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ratio = (rows: Row[], scale = 1) => rows.map((r) => (r.numerator! / r.denominator!) * scale);
const plain = (rows: Row[]) => rows.map((r) => r.value!);

/** The Making Data Count rules the tool applies, on a series with a centre and a sigma per point. */
function signals(ys: number[], centre: number, sigma: (i: number) => number): string[] {
  const found: string[] = [];
  ys.forEach((y, i) => {
    if (Math.abs(y - centre) > 3 * sigma(i)) found.push(`outside limits at ${i}`);
  });
  for (let i = 6; i < ys.length; i++) {
    const w = ys.slice(i - 6, i + 1);
    if (w.every((y) => y > centre) || w.every((y) => y < centre)) found.push(`shift at ${i}`);
    const up = w.every((y, k) => k === 0 || y > w[k - 1]!);
    const down = w.every((y, k) => k === 0 || y < w[k - 1]!);
    if (up || down) found.push(`trend at ${i}`);
  }
  for (let i = 2; i < ys.length; i++) {
    for (const side of [1, -1]) {
      const w = [i - 2, i - 1, i];
      const sameSide = w.every((k) => side * (ys[k]! - centre) > 0);
      const close = w.filter((k) => side * (ys[k]! - centre) > 2 * sigma(k)).length;
      if (sameSide && close >= 2) found.push(`two of three at ${i}`);
    }
  }
  return found;
}

function xmrSignals(ys: number[]): string[] {
  const mr = mean(ys.slice(1).map((y, i) => Math.abs(y - ys[i]!)));
  return signals(ys, mean(ys), () => mr / 1.128);
}

/** P chart (binomial) or U chart (Poisson rate) signals over rows[from, to). */
function ratioSignals(kind: "p" | "u", all: Row[], from = 0, to = MONTHS): string[] {
  const rows = all.slice(from, to);
  const c =
    rows.reduce((a, r) => a + r.numerator!, 0) / rows.reduce((a, r) => a + r.denominator!, 0);
  const variance = kind === "p" ? c * (1 - c) : c;
  return signals(ratio(rows), c, (i) => Math.sqrt(variance / rows[i]!.denominator!));
}

function cSignals(ys: number[]): string[] {
  const c = mean(ys);
  return signals(ys, c, () => Math.sqrt(c));
}

/** A failure message, or undefined when the check holds. */
const need = (what: string, ok: boolean) => (ok ? undefined : what);
const stable = (found: string[]) => need(`stable (found ${found.join(", ")})`, found.length === 0);

// --- The measures -------------------------------------------------------------------------

interface Spec {
  file: "falls" | "sepsis" | "discharges" | "theatres";
  spotlight: string;
  measure: string;
  /** Chosen so that `check` holds; `--search` lists seeds that work. */
  seed: number;
  build(seed: number): Row[];
  check(rows: Row[]): string | undefined;
}

const fallsGoLive = at("2025-04");
const sepsisRise = at("2026-03");
const dischargeRebase = at("2025-05");
const theatreChange = at("2025-11");

const specs: Spec[] = [
  // Inpatient falls, Wards 7 and 8: the rate shifts down after the April 2025 go-live.
  {
    file: "falls",
    spotlight: "falls-wards-7-8",
    measure: "falls-rate",
    seed: 1001,
    build(seed) {
      const rand = prng(seed);
      return Array.from({ length: MONTHS }, (_, i) => {
        const bedDays = Math.round(56 * daysInMonth(i) * (0.95 + 0.02 * normal(rand)));
        const rate = i < fallsGoLive ? 7.9 : 5.1;
        const row: Row = {
          numerator: poisson(rand, (rate * bedDays) / 1000),
          denominator: bedDays,
        };
        if (i === at("2024-12")) row.note = "Ward 8 closed (norovirus)";
        return row;
      });
    },
    check(rows) {
      const ys = ratio(rows, 1000);
      const old = mean(ys.slice(0, fallsGoLive));
      return (
        need(
          "every point after the go-live below the old mean",
          ys.slice(fallsGoLive).every((y) => y < old),
        ) ?? stable(ratioSignals("u", rows, 0, fallsGoLive))
      );
    },
  },
  {
    file: "falls",
    spotlight: "falls-wards-7-8",
    measure: "risk-assessment-24h",
    seed: 2000,
    build: (seed) =>
      proportion(seed, 305, 18, (i) => {
        if (i < at("2024-11")) return 0.64;
        if (i < at("2025-04")) return 0.64 + (i - at("2024-10")) * 0.05;
        return 0.9;
      }),
    check: (rows) =>
      stable(ratioSignals("p", rows, 0, at("2024-11"))) ??
      stable(ratioSignals("p", rows, at("2025-04"))),
  },
  {
    file: "falls",
    spotlight: "falls-wards-7-8",
    measure: "falls-harm",
    seed: 3008,
    build(seed) {
      const rand = prng(seed);
      return Array.from({ length: MONTHS }, (_, i) => ({
        value: poisson(rand, i < fallsGoLive ? 1.5 : 0.9),
      }));
    },
    check: (rows) => stable(cSignals(plain(rows))),
  },
  {
    file: "falls",
    spotlight: "falls-wards-7-8",
    measure: "enhanced-observation-hours",
    seed: 4000,
    build: (seed) => continuous(seed, 0, () => 1450, 85),
    check: (rows) => stable(xmrSignals(plain(rows))),
  },

  // Sepsis in ED: compliance rises month on month from March 2026 (a trend).
  {
    file: "sepsis",
    spotlight: "sepsis-ed",
    measure: "antibiotics-1h",
    seed: 5000,
    build(seed) {
      const rows = proportion(seed, 80, 7, () => 0.58);
      const steps = [0.62, 0.66, 0.7, 0.73, 0.77, 0.8, 0.83, 0.86];
      let last = 0;
      steps.forEach((p, k) => {
        const row = rows[sepsisRise + k]!;
        let numerator = Math.round(p * row.denominator!);
        while (numerator / row.denominator! <= last) numerator++;
        row.numerator = numerator;
        last = numerator / row.denominator!;
      });
      return rows;
    },
    check(rows) {
      const ys = ratio(rows);
      const rising = ys.slice(sepsisRise - 1).every((y, k, w) => k === 0 || y > w[k - 1]!);
      return (
        need("8 rising points from March 2026", rising) ?? stable(ratioSignals("p", rows, 0, 24))
      );
    },
  },
  {
    file: "sepsis",
    spotlight: "sepsis-ed",
    measure: "screening-15min",
    seed: 6000,
    build: (seed) => proportion(seed, 410, 25, (i) => (i < at("2025-10") ? 0.74 : 0.85)),
    check: (rows) =>
      stable(ratioSignals("p", rows, 0, at("2025-10"))) ??
      stable(ratioSignals("p", rows, at("2025-10"))),
  },
  {
    file: "sepsis",
    spotlight: "sepsis-ed",
    measure: "sepsis-mortality-30d",
    seed: 7001,
    build: (seed) => proportion(seed, 80, 7, () => 0.15),
    check: (rows) => stable(ratioSignals("p", rows)),
  },
  {
    file: "sepsis",
    spotlight: "sepsis-ed",
    measure: "antibiotics-no-infection",
    seed: 8002,
    build: (seed) => proportion(seed, 55, 6, () => 0.19),
    check: (rows) => stable(ratioSignals("p", rows)),
  },

  // Discharges before noon: a step up in May 2025 (rebased), then around the 33% target.
  {
    file: "discharges",
    spotlight: "discharge-before-noon",
    measure: "discharges-before-noon",
    seed: 9000,
    build: (seed) => proportion(seed, 920, 30, (i) => (i < dischargeRebase ? 0.22 : 0.33)),
    check(rows) {
      const after = ratio(rows, 100).slice(dischargeRebase);
      return (
        need("target 33% hit at least 5 times", after.filter((y) => y >= 33).length >= 5) ??
        need("target 33% missed at least 5 times", after.filter((y) => y < 33).length >= 5) ??
        stable(ratioSignals("p", rows, 0, dischargeRebase)) ??
        stable(ratioSignals("p", rows, dischargeRebase))
      );
    },
  },
  {
    file: "discharges",
    spotlight: "discharge-before-noon",
    measure: "edd-within-24h",
    seed: 10000,
    build: (seed) => proportion(seed, 950, 30, (i) => (i < dischargeRebase ? 0.55 : 0.8)),
    check: (rows) =>
      stable(ratioSignals("p", rows, 0, dischargeRebase)) ??
      stable(ratioSignals("p", rows, dischargeRebase)),
  },
  {
    file: "discharges",
    spotlight: "discharge-before-noon",
    measure: "length-of-stay",
    seed: 11001,
    build: (seed) => continuous(seed, 1, () => 7.8, 0.3),
    check: (rows) => stable(xmrSignals(plain(rows))),
  },
  {
    file: "discharges",
    spotlight: "discharge-before-noon",
    measure: "readmissions-30d",
    seed: 12001,
    build: (seed) => proportion(seed, 900, 30, () => 0.118),
    check: (rows) => stable(ratioSignals("p", rows)),
  },

  // Theatre first-case starts: a shift up after the November 2025 change.
  {
    file: "theatres",
    spotlight: "theatre-first-case",
    measure: "on-time-starts",
    seed: 13004,
    build: (seed) => proportion(seed, 380, 15, (i) => (i < theatreChange ? 0.42 : 0.68)),
    check(rows) {
      const ys = ratio(rows);
      // The month before the change sits below the baseline mean, so the shift starts at it.
      const old = mean(ys.slice(0, theatreChange));
      return (
        need("last baseline month below its mean", ys[theatreChange - 1]! < old) ??
        stable(ratioSignals("p", rows, 0, theatreChange))
      );
    },
  },
  {
    file: "theatres",
    spotlight: "theatre-first-case",
    measure: "minutes-lost",
    seed: 14000,
    build: (seed) => continuous(seed, 1, (i) => (i < theatreChange ? 27 : 15), 2.2),
    check(rows) {
      const ys = plain(rows);
      const old = mean(ys.slice(0, theatreChange));
      return (
        need("last baseline month above its mean", ys[theatreChange - 1]! > old) ??
        stable(xmrSignals(ys.slice(0, theatreChange)))
      );
    },
  },
  {
    file: "theatres",
    spotlight: "theatre-first-case",
    measure: "on-the-day-cancellations",
    seed: 15000,
    build(seed) {
      const rand = prng(seed);
      return Array.from({ length: MONTHS }, () => ({ value: poisson(rand, 38) }));
    },
    check: (rows) => stable(cSignals(plain(rows))),
  },
  {
    file: "theatres",
    spotlight: "theatre-first-case",
    measure: "list-overruns",
    seed: 16000,
    build: (seed) => proportion(seed, 380, 15, () => 0.13),
    check: (rows) => stable(ratioSignals("p", rows)),
  },
];

// --- Writing ------------------------------------------------------------------------------

const fmt = (x: number | undefined) => (x === undefined ? "" : String(x));
const quote = (s: string | undefined) =>
  s === undefined ? "" : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;

function csv(specsInFile: Spec[], date: (i: number) => string): string {
  const lines = ["spotlight,measure,date,value,numerator,denominator,note"];
  for (const spec of specsInFile) {
    const rows = spec.build(spec.seed);
    const failure = spec.check(rows);
    if (failure)
      throw new Error(`make-data: ${spec.measure} (seed ${spec.seed}) does not show: ${failure}`);
    rows.forEach((r, i) => {
      const cells = [
        spec.spotlight,
        spec.measure,
        date(i),
        fmt(r.value),
        fmt(r.numerator),
        fmt(r.denominator),
        quote(r.note),
      ];
      lines.push(cells.join(","));
    });
  }
  return lines.join("\n") + "\n";
}

if (process.argv[2] === "--search") {
  // Lists, per measure, the first seeds (from 1000 × its position) whose data passes its check.
  specs.forEach((spec, k) => {
    const good: number[] = [];
    for (let seed = 1000 * (k + 1); good.length < 5; seed++)
      if (!spec.check(spec.build(seed))) good.push(seed);
    console.log(`${spec.measure}: ${good.join(" ")}`);
  });
} else {
  const dir = fileURLToPath(new URL("./data/", import.meta.url));
  const files = ["falls", "sepsis", "discharges", "theatres"] as const;
  for (const file of files) {
    // The flow team exports from a spreadsheet with UK dates: the tool reads DD/MM/YYYY too.
    const date = file === "discharges" ? ukDate : isoDate;
    writeFileSync(
      `${dir}${file}.csv`,
      csv(
        specs.filter((s) => s.file === file),
        date,
      ),
    );
  }
}
