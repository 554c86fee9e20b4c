// Generates the README's reference sections from the code, so they cannot drift: the command
// and flag list (from the commander program), the input reference (from the zod schema) and
// the diagnostics table (from the code catalogue). `npm run docs` rewrites them;
// test/readme.test.ts fails when the README differs from what this produces.
import { z } from "zod";
import type { Command } from "commander";
import { buildProgram } from "../src/cli/main.js";
import { codes } from "../src/diagnostics/codes.js";
import { configSchema } from "../src/schema/config-schema.js";
import { packSchema, paperSchema } from "../src/schema/pack-schema.js";
import { measureSchema, spotlightSchema } from "../src/schema/spotlight-schema.js";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function cliSection(): string {
  const program = buildProgram(
    {
      stdout: { write: () => {}, isTTY: false },
      stderr: { write: () => {}, isTTY: false },
      env: {},
      cwd: ".",
      fs: undefined as never,
      now: () => new Date(0),
    },
    {},
  );
  const out: string[] = [];
  const options = (cmd: Command) =>
    cmd.options.map((o) => {
      const def = o.defaultValue === undefined ? "" : `\`${JSON.stringify(o.defaultValue)}\``;
      const choices = o.argChoices ? ` (${o.argChoices.map((c) => `\`${c}\``).join(", ")})` : "";
      return `| \`${o.flags}\` | ${cell(o.description)}${choices} | ${def} |`;
    });
  out.push(
    "Global options:",
    "",
    "| option | meaning | default |",
    "| --- | --- | --- |",
    ...options(program),
    "",
  );
  for (const cmd of program.commands) {
    const args = cmd.registeredArguments
      .map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))
      .join(" ");
    out.push(
      `#### \`spotlight ${cmd.name()}${args ? " " + args : ""}\``,
      "",
      cmd.description() + ".",
      "",
    );
    if (cmd.options.length) {
      out.push("| option | meaning | default |", "| --- | --- | --- |", ...options(cmd), "");
    }
  }
  return out.join("\n").trimEnd();
}

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
  format?: string;
  minItems?: number;
  minimum?: number;
};

function typeOf(s: JsonSchema): string {
  if (s.enum) return "one of " + s.enum.map((v) => `\`${String(v)}\``).join(", ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" or ");
  if (s.type === "array") return `list of ${s.items ? typeOf(s.items) : "values"}`;
  if (s.format === "date") return "date (YYYY-MM-DD)";
  if (s.type === "object") return "object";
  if (s.type === "integer") return "whole number";
  return Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? "value");
}

function objectRows(schema: JsonSchema, prefix: string, rows: string[], depth: number): void {
  const required = new Set(schema.required ?? []);
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const s = raw.anyOf?.length === 1 ? raw.anyOf[0]! : raw;
    const name = prefix ? `${prefix}.${key}` : key;
    const def =
      s.default === undefined || typeof s.default === "object"
        ? ""
        : ` Default \`${String(s.default)}\`.`;
    rows.push(
      `| \`${name}\` | ${cell(typeOf(s))} | ${required.has(key) ? "yes" : ""} | ${cell((s.description ?? raw.description ?? "") + def)} |`,
    );
    if (depth < 3) {
      if (s.type === "object" && s.properties) objectRows(s, name, rows, depth + 1);
      if (s.type === "array" && s.items?.type === "object" && s.items.properties)
        objectRows(s.items, `${name}[]`, rows, depth + 1);
    }
  }
}

function table(title: string, schema: z.ZodType, intro: string, skip: string[] = []): string {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  for (const k of skip) delete json.properties?.[k];
  const rows: string[] = [];
  objectRows(json, "", rows, 0);
  return [
    `#### ${title}`,
    "",
    intro,
    "",
    "| key | type | required | meaning |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

export function inputSection(): string {
  return [
    table(
      "Pack file (`pack.yaml`)",
      packSchema,
      "The pack names the paper, the data files and the spotlights.",
      ["paper"],
    ),
    "",
    table("`paper:`", paperSchema, "The cover sheet of the board paper."),
    "",
    table(
      "Spotlight (`spotlights/*.yaml`, or inline in `spotlights:`)",
      spotlightSchema,
      "One improvement project.",
      ["measures"],
    ),
    "",
    table(
      "Measure (each entry of `measures:`)",
      measureSchema,
      "A measure of the project; its data comes from the data files.",
    ),
    "",
    table("Configuration (`spotlight.config.yaml`)", configSchema, "All keys are optional."),
  ].join("\n");
}

export function diagnosticsSection(): string {
  const rows = Object.entries(codes).map(([code, info]) => {
    const hint = "hint" in info ? info.hint : "";
    return `| \`${code}\` | ${cell(info.meaning)} | ${cell(hint)} |`;
  });
  return ["| code | meaning | default hint |", "| --- | --- | --- |", ...rows].join("\n");
}

export const sections: Record<string, () => string> = {
  cli: cliSection,
  input: inputSection,
  diagnostics: diagnosticsSection,
};

/** Replaces each `<!-- generated:NAME -->…<!-- /generated:NAME -->` region of the README. */
export function regenerate(readme: string): string {
  let out = readme;
  for (const [name, make] of Object.entries(sections)) {
    const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}\n${make()}\n${close}`);
  }
  return out;
}
