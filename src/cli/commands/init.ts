// `spotlight init [dir]`: copies the bundled Northshire example pack (pack, config, spotlights,
// data) into a folder, pointing its `$schema` lines at the package's JSON Schema. It checks
// every target first and writes nothing if any file already exists (exit 1, `init.exists`).
import { lstat, readdir, readFile, rm, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { packageFile } from "../../common/package-files.js";
import { FatalError, diagnostic } from "../../diagnostics/diagnostic.js";
import { writeFileAtomic } from "../../write/safe-write.js";
import type { CliContext } from "../context.js";
import { formatDiagnosticsText, useColour } from "../print-diagnostics.js";

/** The example pack shipped with the package. */
export const exampleDir = packageFile("examples/northshire/");
/** The JSON Schema shipped with the package. */
export const schemaFile = packageFile("schema/spotlight.schema.json");

const schemaLine = /^# yaml-language-server: \$schema=.*$/m;

/** A file of the scaffold: where it comes from and where it goes, relative to both folders. */
export interface ScaffoldFile {
  /** Path relative to the pack folder, with `/` separators, e.g. `spotlights/falls.yaml`. */
  name: string;
  source: string;
}

async function filesIn(dir: string, sub: string, ext: RegExp): Promise<ScaffoldFile[]> {
  const entries = await readdir(join(dir, sub), { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name: `${sub}/${name}`, source: join(dir, sub, name) }));
}

/** The files `init` copies: the pack, the config, the spotlights and the data (not make-data.ts). */
export async function scaffoldFiles(dir = exampleDir): Promise<ScaffoldFile[]> {
  try {
    return [
      { name: "pack.yaml", source: join(dir, "pack.yaml") },
      { name: "spotlight.config.yaml", source: join(dir, "spotlight.config.yaml") },
      ...(await filesIn(dir, "spotlights", /\.ya?ml$/i)),
      ...(await filesIn(dir, "data", /\.csv$/i)),
    ];
  } catch (e) {
    throw new FatalError(
      diagnostic({
        code: "file.unreadable",
        message: `the bundled example pack cannot be read at ${dir}: ${(e as Error).message}`,
        hint: "Reinstall board-spotlight; the package should ship examples/northshire.",
      }),
      { cause: e },
    );
  }
}

/** The folder whose contents belong to one project: the parent of the outermost node_modules. */
function projectRootOf(packageRoot: string): string {
  const parts = packageRoot.split(sep);
  const at = parts.indexOf("node_modules");
  return at > 0 ? parts.slice(0, at).join(sep) || sep : packageRoot;
}

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/**
 * How a YAML file in `fileDir` should name the schema: a relative path when the package lives
 * in the same project (node_modules or a checkout), so the pack can be committed and moved
 * with the project; otherwise (global install, npx cache) an absolute path.
 */
export function schemaReference(fileDir: string, schema = schemaFile): string {
  const packageRoot = dirname(dirname(schema));
  if (inside(fileDir, projectRootOf(packageRoot))) {
    return relative(fileDir, schema).split(sep).join("/");
  }
  return sep === "/" ? schema : pathToFileURL(schema).href;
}

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );

const shellWord = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function initCommand(dir: string, opts: Record<string, unknown>) {
  return async (ctx: CliContext): Promise<number> => {
    const colour = useColour(ctx.env, ctx.stderr.isTTY);
    const target = resolve(ctx.cwd, dir);
    const files = await scaffoldFiles();

    const targetStat = await stat(target).catch(() => undefined);
    const clash = targetStat?.isDirectory() === false ? dir : await firstClash(target, files);
    if (clash !== undefined) {
      const shown = clash === dir ? dir : join(dir, clash);
      ctx.stderr.write(
        formatDiagnosticsText(
          [
            diagnostic({
              code: "init.exists",
              file: shown,
              message: `${shown} already exists; init never overwrites files, so nothing was written`,
            }),
          ],
          colour,
        ),
      );
      return 1;
    }

    const written: string[] = [];
    try {
      for (const f of files) {
        const out = join(target, ...f.name.split("/"));
        const bytes = await readFile(f.source);
        const content = /\.ya?ml$/i.test(f.name)
          ? bytes
              .toString("utf8")
              .replace(
                schemaLine,
                `# yaml-language-server: $schema=${schemaReference(dirname(out))}`,
              )
          : bytes;
        await writeFileAtomic(out, content);
        written.push(out);
      }
    } catch (e) {
      await Promise.all(written.map((p) => rm(p, { force: true })));
      throw new FatalError(
        diagnostic({
          code: "output.write_failed",
          file: dir,
          message: `could not write the example pack: ${(e as Error).message}`,
        }),
        { cause: e },
      );
    }

    if (opts.quiet !== true) {
      const pack = shellWord(dir === "." ? "pack.yaml" : join(dir, "pack.yaml"));
      ctx.stderr.write(
        `Wrote an example board pack (${files.length} files) to ${dir === "." ? "this folder" : dir}.\n` +
          `Next:\n` +
          `  spotlight validate ${pack}\n` +
          `  spotlight render ${pack} -o paper.docx\n` +
          `  spotlight render ${pack} -o paper.md --summary summary.json\n`,
      );
    }
    return 0;
  };
}

async function firstClash(target: string, files: ScaffoldFile[]): Promise<string | undefined> {
  for (const f of files) {
    if (await exists(join(target, ...f.name.split("/")))) return f.name;
  }
  // A file where init needs a folder (spotlights, data) also stops it.
  for (const sub of new Set(
    files
      .map((f) => f.name.split("/"))
      .filter((p) => p.length > 1)
      .map((p) => p[0]!),
  )) {
    const s = await stat(join(target, sub)).catch(() => undefined);
    if (s !== undefined && !s.isDirectory()) return sub;
  }
  return undefined;
}
