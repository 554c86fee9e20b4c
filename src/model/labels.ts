// Words for the schema's enumerations, as a board member reads them: `on_track` → "On track",
// `improvement_low` → "Special cause improvement (low)". One place for every label the view
// model shows (icon labels come from src/charts/icons.ts, so icons and text always agree).
import type { Assurance, SpcChart } from "../analysis/types.js";
import { humanise } from "./format.js";

const words: Record<string, string> = {
  // methodology
  model_for_improvement: "Model for Improvement",
  lean_a3: "Lean A3",
  rpiw: "Rapid process improvement workshop",
  kaizen_event: "Kaizen event",
  six_sigma: "Six Sigma",
  experience_based_codesign: "Experience-based co-design",
  // involvement levels
  co_designed: "Co-designed",
  co_produced: "Co-produced",
  patient_led: "Patient-led",
  // waste types
  non_utilised_talent: "Non-utilised talent",
  extra_processing: "Extra processing",
  // ask types
  note: "Note",
  assure: "Take assurance",
  approve_resource: "Approve resource",
  // quality dimensions
  patient_safety: "Patient safety",
  patient_experience: "Patient experience",
  clinical_effectiveness: "Clinical effectiveness",
  // assurance levels
  no: "No assurance",
};

/** Any schema enumeration value in words: `on_track` → "On track", `lean_a3` → "Lean A3". */
export function enumLabel(value: string): string {
  return words[value] ?? humanise(value);
}

const improvementWords = {
  increase: "Higher is better",
  decrease: "Lower is better",
  neutral: "No preferred direction",
} as const;

export function improvementLabel(value: keyof typeof improvementWords): string {
  return improvementWords[value];
}

const chartNames: Record<SpcChart, string> = { xmr: "XmR", run: "Run", p: "P", u: "U", c: "C" };

/** `xmr` → "XmR", `p` → "P". */
export function chartName(chart: SpcChart): string {
  return chartNames[chart];
}

/** Words for the alt text's target clause, after "target 5.5": "consistently passed". */
const assuranceClauses: Record<Exclude<Assurance, null>, string> = {
  pass: "consistently passed",
  fail: "consistently failed",
  inconsistent: "met only some of the time",
};

export function assuranceClause(a: Exclude<Assurance, null>): string {
  return assuranceClauses[a];
}
