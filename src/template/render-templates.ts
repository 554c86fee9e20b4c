// Finds the templates (the built-ins shipped in the package's `templates/` folder, overridden
// by file name from a user's folder) and renders the view model to Markdown with them.
// Files are read only through the ReadIo passed in.
import { packageFile } from "../common/package-files.js";
import { FatalError, diagnostic } from "../diagnostics/diagnostic.js";
import type { ReadIo } from "../io/io.js";
import type { ViewModel } from "../model/view-model.js";
import { compileTemplates, type TemplateSource } from "./engine.js";
import { precompiled } from "./precompiled.js";

/** Name of the main template (`paper.md.hbs`); every other template file is a partial. */
export const mainTemplate = "paper";

/** The package's own templates folder. */
export function builtinTemplatesDir(): string {
  return packageFile("templates/");
}

/** `key-facts.md.hbs` → `key-facts`; undefined for files that are not templates. */
export function templateName(fileName: string): string | undefined {
  const m = /^(.+?)(?:\.md)?\.hbs$/.exec(fileName);
  return m?.[1];
}

const decoder = new TextDecoder("utf-8");

async function readFolder(
  io: ReadIo,
  dir: string,
  label: (name: string) => string,
): Promise<TemplateSource[]> {
  const base = dir.endsWith("/") ? dir : `${dir}/`;
  let entries;
  try {
    entries = await io.readDir(base);
  } catch (e) {
    throw unreadable(dir, e);
  }
  const files = entries
    .filter((e) => !e.isDirectory && templateName(e.name) !== undefined)
    .map((e) => e.name)
    .sort();
  const out: TemplateSource[] = [];
  for (const name of files) {
    let bytes;
    try {
      bytes = await io.readFile(base + name);
    } catch (e) {
      throw unreadable(label(name), e);
    }
    out.push({ name: templateName(name)!, file: label(name), source: decoder.decode(bytes) });
  }
  return out;
}

function unreadable(file: string, e: unknown): FatalError {
  const reason = (e as { code?: string }).code ?? String((e as Error).message ?? e);
  return new FatalError(
    diagnostic({ code: "template.unreadable", file, message: `cannot read templates (${reason})` }),
    { cause: e },
  );
}

/**
 * The template set: built-ins, with any file of the same name in `templatesDir` replacing
 * its built-in (templates and partials alike) and new files added as partials.
 */
export async function loadTemplates(io: ReadIo, templatesDir?: string): Promise<TemplateSource[]> {
  const builtinDir = builtinTemplatesDir();
  const builtins = await readFolder(io, builtinDir, (n) => `${builtinDir}${n}`);
  if (templatesDir === undefined) return builtins;
  const dir = templatesDir.replace(/\/+$/, "");
  const overrides = await readFolder(io, dir, (n) => `${dir}/${n}`);
  const byName = new Map(builtins.map((t) => [t.name, t]));
  for (const t of overrides) byName.set(t.name, t);
  return [...byName.values()];
}

/** Tidies template output: no trailing spaces, at most one blank line in a row, one final newline. */
export function tidyMarkdown(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

export interface RenderTemplatesOptions {
  io: ReadIo;
  /** A folder whose templates override the built-ins by file name. */
  templatesDir?: string;
}

/** Renders the view model to Markdown. Template problems throw FatalError (exit 2). */
export async function renderTemplates(
  vm: ViewModel,
  opts: RenderTemplatesOptions,
): Promise<string> {
  return renderTemplateSources(vm, await loadTemplates(opts.io, opts.templatesDir));
}

/** Renders the view model with templates already read by {@link loadTemplates}. */
export function renderTemplateSources(vm: ViewModel, sources: TemplateSource[]): string {
  return tidyMarkdown(compileTemplates(sources, mainTemplate, precompiled).render(vm));
}

/** A built-in template: its file name and the one-line purpose from its opening comment. */
export interface TemplateInfo {
  file: string;
  name: string;
  purpose: string;
  source: string;
}

/** The built-in templates, main template first, each with its purpose. */
export async function listBuiltinTemplates(io: ReadIo): Promise<TemplateInfo[]> {
  const dir = builtinTemplatesDir();
  const all = await readFolder(io, dir, (n) => n);
  return all
    .map((t) => ({
      file: t.file,
      name: t.name,
      purpose: /^\{\{!--\s*([\s\S]*?)\s*--\}\}/.exec(t.source)?.[1]?.replace(/\s+/g, " ") ?? "",
      source: t.source,
    }))
    .sort((a, b) => Number(b.name === mainTemplate) - Number(a.name === mainTemplate));
}
