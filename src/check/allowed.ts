// Allowed values: strategic objectives, trust values and BAF risks must come from the trust's
// own lists (`standard.allowed`), on every spotlight and on the paper, with "did you mean".
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { where, type CheckContext } from "./doc.js";
import { closest, quotedList } from "./text.js";

export const listFields = ["strategic_objectives", "values", "baf_risks"] as const;

const labels: Record<(typeof listFields)[number], string> = {
  strategic_objectives: "strategic objective",
  values: "trust value",
  baf_risks: "BAF risk",
};

export function checkAllowed(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const field of listFields) {
    const allowed = ctx.standard.allowed?.[field];
    if (allowed === undefined) continue;
    const set = new Set(allowed.map((a) => a.trim()));
    for (const doc of ctx.docs) {
      const values = doc.data[field];
      if (!Array.isArray(values)) continue;
      values.forEach((value: unknown, j) => {
        if (typeof value !== "string" || set.has(value.trim())) return;
        const guess = closest(value.trim(), allowed);
        out.push(
          diagnostic({
            code: "standard.allowed_value",
            severity: "warning",
            ...where(doc, [field, j]),
            message: `"${value}" is not one of the trust's ${labels[field]}s`,
            hint:
              guess !== undefined
                ? `Did you mean "${guess}"?`
                : `Use one of ${quotedList(allowed.slice(0, 10))}${allowed.length > 10 ? " …" : ""}.`,
            actual: value,
            expected: [...allowed],
          }),
        );
      });
    }
  }
  return out;
}
