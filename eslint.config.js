// Lint rules: typescript-eslint recommended, no console in the core, and each library
// imported in one place only (see README "Contributing").
import tseslint from "typescript-eslint";

const owners = {
  "csv-parse": ["src/load/csv.ts"],
  yaml: ["src/load/yaml.ts", "src/cli/commands/init.ts"],
  handlebars: ["src/template/**"],
  commander: ["src/cli/**"],
  chalk: ["src/cli/print-diagnostics.ts", "src/cli/commands/analyse-text.ts"],
  "@resvg/resvg-js": ["src/charts/raster.ts"],
  "iconv-lite": ["src/load/decode.ts"],
  fflate: ["src/write/docx/unzip.ts"],
  "mdast-util-from-markdown": ["src/write/markdown-parse.ts"],
  "mdast-util-gfm-table": ["src/write/markdown-parse.ts"],
  "micromark-extension-gfm-table": ["src/write/markdown-parse.ts"],
  zod: ["src/schema/**"],
};

const covers = (pattern, file) =>
  pattern === file || (pattern.endsWith("/**") && file.startsWith(pattern.slice(0, -2)));

const restrictionsFor = (file) =>
  Object.entries(owners)
    .filter(([, patterns]) => !patterns.some((p) => file !== null && covers(p, file)))
    .map(([name]) => ({ name, message: `import ${name} only in ${owners[name].join(", ")}` }));

const patterns = [...new Set(Object.values(owners).flat())].sort((a, b) => a.length - b.length);

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "examples/**/out/**", "bench/out/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-console": "error",
      "no-restricted-imports": ["error", { paths: restrictionsFor(null) }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  // Broader globs first, so a single file's own entry (e.g. one file under src/cli/) wins.
  ...patterns.map((pattern) => ({
    files: [pattern],
    rules: { "no-restricted-imports": ["error", { paths: restrictionsFor(pattern) }] },
  })),
  {
    files: ["src/cli/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    // The command's launcher and loader are CommonJS on purpose (bin/spotlight.cjs says why).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
