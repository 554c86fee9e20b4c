// Makes dist/bundle/*.cjs.cache, the V8 code caches bin/load-app.cjs gives V8 with the bundles:
// loads a bundle, runs the commands users run most on the bundled example (render to DOCX and to
// Markdown, convert, validate; convert alone for convert.cjs; reading the example's config for
// config-file.cjs; parsing the README for markdown-parse.cjs) in this process with their
// output thrown away, then saves the code of every function compiled on the way. Runs in
// `npm run build`, after the bundles.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadApp, saveCodeCache } from "../bin/load-app.cjs";

const out = mkdtempSync(join(tmpdir(), "spotlight-train-"));
const pack = "examples/northshire/pack.yaml";
const md = join(out, "paper.md");
const convert = ["convert", md, "-o", join(out, "converted.docx"), "-q"];

/** Runs the commands in a fresh load of `bundle` and saves its code cache. */
async function train(bundle, commands) {
  const loaded = loadApp({ useCache: false, bundle });
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = process.stderr.write = () => true;
  const codes = [];
  try {
    for (const argv of commands) codes.push(await loaded.app.run(argv));
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  if (codes.some((code) => code !== 0)) {
    throw new Error(`training the ${bundle} code cache: a command exited ${codes.join(", ")}`);
  }
  saveCodeCache(loaded);
}

/** Reads and checks a config file with config-file.cjs, as convert does with one. */
async function trainConfigFile(file) {
  const loaded = loadApp({ useCache: false, bundle: "config-file" });
  const { readYamlFile, configSchema, validateWithSchema } = loaded.app;
  const io = {
    readFile: async (p) => new Uint8Array(readFileSync(p)),
    fileSize: async (p) => readFileSync(p).length,
  };
  const read = await readYamlFile(file, file, io, { maxBytes: 1 << 24, at: { file } });
  const checked = validateWithSchema(configSchema, read.value, read.source);
  if (read.failed || !checked.data) throw new Error(`training the config-file code cache: ${file}`);
  saveCodeCache(loaded);
}

/** Parses Markdown outside the simple subset (this repository's README) with markdown-parse.cjs. */
function trainMarkdownParse() {
  const loaded = loadApp({ useCache: false, bundle: "markdown-parse" });
  const tree = loaded.app.parseWithMicromark(readFileSync("README.md", "utf8"));
  if (tree.children.length === 0) throw new Error("training the markdown-parse code cache");
  saveCodeCache(loaded);
}

try {
  await train("app", [
    ["validate", pack],
    ["render", pack, "-o", join(out, "paper.docx"), "-q"],
    ["render", pack, "-o", md, "-q"],
    convert,
  ]);
  await train("convert", [convert]);
  await trainConfigFile("examples/northshire/spotlight.config.yaml");
  trainMarkdownParse();
} finally {
  rmSync(out, { recursive: true, force: true });
}
