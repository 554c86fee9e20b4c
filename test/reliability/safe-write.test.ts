// Safe output: atomic file and folder writes, refusals (input, folder, symlink), and clear
// messages for permission, disk-full and read-only errors simulated with a failing fs adapter.
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  existsSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FatalError } from "../../src/diagnostics/diagnostic.js";
import {
  checkOutput,
  nodeWriteFs,
  replaceDirAtomic,
  writeFailure,
  writeFileAtomic,
  type WriteFs,
} from "../../src/write/safe-write.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "safe-write-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function fatalOf(p: Promise<unknown>) {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FatalError);
  const d = (e as FatalError).diagnostics[0]!;
  return d;
}

/** An fs whose `op` fails with errno `code` (after `after` successful calls). */
function failing(op: keyof WriteFs, code: string, after = 0): WriteFs {
  let n = 0;
  const fail = () => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  };
  return {
    ...nodeWriteFs,
    [op]: async (...args: unknown[]) => {
      if (n++ >= after) fail();
      return (nodeWriteFs[op] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  } as WriteFs;
}

const names = () => readdirSync(dir).sort();

describe("writeFileAtomic", () => {
  it("writes, creating missing folders, and leaves no temporary file", async () => {
    const out = join(dir, "a", "b", "paper.docx");
    await writeFileAtomic(out, "hello");
    expect(readFileSync(out, "utf8")).toBe("hello");
    expect(readdirSync(join(dir, "a", "b"))).toEqual(["paper.docx"]);
  });

  it("replaces an existing file in one step", async () => {
    const out = join(dir, "paper.md");
    writeFileSync(out, "old");
    await writeFileAtomic(out, "new");
    expect(readFileSync(out, "utf8")).toBe("new");
    expect(names()).toEqual(["paper.md"]);
  });

  it.each([
    ["EACCES", "permission denied writing paper.docx"],
    ["EPERM", "permission denied writing paper.docx"],
    ["ENOSPC", "the disk is full: could not write paper.docx"],
    ["EROFS", "the file system is read-only: cannot write paper.docx"],
  ])("%s while writing: clear message, old file kept, temp removed", async (code, message) => {
    const out = join(dir, "paper.docx");
    writeFileSync(out, "old");
    const d = await fatalOf(
      writeFileAtomic(out, "new", { fs: failing("writeFile", code), display: "paper.docx" }),
    );
    expect(d.code).toBe("output.write_failed");
    expect(d.message).toBe(message);
    expect(d.file).toBe("paper.docx");
    expect(readFileSync(out, "utf8")).toBe("old");
    expect(names()).toEqual(["paper.docx"]);
  });

  it("a failed rename removes the temporary file", async () => {
    const out = join(dir, "paper.docx");
    const d = await fatalOf(writeFileAtomic(out, "x", { fs: failing("rename", "ENOSPC") }));
    expect(d.code).toBe("output.write_failed");
    expect(d.message).toContain("the disk is full");
    expect(names()).toEqual([]);
  });

  it("a partial write (disk full mid-file) leaves nothing behind", async () => {
    const fs: WriteFs = {
      ...nodeWriteFs,
      writeFile: async (p, data, o) => {
        await nodeWriteFs.writeFile(p, String(data).slice(0, 2), o);
        throw Object.assign(new Error("no space"), { code: "ENOSPC" });
      },
    };
    await fatalOf(writeFileAtomic(join(dir, "paper.md"), "abcdef", { fs }));
    expect(names()).toEqual([]);
  });

  it("refuses to write over an input file, also through a link", async () => {
    const input = join(dir, "pack.yaml");
    writeFileSync(input, "paper: {}\n");
    let d = await fatalOf(writeFileAtomic(input, "x", { inputs: [input] }));
    expect(d.code).toBe("output.exists_input");
    symlinkSync(input, join(dir, "alias.yaml"));
    d = await fatalOf(writeFileAtomic(input, "x", { inputs: [join(dir, "alias.yaml")] }));
    expect(d.code).toBe("output.exists_input");
    expect(readFileSync(input, "utf8")).toBe("paper: {}\n");
  });

  it("refuses a folder target", async () => {
    mkdirSync(join(dir, "paper.docx"));
    const d = await fatalOf(writeFileAtomic(join(dir, "paper.docx"), "x"));
    expect(d.code).toBe("output.is_directory");
  });

  it("refuses a symbolic link target and a path through a link out of the output folder", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "safe-write-elsewhere-"));
    try {
      writeFileSync(join(elsewhere, "victim.txt"), "keep");
      symlinkSync(join(elsewhere, "victim.txt"), join(dir, "paper.md"));
      let d = await fatalOf(writeFileAtomic(join(dir, "paper.md"), "x"));
      expect(d.code).toBe("output.symlink");
      symlinkSync(elsewhere, join(dir, "out"));
      d = await fatalOf(writeFileAtomic(join(dir, "out", "victim.txt"), "x", { root: dir }));
      expect(d.code).toBe("output.symlink");
      d = await fatalOf(writeFileAtomic(join(dir, "..", "x.txt"), "x", { root: dir }));
      expect(d.code).toBe("output.symlink");
      expect(readFileSync(join(elsewhere, "victim.txt"), "utf8")).toBe("keep");
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe("replaceDirAtomic", () => {
  const files = new Map([
    ["chart.svg", new TextEncoder().encode("<svg/>")],
    ["icons/a.png", new Uint8Array([1, 2, 3])],
  ]);

  it("creates the folder, then swaps in new contents (old files gone)", async () => {
    const out = join(dir, "paper_files");
    await replaceDirAtomic(out, files);
    writeFileSync(join(out, "stale.svg"), "old");
    await replaceDirAtomic(
      out,
      new Map([["chart.svg", new TextEncoder().encode("<svg id='2'/>")]]),
    );
    expect(readdirSync(out)).toEqual(["chart.svg"]);
    expect(readFileSync(join(out, "chart.svg"), "utf8")).toBe("<svg id='2'/>");
    expect(names()).toEqual(["paper_files"]);
  });

  it("keeps the old folder intact when writing the new one fails", async () => {
    const out = join(dir, "paper_files");
    mkdirSync(out);
    writeFileSync(join(out, "old.svg"), "old");
    const d = await fatalOf(
      replaceDirAtomic(out, files, {
        fs: failing("writeFile", "ENOSPC", 1),
        display: "paper_files",
      }),
    );
    expect(d.message).toBe("the disk is full: could not write paper_files");
    expect(readdirSync(out)).toEqual(["old.svg"]);
    expect(names()).toEqual(["paper_files"]);
  });

  it("puts the old folder back when the final rename fails", async () => {
    const out = join(dir, "paper_files");
    mkdirSync(out);
    writeFileSync(join(out, "old.svg"), "old");
    // First rename (old aside) succeeds, second (new into place) fails, third restores.
    let n = 0;
    const fs: WriteFs = {
      ...nodeWriteFs,
      rename: async (a, b) => {
        if (n++ === 1) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
        return nodeWriteFs.rename(a, b);
      },
    };
    const d = await fatalOf(replaceDirAtomic(out, files, { fs, display: "paper_files" }));
    expect(d.message).toBe("permission denied writing paper_files");
    expect(readdirSync(out)).toEqual(["old.svg"]);
    expect(names()).toEqual(["paper_files"]);
  });

  it("refuses a folder holding an input, a link, a file in its place and paths escaping it", async () => {
    const out = join(dir, "paper_files");
    mkdirSync(out);
    writeFileSync(join(out, "data.csv"), "x");
    expect(
      (await fatalOf(replaceDirAtomic(out, files, { inputs: [join(out, "data.csv")] }))).code,
    ).toBe("output.exists_input");
    symlinkSync(out, join(dir, "link_files"));
    expect((await fatalOf(replaceDirAtomic(join(dir, "link_files"), files))).code).toBe(
      "output.symlink",
    );
    writeFileSync(join(dir, "plain_files"), "x");
    expect((await fatalOf(replaceDirAtomic(join(dir, "plain_files"), files))).code).toBe(
      "output.write_failed",
    );
    const escape = new Map([["../evil.txt", new Uint8Array([1])]]);
    expect((await fatalOf(replaceDirAtomic(join(dir, "new_files"), escape))).code).toBe(
      "output.symlink",
    );
    expect(existsSync(join(dir, "evil.txt"))).toBe(false);
    expect(readFileSync(join(out, "data.csv"), "utf8")).toBe("x");
  });
});

describe("writeFailure", () => {
  it("renames a failure raised with the full path to the caller's name", async () => {
    const out = join(dir, "paper.docx");
    const e: unknown = await writeFileAtomic(out, "x", {
      fs: failing("writeFile", "EACCES"),
    }).catch((x: unknown) => x);
    const d = writeFailure(e, "paper.docx").diagnostics[0]!;
    expect([d.code, d.file, d.message]).toEqual([
      "output.write_failed",
      "paper.docx",
      "permission denied writing paper.docx",
    ]);
  });
});

describe("checkOutput", () => {
  it("refuses, before any work, what the writers refuse", async () => {
    const input = join(dir, "pack.yaml");
    writeFileSync(input, "paper: {}\n");
    await expect(checkOutput(input, { inputs: [input] })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: "output.exists_input" })],
    });
    await expect(checkOutput(dir)).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: "output.is_directory" })],
    });
    await expect(checkOutput(dir, { inputs: [input] }, true)).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: "output.exists_input" })],
    });
    await expect(checkOutput(join(dir, "new", "paper.docx"))).resolves.toBeUndefined();
    expect(names()).not.toContain("new"); // checking writes nothing
  });
});
