// Each command bundle (app, convert, config-file, markdown-parse) loads with the V8 code cache the build trained
// beside it (bin/load-app.cjs), and a cache is never used with a bundle it was not made from.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import type { Script } from "node:vm";

/** What bin/load-app.cjs (plain JavaScript) exports. */
interface LoadApp {
  bundleFile(bundle: string): string;
  loadApp(opts?: { useCache?: boolean; bundle?: string }): {
    app: Record<string, unknown>;
    script: Script;
  };
  cacheFor(source: string, bundle: string): Uint8Array | undefined;
}
const loader = new URL("../../bin/load-app.cjs", import.meta.url).href;

/** Each bundle and a function it must export. */
const bundles = [
  { bundle: "app", exports: "run" },
  { bundle: "convert", exports: "run" },
  { bundle: "config-file", exports: "readYamlFile" },
  { bundle: "markdown-parse", exports: "parseWithMicromark" },
];

describe.each(bundles)("code cache of the $bundle bundle", ({ bundle, exports }) => {
  it("is made by the build and accepted by V8", async () => {
    const { bundleFile, loadApp } = (await import(loader)) as LoadApp;
    const file = bundleFile(bundle);
    expect(existsSync(file) && existsSync(`${file}.cache`), "run npm run build").toBe(true);
    const { app, script } = loadApp({ bundle });
    expect(script.cachedDataRejected).toBe(false);
    expect(typeof app[exports]).toBe("function");
  });

  it("is not given to V8 with any other source", async () => {
    const { bundleFile, cacheFor } = (await import(loader)) as LoadApp;
    const source = readFileSync(bundleFile(bundle), "latin1");
    expect(cacheFor(source, bundle)).toBeDefined();
    expect(cacheFor(`${source.slice(0, -1)} `, bundle)).toBeUndefined();
    const other = bundle === "app" ? "convert" : "app";
    expect(cacheFor(source, other)).toBeUndefined();
  });
});
