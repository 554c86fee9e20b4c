// Data checks of the standard: trial limits (fewer than min_points points in the last
// segment), a rebase without a reason, and a target on a measure with neutral improvement.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { where, type CheckContext } from "./doc.js";

export function checkMinPoints(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.spotlights) {
    const analyses = ctx.analyses.get(doc.spotlight.id);
    doc.spotlight.measures.forEach((m, i) => {
      const a = analyses?.get(m.id);
      if (a === undefined || !a.trial_limits) return;
      const n = a.segments.at(-1)?.n ?? a.points.length;
      out.push(
        diagnostic({
          code: "standard.min_points",
          severity: "info",
          ...where(doc, ["measures", i]),
          message: `measure "${m.id}" has ${n} point${n === 1 ? "" : "s"} since its last rebase, fewer than min_points (${a.options.min_points}), so its limits are trial limits`,
          hint: "Read its signals with caution until the segment has enough points.",
          actual: String(n),
          expected: [`at least ${a.options.min_points} points`],
        }),
      );
    });
  }
  return out;
}

export function checkRebaseReason(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.spotlights) {
    doc.spotlight.measures.forEach((m, i) => {
      (m.rebase ?? []).forEach((r, j) => {
        const date = typeof r === "string" ? r : r.date;
        const reason = typeof r === "string" ? undefined : r.reason;
        if (reason !== undefined && reason.trim() !== "") return;
        out.push(
          diagnostic({
            code: "standard.rebase_reason",
            severity: "warning",
            ...where(doc, ["measures", i, "rebase", j]),
            message: `measure "${m.id}" is rebased at ${date} without a reason`,
            hint: `Write the rebase as {date: ${date}, reason: …} saying what changed in the process.`,
          }),
        );
      });
    });
  }
  return out;
}

export function checkTargetNeutral(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.spotlights) {
    doc.spotlight.measures.forEach((m, i) => {
      if (m.improvement !== "neutral" || m.target === undefined) return;
      out.push(
        diagnostic({
          code: "standard.target_neutral",
          severity: "warning",
          ...where(doc, ["measures", i, "target"]),
          message: `measure "${m.id}" has a target but its improvement direction is neutral, so no assurance can be given`,
          hint: "Set improvement to increase or decrease, or remove the target.",
        }),
      );
    });
  }
  return out;
}
