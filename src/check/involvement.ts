// Involvement checks: patients involved only at level none or informed, and staff involvement
// that names neither how staff were involved nor which groups.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { where, type CheckContext } from "./doc.js";

const lowLevels = new Set(["none", "informed"]);

export function checkPatientInvolvement(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.spotlights) {
    const level = doc.spotlight.involvement?.patients?.level;
    if (level === undefined || !lowLevels.has(level)) continue;
    out.push(
      diagnostic({
        code: "standard.patient_involvement",
        severity: "warning",
        ...where(doc, ["involvement", "patients", "level"]),
        message: `patient involvement is at level "${level}"`,
        actual: level,
        expected: ["consulted", "engaged", "co_designed", "co_produced", "patient_led"],
      }),
    );
  }
  return out;
}

export function checkStaffInvolvement(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.spotlights) {
    const staff = doc.spotlight.involvement?.staff;
    if (staff === undefined) continue;
    const described = (staff.description ?? "").trim() !== "";
    const grouped = (staff.groups ?? []).some((g) => g.trim() !== "");
    if (described || grouped) continue;
    out.push(
      diagnostic({
        code: "standard.staff_involvement",
        severity: "warning",
        ...where(doc, ["involvement", "staff"]),
        message: "staff involvement has no description and no staff groups",
        hint: "Add involvement.staff.description or involvement.staff.groups (who took part, and how).",
      }),
    );
  }
  return out;
}
