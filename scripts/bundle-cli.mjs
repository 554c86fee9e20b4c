// Bundles the built command (dist/cli/run.js) with its dependencies into dist/bundle/, one chunk
// per lazily imported command plus shared chunks. Loading one file instead of hundreds of small
// modules takes most of Node's start-up cost off every command (README "Performance").
// @resvg/resvg-js stays outside: it loads a native addon. Chunks stay directly in dist/bundle/,
// two folders below the package root, where src/common/package-files.ts expects to be.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/bundle", { recursive: true, force: true });

await build({
  entryPoints: { run: "dist/cli/run.js" },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "[name]-[hash]",
  external: ["@resvg/resvg-js"],
  // CommonJS dependencies (iconv-lite, handlebars) call require() for Node's built-ins.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
});
