// The documents the standard checks read (the paper and each spotlight), their free-text
// fields in rendered order, and where a value sits in its YAML file. Checks build their
// diagnostics' file/line/column/path only through `where` and `whereInString`.
import type { PackAnalyses } from "../analysis/analyse-pack.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Pack, SourceDoc } from "../load/types.js";
import type { Config } from "../schema/config-schema.js";
import type { Spotlight } from "../schema/spotlight-schema.js";

export type Path = (string | number)[];

export interface Doc {
  kind: "paper" | "spotlight";
  /** The paper or spotlight as plain data. */
  data: Record<string, unknown>;
  file: string;
  source: SourceDoc | undefined;
  /** Data path of the document inside its source file. */
  basePath: Path;
}

export interface SpotlightDoc extends Doc {
  kind: "spotlight";
  spotlight: Spotlight;
}

/** Everything a check may read: pure data, no I/O. */
export interface CheckContext {
  /** The paper first (when there is one), then the spotlights in pack order. */
  docs: Doc[];
  spotlights: SpotlightDoc[];
  standard: Config["standard"];
  configFile: string | undefined;
  configSource: SourceDoc | undefined;
  analyses: PackAnalyses;
}

export type Check = (ctx: CheckContext) => Diagnostic[];

export function checkContext(pack: Pack, analyses: PackAnalyses): CheckContext {
  const spotlights: SpotlightDoc[] = pack.spotlights.map((s) => ({
    kind: "spotlight",
    data: s.spotlight as unknown as Record<string, unknown>,
    spotlight: s.spotlight,
    file: s.source.file,
    source: s.source,
    basePath: s.basePath,
  }));
  const docs: Doc[] = [];
  if (pack.paper !== undefined) {
    docs.push({
      kind: "paper",
      data: pack.paper as unknown as Record<string, unknown>,
      file: pack.paperSource?.file ?? pack.file,
      source: pack.paperSource,
      basePath: ["paper"],
    });
  }
  docs.push(...spotlights);
  return {
    docs,
    spotlights,
    standard: pack.config.standard,
    configFile: pack.configSource?.file,
    configSource: pack.configSource,
    analyses,
  };
}

export type Place = Pick<Diagnostic, "file" | "line" | "column" | "path">;

/** Position of the value at `path` (relative to the document), or of its nearest parent. */
export function where(doc: Doc, path: Path): Place {
  const full = [...doc.basePath, ...path];
  const pos = doc.source?.locate(full);
  return { file: doc.file, line: pos?.line, column: pos?.column, path: full };
}

/** Position of character `index` of the string at `path`; the value's position as a fallback. */
export function whereInString(doc: Doc, path: Path, index: number): Place {
  const full = [...doc.basePath, ...path];
  const pos = doc.source?.locateInString(full, index) ?? doc.source?.locate(full);
  return { file: doc.file, line: pos?.line, column: pos?.column, path: full };
}

/** Position of a value inside the configuration file (for problems in the standard itself). */
export function whereInConfig(ctx: CheckContext, path: Path, key = false): Place {
  const pos = key ? ctx.configSource?.locateKey(path) : ctx.configSource?.locate(path);
  return { file: ctx.configFile, line: pos?.line, column: pos?.column, path };
}

/**
 * Free-text fields in rendered order (DESIGN §6.4); `*` stands for every item of a list.
 * Names, roles, ids, services and the trust's own lists are not free text.
 */
export const spotlightTextFields = [
  "title",
  "problem",
  "background",
  "aim.statement",
  "measures.*.name",
  "measures.*.definition",
  "measures.*.annotations.*.label",
  "results",
  "change_ideas.*.description",
  "pdsa.*.change",
  "pdsa.*.prediction",
  "pdsa.*.result",
  "pdsa.*.learning",
  "involvement.patients.description",
  "involvement.staff.description",
  "waste.*.description",
  "successes.*.text",
  "risks.*.description",
  "risks.*.impact",
  "risks.*.mitigation",
  "ask.text",
  "next_steps.*.action",
  "sustain",
  "data_quality",
  "patient_story.summary",
  "images.*.alt",
  "images.*.caption",
] as const;

export const paperTextFields = [
  "title",
  "summary",
  "recommendations.*",
  "previously_considered_by.*.outcome",
  "equality_impact",
  "quality_impact",
] as const;

/** A field name as a trust writes it in config: the pattern without list markers. */
export function fieldName(pattern: string): string {
  return pattern.replace(/\.\*/g, "");
}

export interface TextValue {
  /** Field name without list indices, e.g. `pdsa.learning`. */
  field: string;
  /** Data path relative to the document. */
  path: Path;
  text: string;
}

/** Every value matching a dotted pattern (`*` = each list item), with its concrete path. */
export function valuesAt(data: unknown, pattern: string): { path: Path; value: unknown }[] {
  let found: { path: Path; value: unknown }[] = [{ path: [], value: data }];
  for (const part of pattern.split(".")) {
    const next: { path: Path; value: unknown }[] = [];
    for (const { path, value } of found) {
      if (part === "*") {
        if (Array.isArray(value))
          value.forEach((v, i) => next.push({ path: [...path, i], value: v }));
      } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const v = (value as Record<string, unknown>)[part];
        if (v !== undefined) next.push({ path: [...path, part], value: v });
      }
    }
    found = next;
  }
  return found;
}

/** The document's free-text values in rendered order. */
export function textValues(doc: Doc): TextValue[] {
  const patterns = doc.kind === "paper" ? paperTextFields : spotlightTextFields;
  const out: TextValue[] = [];
  for (const pattern of patterns) {
    for (const { path, value } of valuesAt(doc.data, pattern)) {
      if (typeof value === "string") out.push({ field: fieldName(pattern), path, text: value });
    }
  }
  return out;
}

/** Field names a trust may give a word limit (spotlight and paper text fields). */
export const textFieldNames: readonly string[] = [
  ...new Set([...spotlightTextFields, ...paperTextFields].map(fieldName)),
];

/** The label of a document in messages: `spotlight "falls-ward7"` or `the paper`. */
export function docLabel(doc: Doc): string {
  return doc.kind === "paper" ? "the paper" : `spotlight "${String(doc.data["id"])}"`;
}
