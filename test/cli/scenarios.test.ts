// CLI scenario table: each scenario runs in-process through main() and once through the real
// binary, and asserts the exit code and what it prints.
import { describe, expect, it } from "vitest";
import { version } from "../../src/version.js";
import { runBin, runCli } from "../helpers/cli.js";

interface Scenario {
  name: string;
  args: string[];
  code: number;
  stdout?: RegExp;
  stderr?: RegExp;
}

const scenarios: Scenario[] = [
  {
    name: "help lists every command",
    args: ["--help"],
    code: 0,
    stdout:
      /init[\s\S]*validate[\s\S]*render[\s\S]*analyse[\s\S]*convert[\s\S]*schema[\s\S]*templates/,
  },
  {
    name: "version",
    args: ["--version"],
    code: 0,
    stdout: new RegExp(`^${version.replace(/\./g, "\\.")}\\n$`),
  },
  { name: "no arguments shows help", args: [], code: 0, stdout: /Usage: spotlight/ },
  {
    name: "unknown command is a usage error",
    args: ["bogus"],
    code: 2,
    stderr: /unknown command 'bogus'/,
  },
  {
    name: "unknown option is a usage error",
    args: ["validate", "--frobnicate", "x.yaml"],
    code: 2,
    stderr: /unknown option/,
  },
  {
    name: "render needs -o",
    args: ["render", "pack.yaml"],
    code: 2,
    stderr: /required option '-o, --output <file>'/,
  },
  {
    name: "bad choice for --format",
    args: ["validate", "x.yaml", "--format", "xml"],
    code: 2,
    stderr: /Allowed choices are text, json/,
  },
  {
    name: "command help shows an example",
    args: ["render", "--help"],
    code: 0,
    stdout: /Examples?:\n\s+spotlight render/,
  },
  {
    name: "bash completion",
    args: ["completion", "bash"],
    code: 0,
    stdout: /complete -o filenames -F _spotlight spotlight/,
  },
  ...["init", "validate", "render", "analyse", "convert", "schema", "templates", "completion"].map(
    (command): Scenario => ({
      name: `${command} --help shows an example`,
      args: [command, "--help"],
      code: 0,
      stdout: new RegExp(`Examples?:\\n\\s+(eval "\\$\\()?spotlight ${command}`),
    }),
  ),
  { name: "zsh completion", args: ["completion", "zsh"], code: 0, stdout: /#compdef spotlight/ },
];

describe.each(scenarios)("spotlight $name", (s) => {
  it("in-process", async () => {
    const r = await runCli(s.args);
    expect(r.code).toBe(s.code);
    if (s.stdout) expect(r.stdout).toMatch(s.stdout);
    if (s.stderr) expect(r.stderr).toMatch(s.stderr);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(/); // never a stack trace
  });
  it("as a process", () => {
    const r = runBin(s.args);
    expect(r.code).toBe(s.code);
    if (s.stdout) expect(r.stdout).toMatch(s.stdout);
    if (s.stderr) expect(r.stderr).toMatch(s.stderr);
  });
});
