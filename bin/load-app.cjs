// Loads a command bundle with the V8 code cache the build trained beside it (`<bundle>.cache`):
// V8 then skips compiling the functions a typical run needs, which is most of the start-up cost
// of a command that does work. The bundles, all made by `npm run build`: app.cjs (every command),
// convert.cjs (`spotlight convert`), and the two convert.cjs requires only when a run needs them,
// config-file.cjs and markdown-parse.cjs. A cache starts with a key of the bundle it was made
// from (its length and CRC-32, or SHA-256 on a Node without zlib.crc32) and is used only with
// that bundle; V8 itself rejects a cache from another Node version, and the code is then
// compiled as usual.
"use strict";
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");
const zlib = require("node:zlib");

/** The file of a bundle ("app", "convert", "config-file" or "markdown-parse"). */
const bundleFile = (bundle = "app") => join(__dirname, "..", "dist", "bundle", `${bundle}.cjs`);

/** 32 bytes that identify the bundle's bytes. */
function keyOf(bytes) {
  if (typeof zlib.crc32 !== "function") {
    return require("node:crypto").createHash("sha256").update(bytes).digest();
  }
  const key = Buffer.alloc(32);
  key.write("spotlight-crc32", 0, "latin1");
  key.writeUInt32LE(bytes.length, 24);
  key.writeUInt32LE(zlib.crc32(bytes), 28);
  return key;
}

/** The cache for exactly these bundle bytes (a Buffer or a string), if there is one. */
function cacheFor(source, bundle = "app") {
  const file = `${bundleFile(bundle)}.cache`;
  if (!existsSync(file)) return undefined;
  const cache = readFileSync(file);
  const bytes = typeof source === "string" ? Buffer.from(source, "latin1") : source;
  return cache.subarray(0, 32).equals(keyOf(bytes)) ? cache.subarray(32) : undefined;
}

/**
 * A bundle's exports (`run` for a command bundle), and the compiled script, whose code cache the
 * build saves. The build checks that bundles are ASCII, so they are read as Latin-1 (no UTF-8
 * decoding).
 */
function loadApp({ useCache = true, bundle = "app" } = {}) {
  const file = bundleFile(bundle);
  const bytes = readFileSync(file);
  const source = bytes.toString("latin1");
  const cachedData = useCache ? cacheFor(bytes, bundle) : undefined;
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: file, ...(cachedData ? { cachedData } : {}) },
  );
  const module = { exports: {} };
  script.runInThisContext()(module.exports, bundleRequire(file), module, file, dirname(file));
  return { app: module.exports, script, bytes, file };
}

/**
 * `require` for a bundle: a sibling bundle (`./config-file.cjs`) loads with its code cache, any
 * other relative path from the bundle's folder, and Node's modules and packages as from here
 * (bin/ and dist/bundle/ share the package's node_modules). Not node:module's createRequire:
 * loading node:module also loads Node's ES module loader.
 */
function bundleRequire(file) {
  const loaded = new Map();
  return (id) => {
    const sibling = /^\.\/([\w-]+)\.cjs$/.exec(id)?.[1];
    if (sibling === undefined) return require(id.startsWith(".") ? join(dirname(file), id) : id);
    if (!loaded.has(sibling)) loaded.set(sibling, loadApp({ bundle: sibling }).app);
    return loaded.get(sibling);
  };
}

/** Saves the code V8 has compiled for the loaded bundle, keyed to its bytes. */
function saveCodeCache({ script, bytes, file }) {
  writeFileSync(`${file}.cache`, Buffer.concat([keyOf(bytes), script.createCachedData()]));
}

module.exports = { bundleFile, cacheFor, loadApp, saveCodeCache };
