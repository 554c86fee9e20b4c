// The code catalogue is what users script against and what the README lists: every code in
// it must be emitted somewhere in the source, and every emitted code must be in it (the
// latter is enforced by the DiagnosticCode type).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { codes } from "../../src/diagnostics/codes.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

it("every catalogued code is emitted by the source", () => {
  const src = new URL("../../src/", import.meta.url).pathname;
  const text = sources(src)
    .filter((f) => !f.endsWith("diagnostics/codes.ts"))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const unused = Object.keys(codes).filter((c) => !text.includes(`"${c}"`));
  expect(unused).toEqual([]);
});
