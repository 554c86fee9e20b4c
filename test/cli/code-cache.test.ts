// The command's bundle loads with the V8 code cache the build trained (bin/load-app.js), and a
// cache is never used with a bundle it was not made from.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import type { Script } from "node:vm";

/** What bin/load-app.js (plain JavaScript) exports. */
interface LoadApp {
  appFile: string;
  cacheFile: string;
  loadApp(opts?: { useCache?: boolean }): { app: { run: unknown }; script: Script };
  cacheFor(source: string): Uint8Array | undefined;
}
const loader = new URL("../../bin/load-app.js", import.meta.url).href;

describe("code cache", () => {
  it("is made by the build and accepted by V8 for the bundle", async () => {
    const { appFile, cacheFile, loadApp } = (await import(loader)) as LoadApp;
    expect(existsSync(appFile) && existsSync(cacheFile), "run npm run build").toBe(true);
    const { app, script } = loadApp();
    expect(script.cachedDataRejected).toBe(false);
    expect(typeof app.run).toBe("function");
  });

  it("is not given to V8 with any other source", async () => {
    const { appFile, cacheFor } = (await import(loader)) as LoadApp;
    const source = readFileSync(appFile, "utf8");
    expect(cacheFor(source)).toBeDefined();
    expect(cacheFor(`${source.slice(0, -1)} `)).toBeUndefined();
  });
});
