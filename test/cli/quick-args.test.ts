// quick-args.ts reads the plain forms of `spotlight convert` without commander: whatever it
// accepts, commander must read the same way (same Markdown file, same options); everything else
// it must leave to commander.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import type { CliContext } from "../../src/cli/context.js";
import { nodeIo } from "../../src/cli/node-io.js";
import { quickConvertArgs } from "../../src/cli/quick-args.js";

const quiet = { write: () => undefined, isTTY: false };
const ctx: CliContext = {
  stdout: quiet,
  stderr: quiet,
  env: {},
  cwd: process.cwd(),
  fs: nodeIo,
  now: () => new Date("2030-01-01T00:00:00Z"),
};

/** What main() would give convertCommand, or undefined when commander refuses the arguments. */
async function commanderReads(argv: string[]) {
  const program = buildProgram(ctx, {});
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch {
    return undefined;
  }
  const command = program.commands.find((c) => c.name() === "convert")!;
  if (command.args.length === 0) return undefined;
  return { markdown: command.args[0], opts: { ...program.opts(), ...command.opts() } };
}

describe("quickConvertArgs", () => {
  it.each([
    [["convert", "paper.md", "-o", "paper.docx"]],
    [["convert", "-o", "paper.docx", "paper.md"]],
    [["convert", "paper.md", "--output", "out/p.docx", "-q"]],
    [["convert", "-q", "paper.md", "-c", "house.yaml", "-o", "p.docx"]],
    [["convert", "paper.md", "--config", "house.yaml", "--quiet", "--output", "p.docx"]],
  ])("reads %j as commander does", async (argv) => {
    const quick = quickConvertArgs(argv);
    expect(quick).toBeDefined();
    expect(quick).toEqual(await commanderReads(argv));
  });

  it.each([
    [["convert", "paper.md"]], // no -o: commander's error message
    [["convert", "--help"]],
    [["convert", "paper.md", "-o", "p.docx", "--debug"]],
    [["convert", "paper.md", "--output=p.docx"]],
    [["convert", "paper.md", "-op.docx"]],
    [["convert", "paper.md", "-o", "p.docx", "-o", "q.docx"]],
    [["convert", "paper.md", "-o", "-p.docx"]],
    [["convert", "a.md", "b.md", "-o", "p.docx"]],
    [["convert", "--", "paper.md", "-o", "p.docx"]],
    [["render", "pack.yaml", "-o", "p.docx"]],
    [["-q", "convert", "paper.md", "-o", "p.docx"]],
  ])("leaves %j to commander", (argv) => {
    expect(quickConvertArgs(argv)).toBeUndefined();
  });

  it("never reads an argument list differently from commander", async () => {
    // Pieces as users type them (an option and its value, a flag, a file), in any order, with
    // now and then a piece that is not one of convert's options.
    const value = fc.constantFrom("paper.md", "x.docx", "h.yaml", "-x", "", " ", "--");
    const piece = fc.oneof(
      fc.tuple(fc.constantFrom("-o", "--output", "-c", "--config"), value),
      fc.constantFrom(["-q"], ["--quiet"], ["--debug"], ["-h"], ["-V"], ["--output=x.docx"]),
      fc.constantFrom(["-qo"], ["--"], ["-x"], ["convert"], ["paper.md"], ["b.md"]),
    );
    // Mostly a Markdown file and -o, which a run needs, and up to three more pieces, shuffled.
    const argvs = fc
      .tuple(
        fc.constantFrom("-o", "--output"),
        value,
        fc.array(piece, { maxLength: 3 }),
        fc.boolean(),
      )
      .chain(([o, out, extra, noFile]) => {
        const all = [...(noFile ? [] : [["paper.md"]]), [o, out], ...extra];
        return fc.shuffledSubarray(all, { minLength: all.length });
      });
    await fc.assert(
      fc.asyncProperty(argvs, async (pieces) => {
        const argv = ["convert", ...pieces.flat()];
        const quick = quickConvertArgs(argv);
        if (quick !== undefined) expect(quick).toEqual(await commanderReads(argv));
      }),
      { numRuns: 1000 },
    );
  });
});
