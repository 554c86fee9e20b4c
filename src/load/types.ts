// Types of what the loaders produce: source positions, measure data points and the loaded pack.
// Loaders fill these; check, analyse and the view model read them.
import type { Config } from "../schema/config-schema.js";
import type { Paper } from "../schema/pack-schema.js";
import type { Spotlight } from "../schema/spotlight-schema.js";

export interface Position {
  line: number;
  column: number;
}

/** Positions inside one parsed YAML file. */
export interface SourceDoc {
  /** File as the user named it (relative to the working directory). */
  file: string;
  /** Position of the node at a data path (the key's value), or of its nearest existing parent. */
  locate(path: readonly (string | number)[]): Position | undefined;
  /** Position of the key itself at a path (for unknown keys), falling back to locate(). */
  locateKey(path: readonly (string | number)[]): Position | undefined;
  /**
   * Position of character `index` of the string value at `path` (for a phrase inside a text
   * field). Handles plain, quoted and block scalars; undefined when the value is not a string.
   */
  locateInString(path: readonly (string | number)[], index: number): Position | undefined;
}

/** One row of measure data after conversion. */
export interface DataPoint {
  /** ISO date YYYY-MM-DD (month data uses the first of the month). */
  date: string;
  /** null = missing. Computed as numerator / denominator when only those are given. */
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** Becomes a chart annotation. */
  note?: string;
  /** Where the row came from, for diagnostics. */
  file: string;
  line: number;
}

/** Rows read from the data files before they are matched to spotlights and measures. */
export interface DataRow extends DataPoint {
  spotlight?: string;
  measure: string;
}

/** A spotlight as loaded, with where it came from. */
export interface LoadedSpotlight {
  spotlight: Spotlight;
  source: SourceDoc;
  /** Data path of the spotlight inside its source: [] for a spotlight file, ["spotlights", i] inline. */
  basePath: (string | number)[];
}

export interface Pack {
  /** The pack file, or the single spotlight file, as given. */
  file: string;
  /** Folder the pack's relative paths are resolved against. */
  dir: string;
  /** Absent when a single spotlight file was loaded. */
  paper?: Paper;
  paperSource?: SourceDoc;
  spotlights: LoadedSpotlight[];
  /** Data per spotlight id, then per measure id, sorted by date. */
  data: Map<string, Map<string, DataPoint[]>>;
  /** Every file read (inputs), absolute paths: the writer refuses to overwrite them. */
  inputs: string[];
  config: Config;
  configSource?: SourceDoc;
}

export function dataKey(spotlightId: string, measureId: string): string {
  return `${spotlightId}/${measureId}`;
}
