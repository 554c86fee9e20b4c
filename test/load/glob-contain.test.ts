// The small glob over ReadIo and the containment check (.., absolute paths, symbolic links).
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeIo } from "../../src/cli/node-io.js";
import { checkInside } from "../../src/load/contain.js";
import { expandBraces, glob, isGlob } from "../../src/load/glob.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spotlight-glob-"));
  for (const f of [
    "a.yaml",
    "b.yml",
    "c.csv",
    ".hidden.yaml",
    "sub/d.yaml",
    "sub/deep/e.yaml",
    "sub/deep/f.csv",
  ]) {
    await mkdir(join(dir, "pack", f, ".."), { recursive: true });
    await writeFile(join(dir, "pack", f), "x: 1\n");
  }
  await writeFile(join(dir, "outside.yaml"), "x: 1\n");
  await symlink(join(dir, "outside.yaml"), join(dir, "pack/link.yaml"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("glob", () => {
  const g = (pattern: string) => glob(pattern, join(dir, "pack"), nodeIo);
  it("* and ? match within a folder, skipping dot files, sorted", async () => {
    expect(await g("*.yaml")).toEqual(["a.yaml", "link.yaml"]);
    expect(await g("?.y*")).toEqual(["a.yaml", "b.yml"]);
  });
  it("** matches zero or more folders", async () => {
    expect(await g("**/*.yaml")).toEqual(["a.yaml", "link.yaml", "sub/d.yaml", "sub/deep/e.yaml"]);
    expect(await g("sub/**/*.csv")).toEqual(["sub/deep/f.csv"]);
  });
  it("{a,b} alternatives, and a literal name only when the file exists", async () => {
    expect(await g("*.{yml,csv}")).toEqual(["b.yml", "c.csv"]);
    expect(await g("{a.yaml,sub/d.yaml}")).toEqual(["a.yaml", "sub/d.yaml"]);
    expect(await g("sub/deep/e.yaml")).toEqual(["sub/deep/e.yaml"]);
    expect(await g("nope/*.yaml")).toEqual([]);
    expect(await g("../*.yaml")).toEqual(["../outside.yaml"]);
  });
  it("helpers", () => {
    expect(isGlob("data/*.csv")).toBe(true);
    expect(isGlob("data/a.csv")).toBe(false);
    expect(expandBraces("{a,b{c,d}}.x")).toEqual(["a.x", "bc.x", "bd.x"]);
  });
});

describe("checkInside", () => {
  const pack = () => join(dir, "pack");
  it("accepts files inside, refuses .., absolute paths and links that leave the folder", async () => {
    expect(await checkInside(pack(), "sub/d.yaml", nodeIo, false)).toBeUndefined();
    expect(await checkInside(pack(), "..a.yaml", nodeIo, false)).toBeUndefined();
    const up = await checkInside(pack(), "../outside.yaml", nodeIo, false, {
      file: "pack.yaml",
      line: 3,
      column: 5,
      display: "outside.yaml",
    });
    expect(up).toMatchObject({
      code: "file.outside_pack",
      file: "pack.yaml",
      line: 3,
      column: 5,
      message: "outside.yaml is outside the pack folder",
    });
    expect((await checkInside(pack(), join(dir, "outside.yaml"), nodeIo, false))?.code).toBe(
      "file.outside_pack",
    );
    expect((await checkInside(pack(), "link.yaml", nodeIo, false))?.code).toBe("file.outside_pack");
    expect(await checkInside(pack(), "link.yaml", nodeIo, true)).toBeUndefined();
  });
});
