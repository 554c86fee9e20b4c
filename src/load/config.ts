// Finds, reads and validates the configuration file: `--config <file>` when given (relative
// to the working directory), else spotlight.config.yaml (or .yml) beside the pack, else the
// built-in defaults. Problems use the same schema.* codes as the pack, in the config's file.
import { dirname, join, relative, resolve } from "node:path";
import { FatalError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReadIo } from "../io/io.js";
import { defaultConfig } from "../schema/config-defaults.js";
import type { Config } from "../schema/config-schema.js";
import type { SourceDoc } from "./types.js";

export const CONFIG_NAMES = ["spotlight.config.yaml", "spotlight.config.yml"] as const;

export interface LoadConfigOptions {
  io: ReadIo;
  /** Folder of the pack (absolute); the config file is looked for here. */
  packDir: string;
  /** `--config` as typed by the user (relative to cwd). */
  configFile?: string;
  cwd: string;
}

export interface LoadedConfig {
  config: Config;
  source?: SourceDoc;
  /** Absolute path of the config file read; paths inside it are relative to its folder. */
  file?: string;
  diagnostics: Diagnostic[];
}

/** A path as the user would type it: relative to cwd, forward slashes. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs) || ".";
  return rel.replace(/\\/g, "/");
}

/**
 * Loads the configuration. A missing or unreadable `--config` file cannot run (FatalError);
 * an invalid one gives diagnostics and the defaults.
 */
export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig> {
  const { io, cwd } = opts;
  let abs: string | undefined;
  if (opts.configFile !== undefined) {
    abs = resolve(cwd, opts.configFile);
  } else {
    for (const name of CONFIG_NAMES) {
      const candidate = join(resolve(cwd, opts.packDir), name);
      if ((await io.fileSize(candidate)) !== undefined) {
        abs = candidate;
        break;
      }
    }
  }
  if (abs === undefined) return { config: defaultConfig(), diagnostics: [] };

  const display = displayPath(cwd, abs);
  // The YAML parser and the schema are loaded only when there is a config file (`convert` often
  // has none).
  const { readYamlFile, configSchema, validateWithSchema } = await import("./config-file.js");
  const read = await readYamlFile(abs, display, io, {
    maxBytes: 16 * 1048576,
    at: { file: display },
  });
  if (read.failed) {
    if (opts.configFile !== undefined)
      throw new FatalError(
        read.diagnostics.map((d) => ({
          ...d,
          hint: "The --config path is relative to the current folder.",
        })),
      );
    return { config: defaultConfig(), file: abs, diagnostics: read.diagnostics };
  }
  const diagnostics = [...read.diagnostics];
  if (read.value === undefined || !read.source) {
    return { config: defaultConfig(), file: abs, source: read.source, diagnostics };
  }
  // An empty config file means "all defaults".
  const value = read.value === null ? {} : read.value;
  const checked = validateWithSchema(configSchema, value, read.source);
  diagnostics.push(...checked.diagnostics);
  return {
    config: checked.data ?? defaultConfig(),
    source: read.source,
    file: abs,
    diagnostics,
  };
}

/** Folder that relative paths in the config (templates, logo, reference_docx) are resolved against. */
export function configDir(loaded: LoadedConfig, packDir: string): string {
  return loaded.file ? dirname(loaded.file) : packDir;
}
