// Bundles the built command (dist/cli/run.js) with its dependencies into dist/bundle/:
// - run.js and its chunks (ES modules, a chunk per lazily imported command), which `spotlight
//   --help` and `--version` load: only the command-line parser;
// - app.cjs, the whole program in one CommonJS file, which every other command loads through
//   bin/load-app.cjs with a V8 code cache that scripts/train-code-cache.mjs makes after this;
// - convert.cjs, from dist/cli/run-convert.js: `spotlight convert` in its plain forms, without
//   commander or the other commands (bin/spotlight.cjs falls back to app.cjs for other forms);
// - config-file.cjs (the config file reader: YAML and zod) and markdown-parse.cjs (micromark),
//   which convert.cjs requires only when a run needs them. They share no state or classes with
//   the rest: they return plain values, diagnostics and mdast trees.
// @resvg/resvg-js stays outside: it loads a native addon. Both stay directly in dist/bundle/,
// two folders below the package root, where src/common/package-files.ts expects to be.
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

rmSync("dist/bundle", { recursive: true, force: true });

/** commander's node:child_process becomes scripts/lazy-child-process.cjs (see there). */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes("/node_modules/commander/")
        ? { path: fileURLToPath(new URL("./lazy-child-process.cjs", import.meta.url)) }
        : undefined,
    );
  },
};

const common = {
  bundle: true,
  plugins: [lazyChildProcess],
  platform: "node",
  target: "node20",
  // esbuild turns /\p{...}/u into `new RegExp(...)` for every target (Unicode data differs
  // between engines), which then compiles again on each call; Node 20 has them.
  supported: { "regexp-unicode-property-escapes": true },
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

const commonJs = {
  ...common,
  entryPoints: ["dist/cli/run.js"],
  format: "cjs",
  // The modules' own import.meta.url becomes the bundle's URL (as in the ES module chunks).
  // Worked out on first use: convert never asks for it.
  define: { "import.meta.url": "__bundleMeta.url" },
  banner: {
    js: 'var __bundleMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };',
  },
};

await build({ ...commonJs, outfile: "dist/bundle/app.cjs" });

/**
 * Modules convert.cjs loads only when a run needs them, each from a bundle of its own beside it
 * (with its own code cache): reading a config file, and micromark for Markdown outside the
 * simple subset. `importer` is the module that imports it dynamically.
 */
const siblings = [
  { name: "config-file", importer: "/load/config.js", source: "dist/load/config-file.js" },
  {
    name: "markdown-parse",
    importer: "/write/markdown-ast.js",
    source: "dist/write/markdown-parse.js",
  },
];

await build({
  ...commonJs,
  entryPoints: ["dist/cli/run-convert.js"],
  outfile: "dist/bundle/convert.cjs",
  plugins: [
    lazyChildProcess,
    {
      name: "sibling-bundles",
      setup(b) {
        // A CommonJS stand-in that requires the sibling bundle: a dynamic import of it would
        // need an import callback that bin/load-app.cjs does not give.
        b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => {
          const sibling = siblings.find((s) => args.importer.endsWith(s.importer));
          return sibling && args.path === `./${sibling.name}.js`
            ? { path: sibling.name, namespace: "sibling-bundle" }
            : undefined;
        });
        b.onLoad({ filter: /.*/, namespace: "sibling-bundle" }, (args) => ({
          contents: `module.exports = require("./${args.path}.cjs");`,
          loader: "js",
        }));
        b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/ }, (args) => ({
          path: args.path,
          external: true,
        }));
      },
    },
  ],
});
// The convert bundle must not carry the command line (quick-args.ts stands in for it).
if (readFileSync("dist/bundle/convert.cjs", "latin1").includes("node_modules/commander/")) {
  throw new Error("dist/bundle/convert.cjs includes commander");
}

for (const { name, source } of siblings) {
  await build({ ...commonJs, entryPoints: [source], outfile: `dist/bundle/${name}.cjs` });
}

// bin/load-app.cjs reads the bundles as Latin-1, which is right only for ASCII (esbuild escapes
// other characters by default).
for (const name of ["app", "convert", ...siblings.map((s) => s.name)]) {
  const file = `dist/bundle/${name}.cjs`;
  if (readFileSync(file).some((byte) => byte > 0x7f)) throw new Error(`${file} is not ASCII`);
}
