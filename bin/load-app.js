// Loads the command's bundle (dist/bundle/app.cjs, made by `npm run build`) with the V8 code
// cache the build trained beside it (app.cjs.cache): V8 then skips compiling the functions a
// typical run needs, which is most of the start-up cost of a command that does work. The cache
// starts with the SHA-256 of the bundle it was made from and is used only with that bundle; V8
// itself rejects a cache from another Node version, and the code is then compiled as usual.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

export const appFile = fileURLToPath(new URL("../dist/bundle/app.cjs", import.meta.url));
export const cacheFile = `${appFile}.cache`;

const digest = (source) => createHash("sha256").update(source).digest();

/** The cache for exactly this source, if there is one. */
export function cacheFor(source) {
  if (!existsSync(cacheFile)) return undefined;
  const cache = readFileSync(cacheFile);
  return cache.subarray(0, 32).equals(digest(source)) ? cache.subarray(32) : undefined;
}

/** The bundle's exports (`run`), and the compiled script, whose code cache the build saves. */
export function loadApp({ useCache = true } = {}) {
  const source = readFileSync(appFile, "utf8");
  const cachedData = useCache ? cacheFor(source) : undefined;
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    {
      filename: appFile,
      ...(cachedData ? { cachedData } : {}),
    },
  );
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(appFile),
    module,
    appFile,
    dirname(appFile),
  );
  return { app: module.exports, script, source };
}

/** Saves the code V8 has compiled for the loaded bundle, keyed to its source. */
export function saveCodeCache({ script, source }) {
  writeFileSync(cacheFile, Buffer.concat([digest(source), script.createCachedData()]));
}
