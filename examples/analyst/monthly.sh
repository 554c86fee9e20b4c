#!/usr/bin/env bash
# The analyst's monthly run: check the board pack, render the paper as DOCX and Markdown,
# and print a one-screen digest from the JSON summary (warnings and SPC icons per measure).
#
#   examples/analyst/monthly.sh [pack.yaml] [output folder]
#
# Defaults: the bundled Northshire pack, and out/ beside this script. Set SPOTLIGHT to the
# command to run (default: `spotlight` on the PATH, else this checkout's bin/spotlight.cjs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pack="${1:-$here/../northshire/pack.yaml}"
out="${2:-$here/out}"

if [[ -n "${SPOTLIGHT:-}" ]]; then
  read -r -a spotlight <<<"$SPOTLIGHT"
elif command -v spotlight >/dev/null 2>&1; then
  spotlight=(spotlight)
else
  spotlight=(node "$here/../../bin/spotlight.cjs")
fi

mkdir -p "$out"

# 1. Validate. Exit 1 means the pack has errors: show them and stop before rendering.
#    Exit 2 means the tool could not run at all (set -e stops the script).
status=0
"${spotlight[@]}" validate "$pack" --format json >"$out/validation.json" || status=$?
if [[ $status -eq 1 ]]; then
  echo "The pack has errors; nothing was rendered. Details: $out/validation.json" >&2
  "${spotlight[@]}" validate "$pack" >&2 || true
  exit 1
elif [[ $status -ne 0 ]]; then
  echo "spotlight validate could not run (exit $status)." >&2
  exit "$status"
fi

# 2. Render the paper twice: DOCX for the board, Markdown for review in a pull request.
#    The DOCX run also writes the analysis and diagnostics per spotlight as JSON.
"${spotlight[@]}" render "$pack" -o "$out/paper.docx" --summary "$out/summary.json" --quiet
"${spotlight[@]}" render "$pack" -o "$out/paper.md" --quiet

# 3. Digest: validation counts, then per spotlight its warnings and each measure's icons.
node - "$out/validation.json" "$out/summary.json" <<'JS'
const fs = require("node:fs");
const [validationFile, summaryFile] = process.argv.slice(2);
const diagnostics = JSON.parse(fs.readFileSync(validationFile, "utf8"));
const count = (list, severity) => list.filter((d) => d.severity === severity).length;
console.log(
  `Validation: ${count(diagnostics, "error")} errors, ${count(diagnostics, "warning")} warnings, ` +
    `${count(diagnostics, "info")} notes`,
);

// summary.json: { pack, diagnostics (pack-level), spotlights: [{ id, title, diagnostics,
// measures: [{ id, chart, variation, assurance, trial_limits, narrative, points, ... }] }] }
const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8"));
console.log(`Paper: ${count(summary.diagnostics, "warning")} warnings outside the spotlights`);
for (const s of summary.spotlights) {
  console.log(`\n${s.id}: ${s.title}`);
  console.log(`  warnings: ${count(s.diagnostics, "warning")}`);
  for (const m of s.measures) {
    const assurance = m.assurance ?? "no target";
    const trial = m.trial_limits ? " (trial limits)" : "";
    console.log(`  ${m.id.padEnd(28)} ${String(m.variation).padEnd(18)} ${assurance}${trial}`);
  }
}
JS

echo
echo "Wrote $out/paper.docx, $out/paper.md and $out/summary.json"
