// `npm run bench`: generates inputs, times whole processes (median of several runs after a
// warm-up, peak RSS from /usr/bin/time), compares with `node -e 0` and pandoc in the same run
// (the compared cases take turns), prints a table, writes bench/out/results.json and exits 1
// when a budget (DESIGN §10) is missed. CPU time (user + system) is recorded beside wall time:
// on a shared machine the wall time grows with the load, the CPU time much less; the load
// average is printed with the table.
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeLongCsv, writePack } from "./generate.js";
import { writeMarkdownPaper } from "./markdown-paper.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "bench", "out");
const inputs = join(out, "inputs");
const cli = join(root, "bin", "spotlight.cjs");
const quick = process.argv.includes("--quick");
const timeBin = "/usr/bin/time";

interface Sample {
  seconds: number;
  rssMb: number | null;
  cpuSeconds: number | null;
}

interface CaseResult {
  name: string;
  median_s: number;
  /** Median user + system CPU seconds (all threads). */
  median_cpu_s: number | null;
  peak_rss_mb: number | null;
  runs: number;
  note?: string;
}

/** Standard output is thrown away (analyse prints hundreds of MB of JSON); stderr is kept. */
const spawnOptions: SpawnSyncOptionsWithStringEncoding = {
  encoding: "utf8",
  stdio: ["ignore", "ignore", "pipe"],
  maxBuffer: 1 << 26,
};

function runOnce(cmd: string, args: string[], cwd = out): Sample {
  const useTime = existsSync(timeBin);
  const start = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(timeBin, ["-f", "%e %M %U %S", cmd, ...args], { cwd, ...spawnOptions })
    : spawnSync(cmd, args, { cwd, ...spawnOptions });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  }
  let rssMb: number | null = null;
  let cpuSeconds: number | null = null;
  if (useTime) {
    const last = r.stderr.trim().split("\n").pop() ?? "";
    const [, kb, user, sys] = last.split(" ").map(Number);
    if (Number.isFinite(kb)) rssMb = kb! / 1024;
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = user! + sys!;
  }
  return { seconds, rssMb, cpuSeconds };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Case {
  name: string;
  cmd: string;
  args: string[];
  cwd?: string;
}

function summarise(c: Case, samples: Sample[]): CaseResult {
  const rss = samples.map((s) => s.rssMb).filter((x): x is number => x !== null);
  const cpu = samples.map((s) => s.cpuSeconds).filter((x): x is number => x !== null);
  const result: CaseResult = {
    name: c.name,
    median_s: median(samples.map((s) => s.seconds)),
    median_cpu_s: cpu.length ? median(cpu) : null,
    peak_rss_mb: rss.length ? Math.max(...rss) : null,
    runs: samples.length,
  };
  process.stderr.write(
    `  ${c.name}: ${result.median_s.toFixed(3)} s (cpu ${result.median_cpu_s?.toFixed(3) ?? "?"} s)\n`,
  );
  return result;
}

/**
 * Runs each case `runs` times after a warm-up, taking turns (a b a b …), so that cases compared
 * as a ratio see the same machine: a shared machine's speed drifts over seconds.
 */
function measureTogether(cases: Case[], runs: number): CaseResult[] {
  const samples: Sample[][] = cases.map(() => []);
  for (const c of cases) runOnce(c.cmd, c.args, c.cwd); // warm-up (file cache, JIT of the toolchain)
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, k) => samples[k]!.push(runOnce(c.cmd, c.args, c.cwd)));
  }
  return cases.map((c, k) => summarise(c, samples[k]!));
}

function measure(name: string, cmd: string, args: string[], runs: number, cwd = out): CaseResult {
  return measureTogether([{ name, cmd, args, cwd }], runs)[0]!;
}

const node = process.execPath;
const spotlight = (...args: string[]) => [cli, ...args];

async function main(): Promise<number> {
  if (!existsSync(join(root, "dist", "cli", "run.js"))) {
    process.stderr.write("bench: dist/ is missing; run `npm run build` first\n");
    return 2;
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(inputs, { recursive: true });
  process.stderr.write("generating inputs…\n");
  const packs = [
    writePack(inputs, "pack-1", 1, 3),
    writePack(inputs, "pack-10", 10, 3),
    writePack(inputs, "pack-20x3-60-measures", 20, 3),
    writePack(inputs, "pack-50", 50, 3),
  ];
  const csvSizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  for (const n of csvSizes) await writeLongCsv(join(inputs, `rows-${n}.csv`), n);
  const paper = await writeMarkdownPaper(join(inputs, "paper"), 10);

  const runs = quick ? 3 : 7;
  const loadBefore = loadavg();
  const results: CaseResult[] = [];
  process.stderr.write("measuring…\n");
  const [bare, help] = measureTogether(
    [
      { name: "node -e 0", cmd: node, args: ["-e", "0"] },
      { name: "spotlight --help", cmd: node, args: spotlight("--help") },
    ],
    runs * 3,
  ) as [CaseResult, CaseResult];
  results.push(bare, help);

  for (const p of packs) {
    const docx = join(out, `${p.name}.docx`);
    results.push(
      measure(
        `render ${p.name} (${p.spotlights * p.measures} measures) → docx`,
        node,
        spotlight("render", p.file, "-o", docx, "-q"),
        runs,
      ),
    );
    rmSync(docx, { force: true });
  }
  const md = join(out, "pack-10.md");
  results.push(
    measure("render pack-10 → md", node, spotlight("render", packs[1]!.file, "-o", md, "-q"), runs),
  );

  // Both run in the paper's folder: pandoc looks for images relative to its working directory
  // (not the Markdown file), and --fail-if-warnings makes sure it embedded every chart. They take
  // turns, so the ratio compares them on the same machine state.
  const paperDir = dirname(paper);
  const convertCase: Case = {
    name: "spotlight convert paper.md",
    cmd: node,
    args: spotlight("convert", "paper.md", "-o", join(out, "paper-ours.docx"), "-q"),
    cwd: paperDir,
  };
  const hasPandoc = spawnSync("pandoc", ["--version"]).status === 0;
  const [convert, pandoc] = measureTogether(
    hasPandoc
      ? [
          convertCase,
          {
            name: "pandoc paper.md -o paper.docx",
            cmd: "pandoc",
            args: ["--fail-if-warnings", "paper.md", "-o", join(out, "paper-pandoc.docx")],
            cwd: paperDir,
          },
        ]
      : [convertCase],
    runs * 5, // the closest budget: more runs for a steadier median
  ) as [CaseResult, CaseResult | undefined];
  results.push(convert, ...(pandoc ? [pandoc] : []));
  if (!hasPandoc) {
    process.stderr.write(
      "  pandoc not installed: skipping the comparison (apt-get install pandoc)\n",
    );
  }

  for (const n of csvSizes) {
    results.push(
      measure(
        `analyse ${n.toLocaleString("en-GB")} rows → json`,
        node,
        spotlight("analyse", join(inputs, `rows-${n}.csv`), "--format", "json"),
        n >= 1_000_000 ? Math.min(runs, 3) : runs,
      ),
    );
  }

  const find = (prefix: string) => results.find((r) => r.name.startsWith(prefix))!;
  const budgets = [
    { what: "--help / node -e 0", value: help.median_s / bare.median_s, limit: 1.5, unit: "×" },
    ...(pandoc
      ? [
          {
            what: "convert / pandoc",
            value: convert.median_s / pandoc.median_s,
            limit: 1.0,
            unit: "×",
          },
        ]
      : []),
    {
      what: "render 60 measures → docx",
      value: find("render pack-20x3").median_s,
      limit: 1.0,
      unit: "s",
    },
    {
      what: "render 50 spotlights → docx",
      value: find("render pack-50").median_s,
      limit: 2.0,
      unit: "s",
    },
    {
      what: "render 50 spotlights peak RSS",
      value: find("render pack-50").peak_rss_mb ?? 0,
      limit: 400,
      unit: "MB",
    },
    ...(csvSizes.includes(1_000_000)
      ? [
          {
            what: "analyse 1M rows",
            value: find("analyse 1,000,000").median_s,
            limit: 3.0,
            unit: "s",
          },
          {
            what: "analyse 1M rows peak RSS",
            value: find("analyse 1,000,000").peak_rss_mb ?? 0,
            limit: 300,
            unit: "MB",
          },
        ]
      : []),
  ];

  const lines = [
    `node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore[0]!.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after`,
    "",
    "| case | median wall (s) | median CPU (s) | peak RSS (MB) | runs |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.median_s.toFixed(3)} | ${r.median_cpu_s?.toFixed(3) ?? "–"} | ${r.peak_rss_mb?.toFixed(0) ?? "–"} | ${r.runs} |`,
    ),
    "",
    "| budget | measured | limit | ok |",
    "| --- | ---: | ---: | :---: |",
    ...budgets.map(
      (b) =>
        `| ${b.what} | ${b.value.toFixed(2)} ${b.unit} | ${b.limit} ${b.unit} | ${b.value <= b.limit ? "yes" : "**no**"} |`,
    ),
    "",
    `R workflow for 60 measures (NHSRplotthedots + ggplot2 + officer, quoted in DESIGN §10): about 19 s → ours ${(19 / find("render pack-20x3").median_s).toFixed(0)}× faster.`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  writeFileSync(
    join(out, "results.json"),
    JSON.stringify(
      {
        node: process.version,
        cpus: cpus().length,
        loadavg: { before: loadBefore, after: loadavg() },
        results,
        budgets,
      },
      null,
      2,
    ) + "\n",
  );
  const missed = budgets.filter((b) => b.value > b.limit);
  if (missed.length) {
    process.stderr.write(
      `bench: ${missed.length} budget(s) missed: ${missed.map((m) => m.what).join("; ")}\n`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = await main();
