// Loads a board pack (a YAML file with `paper:`) or a single spotlight file: the config, the
// spotlight files and inline spotlights, the data files (through the data reader), and the
// cross-checks that need the whole pack (unique ids, aim → measure, limits, containment).
import { dirname, resolve } from "node:path";
import { FatalError, diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReadIo } from "../io/io.js";
import { packSchema, paperSchema, type Paper } from "../schema/pack-schema.js";
import { spotlightSchema } from "../schema/spotlight-schema.js";
import { defaultConfig } from "../schema/config-defaults.js";
import { didYouMean, formatPath, validateWithSchema } from "../schema/validate.js";
import { loadConfig, displayPath } from "./config.js";
import { checkInside } from "./contain.js";
import { readDataFile } from "./data.js";
import { glob, isGlob } from "./glob.js";
import { linkData } from "./link-data.js";
import type { DataRow, LoadedSpotlight, Pack, SourceDoc } from "./types.js";
import { readYamlFile } from "./yaml.js";

/** Reads measure data files and links rows to spotlights (src/load/data.ts, link-data.ts). */
export interface DataReader {
  readDataFile(
    file: string,
    displayName: string,
    io: ReadIo,
    opts: {
      columns?: Record<string, string>;
      dateFormat: "dmy" | "mdy";
      maxRows: number;
      maxFileBytes: number;
    },
  ): Promise<{ rows: DataRow[]; diagnostics: Diagnostic[] }>;
  linkData(
    rows: DataRow[],
    spotlights: LoadedSpotlight[],
  ): { data: Pack["data"]; diagnostics: Diagnostic[] };
}

export interface LoadPackOptions {
  io: ReadIo;
  /** Working directory: relative paths and the file names in diagnostics are relative to it. */
  cwd?: string;
  /** `--config` as typed (relative to cwd). */
  configFile?: string;
  /** Allow files outside the pack's folder (`--allow-outside`). */
  allowOutside?: boolean;
  /** The data reader; defaults to src/load/data.ts + link-data.ts. `false` skips data files. */
  readData?: DataReader | false;
}

export interface LoadPackResult {
  /** Absent only when the top file cannot be parsed or is not a mapping. */
  pack?: Pack;
  diagnostics: Diagnostic[];
}

type Path = (string | number)[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const MB = 1048576;

/** A list of file names or globs written in YAML, with where each was written. */
interface NamedFiles {
  patterns: { pattern: string; path: Path }[];
  /** Folder the patterns are relative to. */
  base: string;
  source: SourceDoc;
}

function patternsAt(raw: unknown, path: Path): { pattern: string; path: Path }[] {
  if (typeof raw === "string") return raw ? [{ pattern: raw, path }] : [];
  if (Array.isArray(raw))
    return raw.flatMap((p, i) =>
      typeof p === "string" && p ? [{ pattern: p, path: [...path, i] }] : [],
    );
  return [];
}

/**
 * Loads a pack or a single spotlight file. Problems in the input are diagnostics; a top
 * file that cannot be read throws FatalError.
 */
export async function loadPack(file: string, opts: LoadPackOptions): Promise<LoadPackResult> {
  const { io } = opts;
  const cwd = resolve(opts.cwd ?? ".");
  const abs = resolve(cwd, file);
  const fileDir = dirname(abs);
  const display = displayPath(cwd, abs);
  const shown = (p: string) => displayPath(cwd, p);
  const diagnostics: Diagnostic[] = [];

  if ((await io.fileSize(abs)) === undefined) {
    throw new FatalError(
      diagnostic({
        code: "file.not_found",
        message: `${display} does not exist`,
        file: display,
        hint: "Check the path: it is relative to the current folder.",
      }),
    );
  }
  const top = await readYamlFile(abs, display, io, {
    maxBytes: defaultConfig().limits.max_file_mb * MB,
    at: { file: display },
  });
  if (top.failed) throw new FatalError(top.diagnostics);
  diagnostics.push(...top.diagnostics);
  if (top.value === undefined || !top.source) return { diagnostics };
  const source = top.source;
  if (top.value === null) {
    diagnostics.push(
      diagnostic({
        code: "file.empty",
        message: `${display} is empty`,
        file: display,
        line: 1,
        column: 1,
      }),
    );
    return { diagnostics };
  }
  if (!isObj(top.value)) {
    diagnostics.push(
      diagnostic({
        code: "schema.type",
        message: `${display} should be a mapping (key: value lines), not a list or a single value`,
        file: display,
        line: 1,
        column: 1,
        path: [],
      }),
    );
    return { diagnostics };
  }
  const value = top.value;
  // A spotlight checked on its own belongs to the pack around it: its folder is the nearest
  // one (up to two levels up) that holds a pack or config file, so the trust's config applies
  // and `data: ../data/x.csv` stays inside the pack without --allow-outside.
  const dir = "paper" in value ? fileDir : await enclosingPackDir(fileDir, io);
  const cfg = await loadConfig({ io, packDir: dir, configFile: opts.configFile, cwd });
  diagnostics.push(...cfg.diagnostics);
  const config = cfg.config;
  const limits = config.limits;
  const maxBytes = limits.max_file_mb * MB;
  const inputs: string[] = [abs];
  if (cfg.file) inputs.push(cfg.file);
  // Files the config names (logo, reference DOCX, templates) stay inside the config's folder.
  if (cfg.source && cfg.file && !opts.allowOutside) {
    const named: [Path, string | undefined][] = [
      [["style", "logo"], config.style.logo],
      [["style", "reference_docx"], config.style.reference_docx],
      [["templates"], config.templates],
    ];
    for (const [path, rel] of named) {
      if (rel === undefined) continue;
      const target = resolve(dirname(cfg.file), rel);
      const where = { file: cfg.source.file, ...cfg.source.locate(path), path };
      const outside = await checkInside(dirname(cfg.file), target, io, false, {
        ...where,
        display: shown(target),
      });
      if (outside) diagnostics.push(outside);
    }
  }
  diagnostics.push(...stringLengthDiagnostics(value, source, limits.max_string_length, []));

  const spotlights: LoadedSpotlight[] = [];
  const dataFiles: NamedFiles[] = [];
  const seenFiles = new Set<string>([abs]);
  let paper: Paper | undefined;

  /**
   * Files named by one pattern, new to this run and inside the pack folder; `file.not_found`
   * and `file.outside_pack` are reported at `where` (the YAML value that named them).
   */
  const namedFiles = async (pattern: string, base: string, where: Partial<Diagnostic>) => {
    const targets = await resolveFiles(pattern, base, io);
    if (targets.length === 0) {
      diagnostics.push(
        diagnostic({
          ...where,
          code: "file.not_found",
          message: isGlob(pattern)
            ? `\`${pattern}\` matches no files`
            : `${shown(resolve(base, pattern))} does not exist`,
        }),
      );
    }
    const out: string[] = [];
    for (const target of targets) {
      if (seenFiles.has(target)) continue;
      seenFiles.add(target);
      const outside = await checkInside(dir, target, io, opts.allowOutside ?? false, {
        ...where,
        display: shown(target),
      });
      if (outside) diagnostics.push(outside);
      else out.push(target);
    }
    return out;
  };

  /** Reads one spotlight file and validates it. */
  const loadSpotlightFile = async (target: string, namedAt: Partial<Diagnostic>) => {
    const name = shown(target);
    const read = await readYamlFile(target, name, io, { maxBytes, at: namedAt });
    diagnostics.push(...read.diagnostics);
    if (read.failed || read.value === undefined || !read.source) return;
    inputs.push(target);
    if (read.value === null) {
      diagnostics.push(
        diagnostic({
          code: "file.empty",
          message: `${name} is empty`,
          file: name,
          line: 1,
          column: 1,
        }),
      );
      return;
    }
    diagnostics.push(
      ...stringLengthDiagnostics(read.value, read.source, limits.max_string_length, []),
    );
    const checked = validateWithSchema(spotlightSchema, read.value, read.source);
    diagnostics.push(...checked.diagnostics);
    if (checked.data)
      spotlights.push({ spotlight: checked.data, source: read.source, basePath: [] });
    if (isObj(read.value) && read.value.data !== undefined)
      dataFiles.push({
        patterns: patternsAt(read.value.data, ["data"]),
        base: dirname(target),
        source: read.source,
      });
  };

  if ("paper" in value) {
    const full = validateWithSchema(packSchema, value, source);
    diagnostics.push(...full.diagnostics);
    paper =
      full.data?.paper ?? validateWithSchema(paperSchema, value.paper, source, ["paper"]).data;
    dataFiles.push({ patterns: patternsAt(value.data, ["data"]), base: dir, source });

    const entries = Array.isArray(value.spotlights)
      ? value.spotlights
      : value.spotlights === undefined
        ? []
        : [value.spotlights];
    const entryPath = (i: number): Path =>
      Array.isArray(value.spotlights) ? ["spotlights", i] : ["spotlights"];
    let count = 0;
    let tooMany = false;
    const room = () => {
      if (count < limits.max_spotlights) return true;
      if (!tooMany) {
        tooMany = true;
        diagnostics.push(
          at(source, ["spotlights"], {
            code: "schema.too_many",
            message: `the pack has more than ${limits.max_spotlights} spotlights (limits.max_spotlights)`,
          }),
        );
      }
      return false;
    };
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const path = entryPath(i);
      if (isObj(entry)) {
        if (!room()) break;
        count++;
        const inline = validateWithSchema(spotlightSchema, entry, source, path).data;
        if (inline) spotlights.push({ spotlight: inline, source, basePath: path });
        continue;
      }
      if (typeof entry !== "string" || entry === "") continue; // reported by the schema
      const where = { file: source.file, ...source.locate(path), path };
      for (const target of await namedFiles(entry, dir, where)) {
        if (!room()) break;
        count++;
        await loadSpotlightFile(target, where);
      }
    }
  } else {
    const checked = validateWithSchema(spotlightSchema, value, source);
    diagnostics.push(...checked.diagnostics);
    if (checked.data) spotlights.push({ spotlight: checked.data, source, basePath: [] });
    dataFiles.push({ patterns: patternsAt(value.data, ["data"]), base: fileDir, source });
  }

  const unique = uniqueSpotlights(spotlights, diagnostics);
  for (const s of unique) diagnostics.push(...measureChecks(s));

  let data: Pack["data"] = new Map();
  if (opts.readData !== false) {
    const reader = opts.readData ?? { readDataFile, linkData };
    const rows: DataRow[] = [];
    for (const named of dataFiles) {
      for (const { pattern, path } of named.patterns) {
        const where = { file: named.source.file, ...named.source.locate(path), path };
        for (const target of await namedFiles(pattern, named.base, where)) {
          inputs.push(target);
          const read = await reader.readDataFile(target, shown(target), io, {
            columns: config.columns,
            dateFormat: config.spc.date_format,
            maxRows: limits.max_rows,
            maxFileBytes: maxBytes,
          });
          diagnostics.push(...read.diagnostics);
          for (const r of read.rows) rows.push(r);
        }
      }
    }
    const linked = reader.linkData(rows, unique);
    data = linked.data;
    diagnostics.push(...linked.diagnostics);
  }

  const pack: Pack = {
    file: display,
    dir,
    spotlights: unique,
    data,
    inputs,
    config,
  };
  if ("paper" in value) {
    if (paper) pack.paper = paper;
    pack.paperSource = source;
  }
  if (cfg.source) pack.configSource = cfg.source;
  return { pack, diagnostics };
}

const packMarkers = ["pack.yaml", "pack.yml", "spotlight.config.yaml", "spotlight.config.yml"];

/** The nearest folder, from `start` up to two levels above it, that holds a pack or config file. */
async function enclosingPackDir(start: string, io: ReadIo): Promise<string> {
  let dir = start;
  for (let level = 0; level < 3; level++) {
    for (const name of packMarkers) {
      if ((await io.fileSize(resolve(dir, name))) !== undefined) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return start;
}

/** Absolute files named by a pattern: glob matches, or the one file when it exists. */
async function resolveFiles(pattern: string, base: string, io: ReadIo): Promise<string[]> {
  if (isGlob(pattern)) return (await glob(pattern, base, io)).map((rel) => resolve(base, rel));
  const abs = resolve(base, pattern);
  return (await io.fileSize(abs)) === undefined ? [] : [abs];
}

function at(
  source: SourceDoc,
  path: Path,
  init: Pick<Diagnostic, "code" | "message"> & Partial<Diagnostic>,
  key = false,
): Diagnostic {
  const pos = (key ? source.locateKey(path) : source.locate(path)) ?? { line: 1, column: 1 };
  return diagnostic({ file: source.file, line: pos.line, column: pos.column, path, ...init });
}

const placeOf = (s: LoadedSpotlight, path: Path) => {
  const pos = s.source.locate([...s.basePath, ...path]);
  return `${s.source.file}${pos ? `:${pos.line}:${pos.column}` : ""}`;
};

/** Keeps the first spotlight of each id; later ones are `schema.duplicate_id` errors. */
function uniqueSpotlights(list: LoadedSpotlight[], out: Diagnostic[]): LoadedSpotlight[] {
  const byId = new Map<string, LoadedSpotlight>();
  for (const s of list) {
    const first = byId.get(s.spotlight.id);
    if (first) {
      out.push(
        at(s.source, [...s.basePath, "id"], {
          code: "schema.duplicate_id",
          message: `spotlight id \`${s.spotlight.id}\` is already used at ${placeOf(first, ["id"])}`,
        }),
      );
      continue;
    }
    byId.set(s.spotlight.id, s);
  }
  return [...byId.values()];
}

/** Measure ids unique within the spotlight; the aim names one of them. */
function measureChecks(s: LoadedSpotlight): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Map<string, number>();
  s.spotlight.measures.forEach((m, j) => {
    const first = ids.get(m.id);
    if (first !== undefined) {
      out.push(
        at(s.source, [...s.basePath, "measures", j, "id"], {
          code: "schema.duplicate_id",
          message: `measure id \`${m.id}\` is already used at ${placeOf(s, ["measures", first, "id"])}`,
          hint: "Measure ids must be unique within a spotlight.",
        }),
      );
    } else ids.set(m.id, j);
  });
  const aim = s.spotlight.aim.measure;
  if (!ids.has(aim)) {
    const known = [...ids.keys()];
    const guess = didYouMean(aim, known);
    out.push(
      at(s.source, [...s.basePath, "aim", "measure"], {
        code: "ref.measure_missing",
        message: `the aim names measure \`${aim}\`, which ${formatPath([...s.basePath, "measures"])} does not define`,
        hint: guess
          ? `Did you mean \`${guess}\`?`
          : `Measures of this spotlight: ${known.join(", ")}.`,
        actual: aim,
        expected: known,
      }),
    );
  }
  return out;
}

/** `schema.string_too_long` for every string over the limit (limits.max_string_length). */
function stringLengthDiagnostics(
  value: unknown,
  source: SourceDoc,
  max: number,
  base: Path,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (v: unknown, path: Path) => {
    if (typeof v === "string") {
      if (v.length > max)
        out.push(
          at(source, path, {
            code: "schema.string_too_long",
            message: `\`${formatPath(path)}\` is ${v.length} characters long, over the limit of ${max}`,
            hint: "Shorten the text, or raise limits.max_string_length in the configuration.",
          }),
        );
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i]));
    else if (isObj(v)) for (const k of Object.keys(v)) visit(v[k], [...path, k]);
  };
  visit(value, base);
  return out;
}
