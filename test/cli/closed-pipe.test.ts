// A reader that stops early (`spotlight schema | head -1`) closes the pipe under the command:
// the command still ends with its own exit code and no stack trace.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { binPath, repoRoot } from "../helpers/cli.js";

function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy(); // closed before the command writes a byte
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("output into a pipe the reader has closed", () => {
  it.each([[["--help"]], [["schema"]], [["convert", "--help"]], [["templates", "--help"]]])(
    "spotlight %j exits 0 without a stack trace",
    async (args) => {
      const r = await runIntoClosedPipe(args);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    },
  );
});
