// The command line as a function: main(argv, ctx) parses the arguments with commander, runs
// one command and returns its exit code (0 done, 1 input errors, 2 could not run).
// Commands are imported lazily so `--help` stays fast. Nothing here calls process.exit.
import { Argument, Command, CommanderError, Option } from "commander";
import { version } from "../version.js";
import type { CliContext } from "./context.js";
import { reportFailure, type Action } from "./run-action.js";

export type { Action };

/** The commands, in the order help lists them. */
export const commandNames = [
  "init",
  "validate",
  "render",
  "analyse",
  "convert",
  "schema",
  "templates",
  "completion",
] as const;

/**
 * Builds the commander program; each action records the work to run in `pending`. With `only`,
 * the program has that one command (commander parses `spotlight <command> ...` the same way
 * without the others, and a short command then skips building seven it will not run).
 */
export function buildProgram(
  ctx: CliContext,
  pending: { action?: Action },
  only?: (typeof commandNames)[number],
): Command {
  const program = new Command("spotlight")
    .description(
      "Improvement spotlight sections for NHS board papers: YAML + CSV in, Making Data Count SPC charts, DOCX and Markdown out.",
    )
    .version(version, "-V, --version", "print the version")
    .option("-q, --quiet", "no progress messages on stderr")
    .option("--debug", "show stack traces for unexpected errors")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    })
    .exitOverride();

  const wanted = (name: (typeof commandNames)[number]) => only === undefined || only === name;
  const later = (load: () => Promise<Action>) => {
    pending.action = async (c) => (await load())(c);
  };

  if (wanted("init"))
    program
      .command("init")
      .description("write a complete example board pack to start from")
      .argument("[dir]", "folder to create the pack in", ".")
      .addHelpText("after", "\nExample:\n  spotlight init board-pack\n")
      .action((dir: string) =>
        later(async () => (await import("./commands/init.js")).initCommand(dir, program.opts())),
      );

  if (wanted("validate"))
    program
      .command("validate")
      .description("check a pack or a single spotlight file: schema, data and the trust's standard")
      .argument("<file>", "pack.yaml or a spotlight .yaml file")
      .option("--strict", "treat warnings as errors (exit 1)")
      .addOption(
        new Option("--format <format>", "output format").choices(["text", "json"]).default("text"),
      )
      .option(
        "-c, --config <file>",
        "configuration file (default: spotlight.config.yaml beside the pack)",
      )
      .option("--allow-outside", "allow the pack to name files outside its folder")
      .addHelpText("after", "\nExample:\n  spotlight validate board-pack/pack.yaml --strict\n")
      .action((file: string, opts: Record<string, unknown>) =>
        later(async () =>
          (await import("./commands/validate.js")).validateCommand(file, {
            ...program.opts(),
            ...opts,
          }),
        ),
      );

  if (wanted("render"))
    program
      .command("render")
      .description("render a pack to a board paper (DOCX or Markdown)")
      .argument("<pack>", "pack.yaml (or a single spotlight file)")
      .requiredOption("-o, --output <file>", "output file: paper.docx or paper.md")
      .addOption(
        new Option("--format <format>", "output format (default: from the file name)").choices([
          "docx",
          "md",
        ]),
      )
      .option(
        "-c, --config <file>",
        "configuration file (default: spotlight.config.yaml beside the pack)",
      )
      .option("--templates <dir>", "folder of templates that override the built-ins by file name")
      .option("--strict", "treat warnings as errors: nothing is written when there are any")
      .option("--summary <file>", "also write the analysis and diagnostics per spotlight as JSON")
      .option("--allow-outside", "allow the pack to name files outside its folder")
      .addHelpText(
        "after",
        "\nExamples:\n  spotlight render board-pack/pack.yaml -o paper.docx\n  spotlight render board-pack/pack.yaml -o paper.md --summary summary.json\n",
      )
      .action((pack: string, opts: Record<string, unknown>) =>
        later(async () =>
          (await import("./commands/render.js")).renderCommand(pack, {
            ...program.opts(),
            ...opts,
          }),
        ),
      );

  if (wanted("analyse"))
    program
      .command("analyse")
      .alias("analyze")
      .description("SPC analysis of a data file, in the terminal or as JSON")
      .argument("<data>", "measure data: .csv or .yaml")
      .option("--measure <id>", "only this measure")
      .addOption(
        new Option("--chart <type>", "chart type")
          .choices(["xmr", "run", "p", "u", "c"])
          .default("xmr"),
      )
      .addOption(
        new Option("--improvement <direction>", "which direction is better")
          .choices(["increase", "decrease", "neutral"])
          .default("increase"),
      )
      .option("--target <n>", "target value (gives the assurance icon)")
      .option("--rebase <date...>", "dates where limits are recalculated")
      .option("--baseline-points <n>", "fix the limits after n points of each segment (n >= 12)")
      .option("--screen-outliers", "screen large moving ranges before the limits")
      .option("--no-screen-outliers", "do not screen moving ranges (default)")
      .option("--min-points <n>", "segments with fewer points have trial limits (default 13)")
      .option("--multiplier <n>", "scale P/U charts, e.g. 1000 for per 1,000")
      .addOption(
        new Option("--format <format>", "output format").choices(["text", "json"]).default("text"),
      )
      .option("--charts <dir>", "also write an SVG and PNG chart per measure to this folder")
      .option("-c, --config <file>", "configuration file (columns, date format)")
      .addHelpText(
        "after",
        "\nExamples:\n  spotlight analyse data/falls.csv --improvement decrease --target 5\n  spotlight analyse data.csv --format json > analysis.json\n",
      )
      .action((data: string, opts: Record<string, unknown>) =>
        later(async () =>
          (await import("./commands/analyse.js")).analyseCommand(data, {
            ...program.opts(),
            ...opts,
          }),
        ),
      );

  if (wanted("convert"))
    program
      .command("convert")
      .description("convert a Markdown paper (e.g. an edited paper.md) to DOCX in the house style")
      .argument("<markdown>", "the .md file")
      .requiredOption("-o, --output <file>", "the .docx file to write")
      .option("-c, --config <file>", "configuration file for the house style")
      .addHelpText("after", "\nExample:\n  spotlight convert paper.md -o paper.docx\n")
      .action((md: string, opts: Record<string, unknown>) =>
        later(async () =>
          (await import("./commands/convert.js")).convertCommand(md, {
            ...program.opts(),
            ...opts,
          }),
        ),
      );

  if (wanted("schema"))
    program
      .command("schema")
      .description("print the section schema as JSON Schema (for editor completion)")
      .option("-o, --output <file>", "write to a file instead of stdout")
      .option("--config", "the schema of spotlight.config.yaml instead")
      .addHelpText("after", "\nExample:\n  spotlight schema -o spotlight.schema.json\n")
      .action((opts: Record<string, unknown>) =>
        later(async () =>
          (await import("./commands/schema.js")).schemaCommand({ ...program.opts(), ...opts }),
        ),
      );

  if (wanted("templates"))
    program
      .command("templates")
      .description("list the built-in templates, or copy them to a folder to edit")
      .option("--eject <dir>", "copy the built-in templates to this folder")
      .addHelpText(
        "after",
        "\nExamples:\n  spotlight templates\n  spotlight templates --eject my-templates\n",
      )
      .action((opts: Record<string, unknown>) =>
        later(async () =>
          (await import("./commands/templates.js")).templatesCommand({
            ...program.opts(),
            ...opts,
          }),
        ),
      );

  if (wanted("completion"))
    program
      .command("completion")
      .description("print a shell completion script")
      .addArgument(new Argument("<shell>", "bash or zsh").choices(["bash", "zsh"]))
      .addHelpText("after", '\nExample:\n  eval "$(spotlight completion bash)"   # in ~/.bashrc\n')
      .action((shell: string) =>
        later(async () =>
          (await import("./commands/completion.js")).completionCommand(shell, program),
        ),
      );

  return program;
}

export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  const pending: { action?: Action } = {};
  // `completion` lists every command, so it needs them all.
  const first = commandNames.find((name) => name === argv[0] && name !== "completion");
  const program = buildProgram(ctx, pending, first);
  const debug = argv.includes("--debug");
  if (argv.length === 0) {
    ctx.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    try {
      await program.parseAsync([...argv], { from: "user" });
    } catch (e) {
      if (e instanceof CommanderError) {
        return e.exitCode === 0 ||
          e.code === "commander.helpDisplayed" ||
          e.code === "commander.version"
          ? 0
          : 2;
      }
      throw e;
    }
    if (!pending.action) {
      program.outputHelp({ error: true });
      return 2;
    }
    return await pending.action(ctx);
  } catch (e) {
    return reportFailure(e, ctx, debug);
  }
}
