// main() builds only the command it is given (buildProgram's `only`): that program must parse
// and explain the command exactly as the full program does.
import { describe, expect, it } from "vitest";
import { buildProgram, commandNames } from "../../src/cli/main.js";
import type { CliContext } from "../../src/cli/context.js";
import { nodeIo } from "../../src/cli/node-io.js";

const ctx: CliContext = {
  stdout: { write: () => undefined, isTTY: false },
  stderr: { write: () => undefined, isTTY: false },
  env: {},
  cwd: process.cwd(),
  fs: nodeIo,
  now: () => new Date("2030-01-01T00:00:00Z"),
};

const helpOf = (name: string, only?: (typeof commandNames)[number]) =>
  buildProgram(ctx, {}, only)
    .commands.find((c) => c.name() === name)
    ?.helpInformation();

describe("buildProgram", () => {
  it("lists every command in commandNames, in order", () => {
    expect(buildProgram(ctx, {}).commands.map((c) => c.name())).toEqual([...commandNames]);
  });

  it.each(commandNames)("with only %s has that command alone, with the same help", (name) => {
    const program = buildProgram(ctx, {}, name);
    expect(program.commands.map((c) => c.name())).toEqual([name]);
    expect(helpOf(name, name)).toBe(helpOf(name));
  });

  it.each([
    ["convert", "paper.md", "-o", "paper.docx", "--config", "c.yaml", "-q"],
    ["render", "pack.yaml", "-o", "out.docx", "--format", "docx"],
    ["analyse", "data.csv", "--format", "json"],
  ])("parses `spotlight %s …` to the same options either way", async (...argv) => {
    const parse = async (only?: (typeof commandNames)[number]) => {
      const program = buildProgram(ctx, {}, only);
      await program.parseAsync(argv, { from: "user" });
      const command = program.commands.find((c) => c.name() === argv[0])!;
      return { globals: program.opts(), opts: command.opts(), args: command.args };
    };
    expect(await parse(argv[0] as (typeof commandNames)[number])).toEqual(await parse());
  });
});
