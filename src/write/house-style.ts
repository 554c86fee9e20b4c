// The house style's own files (reference DOCX, logo) and its header and footer text, shared by
// `render` (through paper.ts) and `convert`. A file that cannot be read is a diagnostic at the
// config key that names it; the paper is then refused, never written without it.
import { resolve } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReadIo } from "../io/io.js";
import type { SourceDoc } from "../load/types.js";
import type { Config } from "../schema/config-schema.js";

export interface HouseStyleFiles {
  referenceDocx?: Uint8Array;
  logo?: Uint8Array;
  diagnostics: Diagnostic[];
}

/**
 * Reads `style.reference_docx` and `style.logo`, relative to `baseDir` (the config's folder).
 * `source` is the config file, for the position of a diagnostic; `show` names a path for people.
 */
export async function readHouseStyleFiles(
  io: ReadIo,
  style: Config["style"],
  baseDir: string,
  source: SourceDoc | undefined,
  show: (abs: string) => string,
): Promise<HouseStyleFiles> {
  const out: HouseStyleFiles = { diagnostics: [] };
  const read = async (
    key: "reference_docx" | "logo",
    code: Diagnostic["code"],
    what: string,
  ): Promise<Uint8Array | undefined> => {
    const rel = style[key];
    if (rel === undefined) return undefined;
    const abs = resolve(baseDir, rel);
    try {
      return await io.readFile(abs);
    } catch {
      const path = ["style", key];
      out.diagnostics.push(
        diagnostic({
          code,
          message: `cannot read the ${what} ${show(abs)}`,
          ...(source ? { file: source.file, ...source.locate(path), path } : {}),
        }),
      );
      return undefined;
    }
  };
  const referenceDocx = await read("reference_docx", "style.reference_docx", "reference DOCX");
  const logo = await read("logo", "file.unreadable", "logo");
  if (referenceDocx) out.referenceDocx = referenceDocx;
  if (logo) out.logo = logo;
  return out;
}

/**
 * Fills `{organisation}`, `{meeting}`, `{title}` and `{date}` in a header or footer; a
 * placeholder with no value is dropped with the separator next to it ("A — {x}" → "A").
 */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? "")
    .replace(/^[\s\u2014\u2013|,:-]+|[\s\u2014\u2013|,:-]+$/g, "")
    .replace(/\s*([\u2014\u2013|])\s*(?:[\u2014\u2013|]\s*)+/g, " $1 ");
}

/** The header and footer options of the DOCX writer, filled from the style. */
export function headerAndFooter(
  style: Config["style"],
  values: Record<string, string>,
): { header?: string; footer?: string } {
  return {
    ...(style.header ? { header: fillPlaceholders(style.header, values) } : {}),
    ...(style.footer ? { footer: fillPlaceholders(style.footer, values) } : {}),
  };
}
