// `spotlight convert` end to end through main(): house style from the config beside the
// Markdown, document date from SOURCE_DATE_EPOCH (else a fixed date), images only from inside
// the Markdown's folder, and nothing written over the input, into a folder or on errors.
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/cli/node-io.js";
import { summariseDocx, unzipDocx } from "./docx-summary.js";
import { runBin } from "../helpers/cli.js";
import { fixtures } from "./sample.js";

let dir: string;

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (s) => void (stdout += s), isTTY: false },
    stderr: { write: (s) => void (stderr += s), isTTY: false },
    env: { NO_COLOR: "1", ...env },
    cwd: dir,
    fs: nodeIo,
    now: () => new Date("2030-01-01T12:00:00Z"),
  });
  return { code, stdout, stderr };
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spotlight-convert-"));
  await cp(fixtures, join(dir, "paper"), { recursive: true });
  await writeFile(
    join(dir, "paper", "spotlight.config.yaml"),
    'style:\n  font: Verdana\n  header: "{organisation} — {title}"\n  footer: Trust Board\n  logo: logo.png\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("spotlight convert", () => {
  it("writes the DOCX with the config's house style and a fixed date", async () => {
    const r = await run(["convert", "paper/sample-paper.md", "-o", "out/paper.docx"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const docx = new Uint8Array(await readFile(join(dir, "out/paper.docx")));
    const files = unzipDocx(docx);
    expect(strFromU8(files["word/styles.xml"] as Uint8Array)).toContain('w:ascii="Verdana"');
    expect(strFromU8(files["word/header1.xml"] as Uint8Array)).toContain(
      "Improvement spotlights: July 2024",
    );
    const summary = summariseDocx(docx);
    expect(summary.core["dc:title"]).toBe("Improvement spotlights: July 2024");
    expect(summary.core["dcterms:created"]).toBe("1980-01-01T00:00:00Z");
    expect(summary.images.map((i) => i.name)).toContain("logo");
  });

  it("takes the date from SOURCE_DATE_EPOCH and gives the same bytes every run", async () => {
    const env = { SOURCE_DATE_EPOCH: "1720051200" };
    expect((await run(["convert", "paper/sample-paper.md", "-o", "a.docx"], env)).code).toBe(0);
    expect((await run(["convert", "paper/sample-paper.md", "-o", "b.docx"], env)).code).toBe(0);
    const a = await readFile(join(dir, "a.docx"));
    const b = await readFile(join(dir, "b.docx"));
    expect(a.equals(b)).toBe(true);
    expect(summariseDocx(new Uint8Array(a)).core["dcterms:modified"]).toBe("2024-07-04T00:00:00Z");
  });

  it("refuses to write over the input or into a folder (exit 2)", async () => {
    const same = await run(["convert", "paper/sample-paper.md", "-o", "paper/sample-paper.md"]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("output.exists_input");
    await mkdir(join(dir, "folder.docx"));
    const folder = await run(["convert", "paper/sample-paper.md", "-o", "folder.docx"]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("output.is_directory");
  });

  it("refuses images outside the Markdown's folder and writes nothing (exit 1)", async () => {
    await writeFile(join(dir, "secret.png"), await readFile(join(fixtures, "logo.png")));
    await writeFile(join(dir, "paper", "escape.md"), "# Escape\n\n![A secret](../secret.png)\n");
    const r = await run(["convert", "paper/escape.md", "-o", "escape.docx"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("file.outside_pack");
    expect(r.stderr).toContain("paper/escape.md:3:1  error  markdown.image_missing");
    expect(await exists(join(dir, "escape.docx"))).toBe(false);
  });

  it("prints warnings with file:line:col and still writes (exit 0)", async () => {
    await writeFile(join(dir, "paper", "html.md"), "# Notes\n\nSome <b>bold</b> text.\n");
    const r = await run(["convert", "paper/html.md", "-o", "html.docx"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("paper/html.md:3:6  warning  markdown.raw_html");
    expect(await exists(join(dir, "html.docx"))).toBe(true);
  });

  it("a missing Markdown file cannot run (exit 2)", async () => {
    const r = await run(["convert", "paper/nothing.md", "-o", "x.docx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("file.unreadable");
  });
});

// `spotlight convert` as a process runs from its own bundle (dist/bundle/convert.cjs: the plain
// forms of the command line without commander; config-file.cjs only when there is a config and
// markdown-parse.cjs only for Markdown outside the fast parser's subset), other forms from the
// whole program: either way it must behave exactly as the CLI does in-process.
describe("spotlight convert as a process (the convert bundle)", () => {
  const env = { SOURCE_DATE_EPOCH: "1720051200" };

  it("writes the same bytes as the CLI in-process, with the config's house style", async () => {
    expect((await run(["convert", "paper/sample-paper.md", "-o", "inproc.docx"], env)).code).toBe(
      0,
    );
    const r = runBin(["convert", "paper/sample-paper.md", "-o", "bin.docx"], { cwd: dir, env });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // A form the convert bundle leaves to the full command line (bin/spotlight.cjs falls back).
    const full = runBin(["convert", "--output=full.docx", "paper/sample-paper.md"], {
      cwd: dir,
      env,
    });
    expect(full.stderr).toBe("");
    expect(full.code).toBe(0);
    const inproc = await readFile(join(dir, "inproc.docx"));
    const bin = await readFile(join(dir, "bin.docx"));
    expect(bin.equals(inproc)).toBe(true);
    expect((await readFile(join(dir, "full.docx"))).equals(inproc)).toBe(true);
    expect(strFromU8(unzipDocx(new Uint8Array(bin))["word/styles.xml"] as Uint8Array)).toContain(
      'w:ascii="Verdana"',
    );
  });

  it("reports a bad config and a bad image as the CLI does, and writes nothing", async () => {
    await mkdir(join(dir, "badcfg"));
    await writeFile(
      join(dir, "badcfg", "spotlight.config.yaml"),
      "style:\n  font: 12\n  nope: 1\n",
    );
    // Raw HTML is outside the fast parser's subset: micromark (markdown-parse.cjs) reads this.
    await writeFile(
      join(dir, "badcfg", "p.md"),
      "# P\n\nSome <b>bold</b>.\n\n![Missing](none.png)\n",
    );
    const args = ["convert", "badcfg/p.md", "-o", "badcfg.docx"];
    const inproc = await run(args, env);
    const bin = runBin(args, { cwd: dir, env });
    expect(inproc.code).toBe(1);
    expect(inproc.stderr).toContain("spotlight.config.yaml");
    expect(inproc.stderr).toContain("markdown.image_missing");
    expect(inproc.stderr).toContain("badcfg/p.md:3:6  warning  markdown.raw_html");
    expect({ code: bin.code, stdout: bin.stdout, stderr: bin.stderr }).toEqual(inproc);
    expect(await exists(join(dir, "badcfg.docx"))).toBe(false);
  });

  it.each([
    ["a Markdown file that is not there", ["convert", "paper/nothing.md", "-o", "x.docx"]],
    [
      "an output that is the input",
      ["convert", "paper/sample-paper.md", "-o", "paper/sample-paper.md"],
    ],
    ["an output that is a folder", ["convert", "paper/sample-paper.md", "-o", "folder.docx"]],
    ["an output that is not .docx", ["convert", "paper/sample-paper.md", "-o", "paper.txt"]],
    [
      "a config file that is not there",
      ["convert", "paper/sample-paper.md", "-o", "y.docx", "-c", "none.yaml"],
    ],
  ])("refuses %s with the CLI's exit code and message", async (_what, args) => {
    await mkdir(join(dir, "folder.docx"), { recursive: true });
    const inproc = await run(args, env);
    const bin = runBin(args, { cwd: dir, env });
    expect(inproc.code).toBe(2);
    expect({ code: bin.code, stdout: bin.stdout, stderr: bin.stderr }).toEqual(inproc);
  });
});
