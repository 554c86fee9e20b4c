// The house style's files and texts, shared by render and convert: a logo that cannot be read
// is a diagnostic at the config key (the paper is refused, exit 1), and header and footer
// placeholders are filled in both commands.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fillPlaceholders, headerAndFooter } from "../../src/write/house-style.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "spotlight-house-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("house style", () => {
  it("render refuses the paper when the logo cannot be read, pointing at the config key", async () => {
    expect((await runCli(["init", "pack"], { cwd: dir })).code).toBe(0);
    const config = join(dir, "pack", "spotlight.config.yaml");
    const text = readFileSync(config, "utf8");
    expect(text).toMatch(/^style:\n/m);
    writeFileSync(config, text.replace(/^style:\n/m, "style:\n  logo: missing-logo.png\n"));
    const r = await runCli(["render", "pack/pack.yaml", "-o", "paper.docx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /pack\/spotlight\.config\.yaml:\d+:\d+ +error +file\.unreadable +cannot read the logo/,
    );
    expect(existsSync(join(dir, "paper.docx"))).toBe(false);
  });

  it("fills header and footer placeholders, dropping the unknown ones with their separator", () => {
    const style = { header: "{organisation} — {meeting}", footer: "{title} | {date}" };
    expect(
      headerAndFooter(style as never, { title: "Spotlights", date: "3 December 2026" }),
    ).toEqual({
      header: "",
      footer: "Spotlights | 3 December 2026",
    });
    expect(fillPlaceholders("{organisation} — {title}", { organisation: "NHT", title: "T" })).toBe(
      "NHT — T",
    );
  });
});
