// Makes dist/bundle/app.cjs.cache, the V8 code cache bin/load-app.js gives V8 with the bundle:
// loads the bundle, runs the commands users run most on the bundled example (render to DOCX and
// to Markdown, convert, validate) in this process with their output thrown away, then saves
// the code of every function compiled on the way. Runs in `npm run build`, after the bundle.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadApp, saveCodeCache } from "../bin/load-app.js";

const loaded = loadApp({ useCache: false });
const { app } = loaded;
const out = mkdtempSync(join(tmpdir(), "spotlight-train-"));
const pack = "examples/northshire/pack.yaml";
const write = { out: process.stdout.write, err: process.stderr.write };
process.stdout.write = process.stderr.write = () => true;
const codes = [];
try {
  for (const argv of [
    ["validate", pack],
    ["render", pack, "-o", join(out, "paper.docx"), "-q"],
    ["render", pack, "-o", join(out, "paper.md"), "-q"],
    ["convert", join(out, "paper.md"), "-o", join(out, "converted.docx"), "-q"],
  ]) {
    codes.push(await app.run(argv));
  }
} finally {
  process.stdout.write = write.out;
  process.stderr.write = write.err;
  rmSync(out, { recursive: true, force: true });
}
if (codes.some((code) => code !== 0)) {
  throw new Error(`training the code cache: a command exited ${codes.join(", ")}`);
}
saveCodeCache(loaded);
