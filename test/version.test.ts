// The version printed by `spotlight --version` is the one in package.json.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { version } from "../src/version.js";

it("src/version.ts matches package.json", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  expect(version).toBe(pkg.version);
});
