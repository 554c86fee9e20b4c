// The library API: the same functions the CLI calls, with no printing and no process.exit.
export type { Diagnostic, Severity } from "./diagnostics/diagnostic.js";
export { version } from "./version.js";
