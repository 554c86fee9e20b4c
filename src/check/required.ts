// Required content beyond the core: spotlight fields the trust's standard lists in
// `standard.require` (e.g. values, waste, involvement.patients.description); a name starting
// `paper.` requires a field of the paper. Missing, empty text and empty lists all count as absent.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { paperSchema } from "../schema/pack-schema.js";
import { spotlightSchema } from "../schema/spotlight-schema.js";
import { valuesAt, where, type CheckContext, type Doc } from "./doc.js";

/** Names `standard.require` accepts at the top: spotlight fields, and `paper.` + paper fields. */
export const requirableFields: readonly string[] = [
  ...Object.keys(spotlightSchema.shape),
  ...Object.keys(paperSchema.shape).map((f) => `paper.${f}`),
];

/** True when the name's top-level field exists (deeper parts are not checked). */
export function isRequirable(name: string): boolean {
  const parts = name.split(".");
  return requirableFields.includes(parts[0] === "paper" ? parts.slice(0, 2).join(".") : parts[0]!);
}

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function checkRequired(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const paper = ctx.docs.find((d) => d.kind === "paper");
  for (const name of (ctx.standard.require ?? []).filter(isRequirable)) {
    const onPaper = name.startsWith("paper.");
    const field = onPaper ? name.slice("paper.".length) : name;
    const docs: Doc[] = onPaper ? (paper === undefined ? [] : [paper]) : ctx.spotlights;
    for (const doc of docs) {
      const found = valuesAt(doc.data, field);
      if (found.some((f) => present(f.value))) continue;
      out.push(
        diagnostic({
          code: "standard.required",
          severity: "warning",
          ...where(doc, field.split(".")),
          message: `${field} is missing; the trust's standard requires it`,
          hint: `Add ${field} to the ${onPaper ? "paper" : "spotlight"}.`,
        }),
      );
    }
  }
  return out;
}
