// Independent readers for a rendered paper, shared by the example test and
// scripts/screenshots.ts: which tools are installed, LibreOffice headless DOCX → PDF (private
// profile, so parallel runs do not clash), poppler page count and text, and python-docx's view
// of headings, core properties, tables and image alt text.
import { spawnSync } from "node:child_process";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

export const python = "/usr/bin/python3";

const has = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { encoding: "utf8" }).status === 0;

/** Names of the reader tools that are not installed (soffice, poppler, python-docx). */
export function missingTools(): string[] {
  const tools = {
    soffice: has("soffice", ["--version"]),
    poppler: has("pdfinfo", ["-v"]) && has("pdftotext", ["-v"]),
    "python-docx": has(python, ["-c", "import docx"]),
  };
  return Object.entries(tools)
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
}

function run(cmd: string, args: string[], timeout = 30_000): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
    throw new Error(`${cmd} ${args.join(" ")}: ${why}\n${r.stderr}`);
  }
  return r.stdout;
}

/**
 * Converts `docx` to PDF in `outDir` with LibreOffice headless, using a private profile under
 * `outDir`; returns the PDF's path. Throws (with soffice's stderr) if it fails or no PDF appears.
 */
export function docxToPdf(docx: string, outDir: string, timeoutMs = 90_000): string {
  const profile = pathToFileURL(join(outDir, ".lo-profile")).href;
  run(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      docx,
    ],
    timeoutMs,
  );
  const pdf = join(outDir, basename(docx).replace(/\.docx$/i, ".pdf"));
  pdfPages(pdf); // throws if LibreOffice wrote nothing readable
  return pdf;
}

/** Page count from pdfinfo. */
export function pdfPages(pdf: string): number {
  const m = /^Pages:\s+(\d+)$/m.exec(run("pdfinfo", [pdf]));
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** The PDF's text (pdftotext -layout), one string per page. */
export function pdfTextPages(pdf: string): string[] {
  return run("pdftotext", ["-layout", pdf, "-"]).split("\f");
}

/** The first text line of each page, ignoring the running header `header` (1-based pages). */
export function pageOpenings(pages: string[], header: string): string[] {
  return pages.map(
    (page) =>
      page
        .split("\n")
        .map((l) => l.trim())
        .find((l) => l !== "" && l !== header) ?? "",
  );
}

export interface PythonDocxView {
  /** [style name, text] of every body paragraph whose style is a heading or Title. */
  headings: [string, string][];
  title: string;
  language: string;
  /** w:lang values in styles.xml. */
  styleLanguages: string[];
  /** [rows, columns, first row has w:tblHeader] per table. */
  tables: [number, number, boolean][];
  /** [name, descr] of every wp:docPr in the body. */
  images: [string, string][];
}

const pythonScript = `
import docx, json, sys
d = docx.Document(sys.argv[1])
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
def header_row(t):
    pr = t.rows[0]._tr.find(W + "trPr")
    return pr is not None and pr.find(W + "tblHeader") is not None
print(json.dumps({
  "headings": [[p.style.name, p.text] for p in d.paragraphs
               if p.style.name.startswith("Heading") or p.style.name == "Title"],
  "title": d.core_properties.title,
  "language": d.core_properties.language,
  "styleLanguages": sorted(set(e.get(W + "val") for e in d.styles.element.iter(W + "lang"))),
  "tables": [[len(t.rows), len(t.columns), header_row(t)] for t in d.tables],
  "images": [[e.get("name") or "", e.get("descr") or ""] for e in d.element.body.iter(WP + "docPr")],
}))
`;

/** Reads the DOCX with python-docx (an independent OOXML reader). */
export function readWithPythonDocx(docx: string): PythonDocxView {
  return JSON.parse(run(python, ["-c", pythonScript, docx])) as PythonDocxView;
}

/** Every Markdown image `![alt](path)` in document order. */
export function markdownImages(markdown: string): { alt: string; path: string }[] {
  return [...markdown.matchAll(/!\[([^\]]*)\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)].map((m) => ({
    alt: m[1] as string,
    path: m[2] as string,
  }));
}
