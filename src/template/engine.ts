// The Handlebars environment: a private instance (never the global one) compiled with strict,
// knownHelpersOnly and noEscape. Checks every template before running it (syntax, unknown
// helpers, missing partials) and turns any template problem into a FatalError whose
// diagnostics name the template file and line. The only module family importing handlebars.
import * as handlebarsModule from "handlebars";
import { FatalError, diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { MissingValueError, helperNames, logicHelpers, valueHelpers } from "./helpers.js";
import type { PrecompiledTemplate } from "./precompiled.js";

/** One template file: its name (file name without `.md.hbs`/`.hbs`), path for messages, text. */
export interface TemplateSource {
  name: string;
  file: string;
  source: string;
}

type HbNode = { type?: string; loc?: { start: { line: number; column: number } } } & Record<
  string,
  unknown
>;

// handlebars is CommonJS: under Node's ESM loader its API is the default export.
const Handlebars =
  (handlebarsModule as unknown as { default?: typeof handlebarsModule }).default ??
  handlebarsModule;

const compileOptions = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(helperNames.map((n) => [n, true])),
};

function templateDiagnostic(
  code: DiagnosticCode,
  file: string,
  message: string,
  line?: number,
  column?: number,
): Diagnostic {
  const d: Parameters<typeof diagnostic>[0] = { code, file, message };
  if (line !== undefined) d.line = line;
  if (column !== undefined) d.column = column;
  return diagnostic(d);
}

/** Every node of a Handlebars AST, depth first. */
function* walk(node: unknown): Generator<HbNode> {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as HbNode;
  if (typeof n.type === "string") yield n;
  for (const [key, value] of Object.entries(n)) {
    if (key !== "loc" && typeof value === "object") yield* walk(value);
  }
}

const pathName = (p: unknown): string | undefined =>
  p && typeof p === "object" && (p as HbNode).type === "PathExpression"
    ? String((p as { original: unknown }).original)
    : undefined;

/** Static checks of one parsed template: unknown helpers and partials that do not exist. */
function checkAst(t: TemplateSource, ast: unknown, partials: Set<string>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const known = new Set(helperNames);
  for (const n of walk(ast)) {
    const at = n.loc?.start;
    const line = at?.line;
    const column = at === undefined ? undefined : at.column + 1;
    if (
      n.type === "MustacheStatement" ||
      n.type === "BlockStatement" ||
      n.type === "SubExpression"
    ) {
      const name = pathName(n.path);
      const params = (n.params as unknown[] | undefined) ?? [];
      const isCall = n.type === "SubExpression" || params.length > 0 || n.hash !== undefined;
      if (name !== undefined && isCall && !known.has(name) && !name.startsWith("@")) {
        found.push(
          templateDiagnostic(
            "template.unknown_helper",
            t.file,
            `unknown helper "${name}" (helpers: ${[...known].sort().join(", ")})`,
            line,
            column,
          ),
        );
      }
    } else if (n.type === "PartialStatement") {
      const name = pathName(n.name);
      if (name !== undefined && !name.startsWith("@") && !partials.has(name)) {
        found.push(
          templateDiagnostic(
            "template.missing_partial",
            t.file,
            `partial "${name}" does not exist (no ${name}.md.hbs or ${name}.hbs)`,
            line,
            column,
          ),
        );
      }
    }
  }
  return found;
}

function syntaxDiagnostic(t: TemplateSource, e: unknown): Diagnostic {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  const line = err.lineNumber ?? Number(/line (\d+)/.exec(message)?.[1] ?? NaN);
  const firstLine = message.split("\n")[0]!.replace(/ - \d+:\d+$/, "");
  const detail = message.split("\n").slice(-1)[0]!;
  return templateDiagnostic(
    "template.syntax",
    t.file,
    firstLine === detail ? firstLine : `${firstLine} ${detail}`,
    Number.isNaN(line) ? undefined : line,
    err.column === undefined ? undefined : err.column + 1,
  );
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/**
 * Compiles one template's source to the JavaScript of a Handlebars template specification, with
 * the options {@link compileTemplates} uses (for scripts/precompile-templates.mjs). Problems
 * throw as {@link compileTemplates} reports them.
 */
export function precompileTemplate(t: TemplateSource, partialNames: Set<string>): string {
  const hb = Handlebars.create();
  let ast: unknown;
  try {
    ast = hb.parse(t.source);
  } catch (e) {
    throw new FatalError(syntaxDiagnostic(t, e));
  }
  const problems = checkAst(t, ast, partialNames);
  if (problems.length > 0) throw new FatalError(problems);
  return String(hb.precompile(ast as Parameters<typeof hb.precompile>[0], compileOptions));
}

/** A compiled set of templates; `render(context)` runs the main template. */
export interface CompiledTemplates {
  render(context: object): string;
}

/**
 * Parses, checks and compiles templates. Throws FatalError listing every syntax error,
 * unknown helper and missing partial, each with file and line.
 */
export function compileTemplates(
  sources: TemplateSource[],
  mainName: string,
  ahead: Record<string, PrecompiledTemplate> = {},
): CompiledTemplates {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries({ ...valueHelpers, ...logicHelpers })) {
    hb.registerHelper(name, fn);
  }
  const main = sources.find((s) => s.name === mainName);
  if (!main) {
    throw new FatalError(
      diagnostic({
        code: "template.missing_partial",
        message: `there is no main template "${mainName}.md.hbs"`,
      }),
    );
  }
  const partialNames = new Set(sources.filter((s) => s !== main).map((s) => s.name));
  const problems: Diagnostic[] = [];
  const asts = new Map<TemplateSource, unknown>();
  // A built-in compiled ahead of time was checked then; the same source needs no second look.
  const precompiledFor = (t: TemplateSource) =>
    Object.hasOwn(ahead, t.name) && ahead[t.name]!.source === t.source
      ? ahead[t.name]!.spec
      : undefined;
  for (const t of sources) {
    if (precompiledFor(t) !== undefined) continue;
    try {
      const ast = hb.parse(t.source);
      asts.set(t, ast);
      problems.push(...checkAst(t, ast, partialNames));
    } catch (e) {
      problems.push(syntaxDiagnostic(t, e));
    }
  }
  if (problems.length > 0) throw new FatalError(problems);

  // Which template a runtime error happened in: the innermost partial records itself.
  const origin = new WeakMap<object, TemplateSource>();
  const compiled = new Map<TemplateSource, HandlebarsTemplateDelegate>();
  for (const t of sources) {
    const spec = precompiledFor(t);
    compiled.set(
      t,
      spec !== undefined
        ? hb.template(spec as TemplateSpecification)
        : hb.compile(asts.get(t), compileOptions),
    );
  }
  for (const t of sources) {
    if (t === main) continue;
    const fn = compiled.get(t)!;
    hb.registerPartial(t.name, ((context: unknown, options: RuntimeOptions) => {
      try {
        return fn(context, options);
      } catch (e) {
        if (e !== null && typeof e === "object" && !origin.has(e)) origin.set(e, t);
        throw e;
      }
    }) as unknown as HandlebarsTemplateDelegate);
  }
  const run = compiled.get(main)!;
  return {
    render(context) {
      try {
        return run(context);
      } catch (e) {
        const where = (e !== null && typeof e === "object" && origin.get(e)) || main;
        throw new FatalError(runtimeDiagnostic(where, e), { cause: e });
      }
    },
  };
}

type RuntimeOptions = Parameters<HandlebarsTemplateDelegate>[1];

function runtimeDiagnostic(t: TemplateSource, e: unknown): Diagnostic {
  if (e instanceof MissingValueError) {
    const source = e.line === undefined ? undefined : t.source.split("\n")[e.line - 1];
    const expr = source?.slice((e.column ?? 1) - 1).match(/^\{\{[^}]*\}\}/)?.[0];
    return templateDiagnostic(
      "template.missing_variable",
      t.file,
      `${expr ?? `the ${e.helper} helper`} names a value that is not in the view model`,
      e.line,
      e.column,
    );
  }
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  const strict = /^"([^"]+)" not defined in/.exec(message);
  if (strict) {
    return templateDiagnostic(
      "template.missing_variable",
      t.file,
      `"${strict[1]}" is not in the view model`,
      err.lineNumber,
      err.column === undefined ? undefined : err.column + 1,
    );
  }
  return templateDiagnostic("template.render", t.file, `template failed: ${message}`);
}
