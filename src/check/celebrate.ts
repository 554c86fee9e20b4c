// Celebrate progress: a measure whose analysis shows special cause improvement or a consistent
// pass of its target, while the spotlight lists no successes for the board to celebrate.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { where, type CheckContext } from "./doc.js";
import { quotedList } from "./text.js";

export function checkCelebrate(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.spotlights) {
    const { spotlight } = doc;
    if ((spotlight.successes ?? []).length > 0) continue;
    const analyses = ctx.analyses.get(spotlight.id);
    const good = spotlight.measures.flatMap((m, i) => {
      const a = analyses?.get(m.id);
      if (a === undefined) return [];
      const improving = a.variation.startsWith("improvement_");
      return improving || a.assurance === "pass" ? [{ i, id: m.id, improving }] : [];
    });
    if (good.length === 0) continue;
    const first = good[0]!;
    const shows = first.improving
      ? "special cause improvement"
      : "it consistently passes its target";
    out.push(
      diagnostic({
        code: "standard.celebrate",
        severity: "warning",
        ...where(doc, ["measures", first.i]),
        message:
          good.length === 1
            ? `measure "${first.id}" shows ${shows}, but the spotlight lists no successes`
            : `measures ${quotedList(good.map((g) => g.id))} show improvement or pass their target, but the spotlight lists no successes`,
      }),
    );
  }
  return out;
}
