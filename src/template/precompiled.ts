// The built-in templates compiled ahead of time, by file name, each with the source it was
// compiled from. This stub is empty (tests compile at run time); `npm run build` writes the real
// module over dist/template/precompiled.js (scripts/precompile-templates.mjs), so the command
// skips Handlebars' compiler for every built-in template a user has not overridden.

/** One template compiled ahead of time: Handlebars' template specification and its source. */
export interface PrecompiledTemplate {
  source: string;
  spec: unknown;
}

export const precompiled: Record<string, PrecompiledTemplate> = {};
