// `spotlight render` end to end on a two-spotlight fixture pack: Markdown folder and DOCX,
// byte-identical reruns (also in another time zone), nothing written on errors or under
// --strict with warnings, --summary per spotlight, --templates, and refusals.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/cli/node-io.js";
import { repoRoot, runCli } from "../helpers/cli.js";

const fixture = new URL("../fixtures/render/pack/", import.meta.url);
const temps: string[] = [];

/** A fresh copy of the fixture pack in a temp folder; returns the folder. */
function packCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "spotlight-render-"));
  temps.push(dir);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Every file under a folder: relative path → base64 bytes, sorted by path. */
function tree(dir: string): Record<string, string> {
  const names = (readdirSync(dir, { recursive: true }) as string[]).sort();
  return Object.fromEntries(
    names
      .filter((n) => statSync(join(dir, n)).isFile())
      .map((n) => [n, readFileSync(join(dir, n)).toString("base64")]),
  );
}

const edit = (dir: string, file: string, from: string | RegExp, to: string) => {
  const p = join(dir, file);
  writeFileSync(p, readFileSync(p, "utf8").replace(from, to));
};

describe("spotlight render", () => {
  it("writes paper.md and paper_files/ with every image the Markdown names", async () => {
    const dir = packCopy();
    const r = await runCli(["render", "pack.yaml", "-o", "out/paper.md"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "out/paper.md"), "utf8");
    const images = [...md.matchAll(/!\[([^\]]*)\]\(([^)\s]+)(?: "[^"]*")?\)/g)];
    expect(images.length).toBeGreaterThan(4);
    for (const [, alt, path] of images) {
      expect(alt!.length).toBeGreaterThan(5);
      expect(existsSync(join(dir, "out", path!))).toBe(true);
      expect(existsSync(join(dir, "out", path!.replace(/\.svg$/, ".png")))).toBe(true);
    }
    expect(readdirSync(join(dir, "out/paper_files")).sort()).toEqual([
      "assurance-fail.png",
      "assurance-fail.svg",
      "assurance-inconsistent.png",
      "assurance-inconsistent.svg",
      "letters-days.png",
      "letters-days.svg",
      "ulcers-ward4-ulcers.png",
      "ulcers-ward4-ulcers.svg",
      "variation-common_cause.png",
      "variation-common_cause.svg",
      "variation-improvement_low.png",
      "variation-improvement_low.svg",
    ]);
    expect(md).toContain("## Pressure ulcers on Ward 4 \\| \\<A&E\\> \\*step-down\\*");
    // No temporary files are left beside the output.
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["paper.md", "paper_files"]);
  });

  it("replaces an old paper_files folder completely", async () => {
    const dir = packCopy();
    await runCli(["render", "pack.yaml", "-o", "paper.md"], { cwd: dir });
    writeFileSync(join(dir, "paper_files/stale.svg"), "<svg/>");
    const r = await runCli(["render", "pack.yaml", "-o", "paper.md"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "paper_files/stale.svg"))).toBe(false);
  });

  it("writes a DOCX with the title, heading styles, and alt text on every image", async () => {
    const dir = packCopy();
    const r = await runCli(["render", "pack.yaml", "-o", "paper.docx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "paper_files"))).toBe(false);
    const parts = unzipSync(readFileSync(join(dir, "paper.docx")));
    const doc = new TextDecoder().decode(parts["word/document.xml"]);
    const core = new TextDecoder().decode(parts["docProps/core.xml"]);
    expect(core).toContain("<dc:title>Improvement spotlight: December 2026</dc:title>");
    expect(core).toContain("2026-12-03");
    expect(doc).toContain('w:val="Heading1"');
    expect(doc).toContain("Pressure ulcers on Ward 4 | &lt;A&amp;E&gt; *step-down*");
    const pictures = [...doc.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(pictures.length).toBeGreaterThanOrEqual(6);
    for (const p of pictures) expect(p).toMatch(/descr="[^"]{5,}"/);
  });

  it("gives byte-identical Markdown folders and DOCX files on a second run", async () => {
    const dir = packCopy();
    await runCli(["render", "pack.yaml", "-o", "a/paper.md"], { cwd: dir });
    await runCli(["render", "pack.yaml", "-o", "b/paper.md"], { cwd: dir });
    expect(tree(join(dir, "b"))).toEqual(tree(join(dir, "a")));
    await runCli(["render", "pack.yaml", "-o", "a.docx"], { cwd: dir });
    await runCli(["render", "pack.yaml", "-o", "b.docx"], { cwd: dir });
    expect(readFileSync(join(dir, "b.docx")).equals(readFileSync(join(dir, "a.docx")))).toBe(true);
  });

  it("gives the same bytes in another time zone (child process)", async () => {
    const dir = packCopy();
    await runCli(["render", "pack.yaml", "-o", "here.docx"], { cwd: dir });
    await runCli(["render", "pack.yaml", "-o", "here/paper.md"], { cwd: dir });
    const run = join(repoRoot, "src/cli/run.ts");
    // The child runs from the pack's folder, so name tsx by its full path.
    const tsxLoader = pathToFileURL(join(repoRoot, "node_modules/tsx/dist/esm/index.mjs")).href;
    const script = `const { run } = await import(${JSON.stringify(run)});
      for (const out of ["there.docx", "there/paper.md"]) {
        const code = await run(["render", "pack.yaml", "-o", out]);
        if (code !== 0) process.exit(code);
      }`;
    const child = spawnSync(
      process.execPath,
      ["--import", tsxLoader, "--input-type=module", "-e", script],
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, TZ: "Pacific/Kiritimati", NO_COLOR: "1" },
      },
    );
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(readFileSync(join(dir, "there.docx")).equals(readFileSync(join(dir, "here.docx")))).toBe(
      true,
    );
    expect(tree(join(dir, "there"))).toEqual(tree(join(dir, "here")));
  });

  it("writes no paper and exits 1 when the pack has errors, but still the --summary report", async () => {
    const dir = packCopy();
    edit(dir, "spotlights/letters.yaml", /^problem:.*\n/m, "");
    const r = await runCli(["render", "pack.yaml", "-o", "paper.md", "--summary", "summary.json"], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/spotlights\/letters\.yaml:\d+:\d+ +error +schema\.required/);
    expect(existsSync(join(dir, "paper.md"))).toBe(false);
    expect(existsSync(join(dir, "paper_files"))).toBe(false);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as {
      diagnostics: { code: string; file: string; line: number }[];
    };
    // letters.yaml failed the schema, so it is not in the pack: its problems are listed by file.
    expect(summary.diagnostics).toContainEqual(
      expect.objectContaining({ code: "schema.required", file: "spotlights/letters.yaml" }),
    );
    expect(r.stderr).toMatch(/problems are listed per spotlight in summary\.json/);
  });

  it("prints warnings and renders, but writes nothing under --strict", async () => {
    const dir = packCopy();
    edit(
      dir,
      "spotlights/letters.yaml",
      "problem: Letters",
      "problem: We will implement a new system because letters",
    );
    const loose = await runCli(
      ["render", "pack.yaml", "-o", "paper.docx", "--summary", "summary.json"],
      { cwd: dir },
    );
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/spotlights\/letters\.yaml:\d+:\d+ +warning +standard\./);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as {
      spotlights: {
        id: string;
        measures: { id: string; chart: string }[];
        diagnostics: { code: string; file: string }[];
      }[];
    };
    const byId = Object.fromEntries(summary.spotlights.map((s) => [s.id, s]));
    expect(byId.letters!.measures.map((m) => [m.id, m.chart])).toEqual([["days", "xmr"]]);
    expect(byId.letters!.diagnostics.length).toBeGreaterThan(0);
    expect(byId.letters!.diagnostics.every((d) => d.file === "spotlights/letters.yaml")).toBe(true);
    expect(
      byId["ulcers-ward4"]!.diagnostics.some((d) => d.file === "spotlights/letters.yaml"),
    ).toBe(false);

    rmSync(join(dir, "paper.docx"));
    const strict = await runCli(["render", "pack.yaml", "-o", "paper.docx", "--strict"], {
      cwd: dir,
    });
    expect(strict.code).toBe(1);
    expect(existsSync(join(dir, "paper.docx"))).toBe(false);
  });

  it("uses --templates to override a partial", async () => {
    const dir = packCopy();
    writeFileSync(join(dir, "ask.md.hbs"), "### What we need\n\n{{md ask.text}}\n");
    const r = await runCli(["render", "pack.yaml", "-o", "paper.md", "--templates", "."], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "paper.md"), "utf8");
    expect(md).toContain("### What we need\n\nTake assurance that pressure ulcers have fallen.");
    expect(md).not.toContain("### Ask of the board");
  });

  it("exits 2 naming the template file and line for a broken template, writing nothing", async () => {
    const dir = packCopy();
    writeFileSync(join(dir, "risks.md.hbs"), "### Risks\n\n{{#each risks}}\n");
    const r = await runCli(["render", "pack.yaml", "-o", "paper.md", "--templates", "."], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/risks\.md\.hbs:\d+ +error +template\.syntax/);
    expect(existsSync(join(dir, "paper.md"))).toBe(false);
  });

  it("refuses to overwrite an input file", async () => {
    const dir = packCopy();
    const before = readFileSync(join(dir, "data/measures.csv"));
    const r = await runCli(["render", "pack.yaml", "-o", "data/measures.csv", "--format", "md"], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("output.exists_input");
    expect(readFileSync(join(dir, "data/measures.csv")).equals(before)).toBe(true);
  });

  it("refuses an output name with no known format", async () => {
    const dir = packCopy();
    const r = await runCli(["render", "pack.yaml", "-o", "paper.pdf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("output.format");
  });

  it("copies a spotlight's own images beside the paper, and stops on a missing one", async () => {
    const dir = packCopy();
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=",
      "base64",
    );
    writeFileSync(join(dir, "spotlights/board.PNG"), png);
    const yaml = join(dir, "spotlights/ulcers.yaml");
    writeFileSync(
      yaml,
      readFileSync(yaml, "utf8") +
        "images:\n  - path: board.PNG\n    alt: The team's safety cross board\n    caption: The safety cross on Ward 4\n",
    );
    const ok = await runCli(["render", "pack.yaml", "-o", "paper.md"], { cwd: dir });
    expect(ok.code).toBe(0);
    const md = readFileSync(join(dir, "paper.md"), "utf8");
    expect(md).toContain(
      "![The team's safety cross board](paper_files/ulcers-ward4-image-1.png)\n\n*The safety cross on Ward 4*",
    );
    expect(readFileSync(join(dir, "paper_files/ulcers-ward4-image-1.png")).equals(png)).toBe(true);

    rmSync(join(dir, "paper.md"));
    rmSync(join(dir, "paper_files"), { recursive: true });
    writeFileSync(yaml, readFileSync(yaml, "utf8") + "  - path: missing.png\n");
    const bad = await runCli(["render", "pack.yaml", "-o", "paper.md"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/spotlights\/ulcers\.yaml:\d+:\d+ +error +markdown\.image_alt/);
    expect(bad.stderr).toMatch(/spotlights\/ulcers\.yaml:\d+:\d+ +error +markdown\.image_missing/);
    expect(existsSync(join(dir, "paper.md"))).toBe(false);
    expect(existsSync(join(dir, "paper_files"))).toBe(false);
  });

  it("fills the configured page header and takes the document date from SOURCE_DATE_EPOCH", async () => {
    const dir = packCopy();
    writeFileSync(
      join(dir, "spotlight.config.yaml"),
      'style:\n  header: "{organisation} — {meeting} — {date}"\n  footer: "{title}"\n',
    );
    const r = await runCli(["render", "pack.yaml", "-o", "paper.docx"], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: "1767225600" },
    });
    expect(r.code).toBe(0);
    const parts = unzipSync(readFileSync(join(dir, "paper.docx")));
    const text = (name: string) => new TextDecoder().decode(parts[name]);
    const headers = Object.keys(parts).filter((n) => /^word\/header\d*\.xml$/.test(n));
    expect(headers.map(text).join("")).toContain(
      "Westbrook NHS Trust — Trust Board (Public) — 3 December 2026",
    );
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    expect(footers.map(text).join("")).toContain("Improvement spotlight: December 2026");
    expect(text("docProps/core.xml")).toContain("2026-01-01T00:00:00Z");
  });

  it("shows progress on a terminal, and not with --quiet", async () => {
    const dir = packCopy();
    const run = async (extra: string[]) => {
      let stderr = "";
      const code = await main(["render", "pack.yaml", "-o", "paper.md", ...extra], {
        stdout: { write: () => undefined, isTTY: true },
        stderr: { write: (s) => void (stderr += s), isTTY: true },
        env: { NO_COLOR: "1" },
        cwd: dir,
        fs: nodeIo,
        now: () => new Date(0),
      });
      return { code, stderr };
    };
    const loud = await run([]);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toMatch(/Loading pack\.yaml…\n[\s\S]*Wrote paper\.md and paper_files\/\n$/);
    const quiet = await run(["--quiet"]);
    expect(quiet.stderr).toBe("");
  });

  it("takes templates from the config's templates: folder, relative to the config file", async () => {
    const dir = packCopy();
    writeFileSync(join(dir, "spotlight.config.yaml"), "templates: house\n");
    // A broken template in the working folder is not used: only the config's folder is.
    writeFileSync(join(dir, "spotlights/risks.md.hbs"), "broken {{#if");
    const house = join(dir, "house");
    mkdirSync(house);
    writeFileSync(join(house, "ask.md.hbs"), "### Decision sought\n\n{{md ask.text}}\n");
    const r = await runCli(["render", "../pack.yaml", "-o", "paper.txt", "--format", "md"], {
      cwd: join(dir, "spotlights"),
    });
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "spotlights/paper.txt"), "utf8");
    expect(md).toContain("### Decision sought\n\nNote the early results.");
    expect(existsSync(join(dir, "spotlights/paper_files/letters-days.svg"))).toBe(true);
  });
});
