// The entry of dist/bundle/convert.cjs, which bin/spotlight.cjs loads for `spotlight convert`:
// runs the plain forms of the command (quick-args.ts) without commander, and answers undefined
// for anything else, which the launcher then gives to the full command line.
import { convertCommand } from "./commands/convert.js";
import { runAction } from "./run-action.js";
import { quickConvertArgs } from "./quick-args.js";
import { processContext } from "./process-context.js";

export async function run(argv: readonly string[]): Promise<number | undefined> {
  const args = quickConvertArgs(argv);
  if (!args) return undefined;
  return runAction(convertCommand(args.markdown, args.opts), processContext());
}
