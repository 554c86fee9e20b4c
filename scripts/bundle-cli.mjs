// Bundles the built command (dist/cli/run.js) with its dependencies into dist/bundle/, twice:
// - run.js and its chunks (ES modules, a chunk per lazily imported command), which `spotlight
//   --help` and `--version` load: only the command-line parser;
// - app.cjs, the whole program in one CommonJS file, which every other command loads through
//   bin/load-app.js with a V8 code cache that scripts/train-code-cache.mjs makes after this.
// @resvg/resvg-js stays outside: it loads a native addon. Both stay directly in dist/bundle/,
// two folders below the package root, where src/common/package-files.ts expects to be.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/bundle", { recursive: true, force: true });

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  external: ["@resvg/resvg-js"],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
};

await build({
  ...common,
  entryPoints: { run: "dist/cli/run.js" },
  outdir: "dist/bundle",
  splitting: true,
  format: "esm",
  chunkNames: "[name]-[hash]",
  // CommonJS dependencies (iconv-lite, handlebars) call require() for Node's built-ins.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});

await build({
  ...common,
  entryPoints: ["dist/cli/run.js"],
  outfile: "dist/bundle/app.cjs",
  format: "cjs",
  // The modules' own import.meta.url becomes the bundle's URL (as in the ES module chunks).
  define: { "import.meta.url": "__importMetaUrl" },
  banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
});
