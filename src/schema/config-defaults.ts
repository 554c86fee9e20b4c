// The configuration when there is no config file: what the config schema gives for `{}`, written
// out so that commands without a config file (often `convert`) need not load zod. A test checks
// it against the schema.
import type { Config } from "./config-schema.js";

/** A fresh copy of the default configuration. */
export function defaultConfig(): Config {
  return {
    style: {
      font: "Arial",
      font_size: 11,
      colours: { heading: "#005EB8", text: "#231F20", table_header: "#005EB8" },
    },
    standard: {},
    spc: { min_points: 13, screen_outliers: false, date_format: "dmy" },
    limits: {
      max_file_mb: 512,
      max_rows: 5_000_000,
      max_spotlights: 500,
      max_string_length: 100_000,
    },
  };
}
