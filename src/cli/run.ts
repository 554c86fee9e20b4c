// Connects main() to the real process (process-context.ts): the entry of the command bundle.
import { main } from "./main.js";
import { processContext } from "./process-context.js";

export async function run(argv: readonly string[]): Promise<number> {
  return main(argv, processContext());
}
