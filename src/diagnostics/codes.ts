// The catalogue of diagnostic codes: what each means and the default hint. The README's
// diagnostics table is generated from this list (test/readme.test.ts checks it).
// Add a code here before emitting it; codes are stable identifiers that users script against.

export interface CodeInfo {
  /** What the code means, one line, for the README table. */
  meaning: string;
  /** Default hint shown under the message; a diagnostic may give a more specific one. */
  hint?: string;
}

export const codes = {
  // --- files and YAML
  "file.unreadable": { meaning: "A file named on the command line or in the pack cannot be read." },
  "file.not_found": {
    meaning: "A file or glob named in the pack matches nothing.",
    hint: "Paths are relative to the pack file.",
  },
  "file.outside_pack": {
    meaning: "A file named by the pack lies outside the pack's folder.",
    hint: "Move the file inside the pack's folder, or pass --allow-outside if you trust this pack.",
  },
  "file.too_large": { meaning: "A file is larger than the configured limit (limits.max_file_mb)." },
  "file.binary": { meaning: "A file that should be text contains binary data." },
  "file.empty": { meaning: "A file is empty." },
  "yaml.syntax": {
    meaning: "The YAML cannot be parsed.",
    hint: "Check indentation and quoting near this line.",
  },
  "yaml.duplicate_key": {
    meaning: "A YAML mapping has the same key twice.",
    hint: "Remove or rename one of the keys.",
  },
  "yaml.tab": {
    meaning: "A tab character is used for indentation.",
    hint: "YAML indentation must use spaces.",
  },
  "yaml.alias_limit": {
    meaning: "YAML aliases expand beyond the allowed size.",
    hint: "Avoid deeply nested anchors and aliases.",
  },
  "yaml.too_deep": { meaning: "The YAML nesting is deeper than allowed." },
  // --- schema
  "schema.required": { meaning: "A required field is missing." },
  "schema.type": { meaning: "A value has the wrong type." },
  "schema.enum": { meaning: "A value is not one of the allowed values." },
  "schema.unknown_key": { meaning: "A key is not part of the section schema." },
  "schema.invalid": {
    meaning: "A value breaks a rule of the section schema (length, range, format).",
  },
  "schema.date": {
    meaning: "A date in YAML is not a valid date.",
    hint: "Write dates as YYYY-MM-DD.",
  },
  "schema.duplicate_id": {
    meaning: "Two spotlights or measures share an id.",
    hint: "Ids must be unique in the pack.",
  },
  "schema.string_too_long": {
    meaning: "A text value is longer than the configured limit (limits.max_string_length).",
  },
  "schema.too_many": {
    meaning: "A list is longer than the configured limit (limits.max_spotlights or similar).",
  },
  // --- references between files
  "ref.measure_missing": { meaning: "The aim names a measure that the spotlight does not define." },
  "ref.unknown_measure": { meaning: "A data row names a measure that no spotlight defines." },
  "ref.unknown_spotlight": { meaning: "A data row names a spotlight that is not in the pack." },
  "ref.ambiguous_measure": {
    meaning:
      "A data row has no spotlight column and its measure id is used by more than one spotlight.",
    hint: "Add a spotlight column to the data file.",
  },
  "ref.no_data": { meaning: "A measure has no data rows." },
  // --- measure data (CSV / YAML)
  "csv.syntax": { meaning: "The CSV cannot be parsed (for example an unclosed quote)." },
  "csv.ragged_row": { meaning: "A CSV row has more or fewer fields than the header." },
  "csv.missing_column": { meaning: "A required column is missing from the header." },
  "csv.unknown_column": { meaning: "A column is not recognised and will be ignored." },
  "csv.header_only": { meaning: "The data file has a header but no rows." },
  "data.encoding": {
    meaning: "The file is not UTF-8 and was read as Windows-1252.",
    hint: "Save the file as UTF-8 (in Excel: CSV UTF-8) to be sure characters read correctly.",
  },
  "data.invalid_utf8": { meaning: "The file claims UTF-8 or UTF-16 but contains invalid bytes." },
  "data.bad_number": { meaning: "A value is not a number." },
  "data.bad_date": { meaning: "A date cannot be read." },
  "data.impossible_date": { meaning: "A date does not exist (for example 31/04/2024)." },
  "data.missing_date": { meaning: "A row has no date." },
  "data.missing_measure": { meaning: "A row has no measure id." },
  "data.total_row": {
    meaning:
      "A row looks like a total or summary row (no measure and no date, or first cell Total); it is ignored.",
  },
  "data.duplicate_date": { meaning: "Two rows give the same spotlight, measure and date." },
  "data.unsorted": { meaning: "Rows for a measure are not in date order; they were sorted." },
  "data.gap": { meaning: "A measure's dates skip one or more periods of its frequency." },
  "data.value_mismatch": { meaning: "value differs from numerator / denominator." },
  "data.no_value": { meaning: "A row has neither a value nor a numerator and denominator." },
  "data.too_many_rows": {
    meaning: "A data file has more rows than the configured limit (limits.max_rows).",
  },
  "data.non_finite": {
    meaning: "A number is infinite or not a number (for example 1e309 or NaN).",
  },
  "data.excel_error": {
    meaning: "A cell holds an Excel error such as #N/A or #DIV/0!; it is treated as missing.",
  },
  // --- configuration
  "config.invalid": { meaning: "The configuration file breaks its schema." },
  // --- SPC
  "spc.rebase_not_in_data": {
    meaning: "A rebase date is not one of the measure's data dates, so it has no effect.",
  },
  "spc.chart_needs_denominator": {
    meaning: "A P or U chart needs numerator and denominator on every row.",
  },
  "spc.constant": { meaning: "Every value is the same, so limits cannot be calculated." },
  // --- the trust's section standard (section 6 of the design)
  "standard.word_limit": { meaning: "A field is longer than the trust's word limit." },
  "standard.required": { meaning: "A field the trust's standard requires is missing." },
  "standard.allowed_value": { meaning: "A value is not on the trust's list." },
  "standard.language": { meaning: "A phrase the trust's language guide replaces was used." },
  "standard.problem_framing": {
    meaning: "The problem or title describes a solution rather than the problem.",
    hint: "Describe the problem and its impact on patients; keep the solution for the change ideas.",
  },
  "standard.patient_involvement": {
    meaning: "Patient involvement is at level none or informed.",
    hint: "Boards are asked to see patients involved in improvement: consult, engage or co-design with them.",
  },
  "standard.staff_involvement": {
    meaning: "Staff involvement gives no detail of who was involved.",
  },
  "standard.celebrate": {
    meaning: "A measure shows improvement or consistent pass but the spotlight lists no successes.",
    hint: "Add a `successes` entry so the board can celebrate the progress.",
  },
  "standard.acronym": { meaning: "An acronym is used before it is spelled out." },
  "standard.note_contents": {
    meaning: "A recommendation only asks the board to note the contents.",
    hint: "Say what the board is asked to do: assure, discuss, decide, support or approve.",
  },
  "standard.long_sentence": { meaning: "A sentence is longer than the configured maximum." },
  "standard.min_points": { meaning: "A measure has fewer points than min_points (trial limits)." },
  "standard.rebase_reason": { meaning: "A rebase has no reason." },
  "standard.target_neutral": { meaning: "A target is set on a neutral measure." },
  // --- templates and writers
  "template.syntax": { meaning: "A template cannot be compiled." },
  "template.missing_variable": {
    meaning: "A template names a value that is not in the view model.",
  },
  "template.unknown_helper": { meaning: "A template calls a helper that does not exist." },
  "template.missing_partial": { meaning: "A template includes a partial that does not exist." },
  "template.render": {
    meaning: "A template failed while rendering (a helper got a value it cannot use).",
  },
  "template.unreadable": { meaning: "The templates folder or a template file cannot be read." },
  "markdown.raw_html": {
    meaning: "Raw HTML in Markdown is shown as text, not passed into the DOCX.",
  },
  "markdown.unsupported": {
    meaning: "A Markdown construct is not supported in DOCX and is shown as text.",
  },
  "markdown.image_missing": { meaning: "An image named in the Markdown cannot be found." },
  "markdown.image_alt": { meaning: "An image has no alt text." },
  "markdown.link_scheme": {
    meaning: "A link uses a scheme other than http, https or mailto and is shown as text.",
  },
  "style.reference_docx": { meaning: "The reference DOCX cannot be read or has no styles." },
  // --- output and running
  "output.exists_input": {
    meaning: "The output path is one of the input files.",
    hint: "Choose another output path.",
  },
  "output.is_directory": { meaning: "The output path is a folder." },
  "output.exists": {
    meaning: "A file to be written already exists.",
    hint: "Choose an empty folder, or move the existing files away first.",
  },
  "output.symlink": { meaning: "The output path is a symbolic link." },
  "output.write_failed": { meaning: "The output could not be written (permission or disk full)." },
  "output.format": {
    meaning: "The output format cannot be worked out from the file name.",
    hint: "Use .docx or .md, or pass --format.",
  },
  "cli.usage": { meaning: "The command line is not valid." },
  "init.exists": {
    meaning: "`spotlight init` would overwrite a file that already exists, so nothing was written.",
    hint: "Run init into a new or empty folder, e.g. spotlight init board-pack.",
  },
  "internal.error": {
    meaning: "A bug in board-spotlight.",
    hint: "Run again with --debug and report the stack trace.",
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof codes;

export function hintFor(code: DiagnosticCode): string | undefined {
  const info: CodeInfo = codes[code];
  return info.hint;
}
