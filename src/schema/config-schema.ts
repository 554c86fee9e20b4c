// The configuration file spotlight.config.yaml (DESIGN §3.4): house style, the trust's
// section standard, SPC defaults, template folder, column renames and input limits.
import { z } from "zod";
import { stringList } from "./fields.js";

const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: "expected a colour written #RRGGBB" });
export const checkLevels = ["off", "info", "warning", "error"] as const;

export const configSchema = z
  .strictObject({
    style: z
      .strictObject({
        font: z.string().min(1).default("Arial").meta({ description: "Body and heading font." }),
        font_size: z.number().min(6).max(24).default(11).meta({ description: "Body text size in points." }),
        colours: z
          .strictObject({
            heading: colour.default("#005EB8"),
            text: colour.default("#231F20"),
            table_header: colour.default("#005EB8"),
          })
          .prefault({}),
        reference_docx: z.string().optional().meta({ description: "A trust Word file whose styles the DOCX uses." }),
        header: z.string().optional().meta({ description: "Page header; {organisation}, {meeting}, {title} and {date} are filled in." }),
        footer: z.string().optional().meta({ description: "Page footer text before the page number." }),
        logo: z.string().optional().meta({ description: "PNG logo for the page header." }),
      })
      .prefault({}),
    standard: z
      .strictObject({
        word_limits: z.record(z.string(), z.int().min(1)).optional().meta({ description: "Word limit per field, e.g. {problem: 120}." }),
        require: stringList("Optional spotlight fields the trust requires.").optional(),
        allowed: z
          .strictObject({
            strategic_objectives: stringList("Allowed strategic objectives.").optional(),
            values: stringList("Allowed trust values.").optional(),
            baf_risks: stringList("Allowed BAF risk ids.").optional(),
          })
          .optional(),
        language: z.record(z.string(), z.string()).optional().meta({ description: "Phrase → preferred phrase." }),
        solution_words: stringList("Words that mark solution framing in problem and title.").optional(),
        glossary: stringList("Acronyms that need no spelling out.").optional(),
        max_sentence_words: z.int().min(5).optional(),
        checks: z
          .record(z.string(), z.enum(checkLevels))
          .optional()
          .meta({ description: "Per check code: off, info, warning or error." }),
      })
      .prefault({}),
    spc: z
      .strictObject({
        min_points: z.int().min(2).default(13),
        screen_outliers: z.boolean().default(false),
        date_format: z.enum(["dmy", "mdy"]).default("dmy").meta({ description: "How to read dates like 03/04/2024." }),
      })
      .prefault({}),
    templates: z.string().optional().meta({ description: "Folder of templates that override the built-ins by file name." }),
    columns: z.record(z.string(), z.string()).optional().meta({ description: "Our column name → the name in your data files." }),
    limits: z
      .strictObject({
        max_file_mb: z.number().positive().default(512),
        max_rows: z.int().positive().default(5_000_000),
        max_spotlights: z.int().positive().default(500),
        max_string_length: z.int().positive().default(100_000),
      })
      .prefault({}),
  })
  .meta({ description: "board-spotlight configuration (spotlight.config.yaml)." });

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

export { defaultConfig } from "./config-defaults.js";
