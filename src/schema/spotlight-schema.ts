// The section schema for one improvement spotlight and its measures (DESIGN §3.2), written
// once in zod: TypeScript types, validation and the exported JSON Schema all come from here.
import { z } from "zod";
import { isoDate, person, stringList, text } from "./fields.js";

export const phases = ["scoping", "diagnosing", "testing", "implementing", "spreading", "sustaining", "closed"] as const;
export const statuses = ["on_track", "at_risk", "off_track", "paused", "completed"] as const;
export const askTypes = ["note", "assure", "discuss", "decide", "support", "approve_resource"] as const;
export const measureTypes = ["outcome", "process", "balancing"] as const;
export const improvements = ["increase", "decrease", "neutral"] as const;
export const chartTypes = ["xmr", "run", "p", "u", "c", "none"] as const;
export const frequencies = ["daily", "weekly", "monthly", "quarterly"] as const;
export const involvementLevels = [
  "none",
  "informed",
  "consulted",
  "engaged",
  "co_designed",
  "co_produced",
  "patient_led",
] as const;
export const wasteTypes = [
  "defects",
  "overproduction",
  "waiting",
  "non_utilised_talent",
  "transportation",
  "inventory",
  "motion",
  "extra_processing",
] as const;
export const pdsaDecisions = ["adopt", "adapt", "abandon"] as const;
export const methodologies = [
  "model_for_improvement",
  "lean_a3",
  "rpiw",
  "kaizen_event",
  "six_sigma",
  "experience_based_codesign",
  "other",
] as const;
export const qualityDimensions = [
  "patient_safety",
  "patient_experience",
  "clinical_effectiveness",
  "timeliness",
  "equity",
  "efficiency",
] as const;
export const changeIdeaStatuses = ["idea", "testing", "adopted", "adapted", "abandoned", "implemented"] as const;

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const id = (what: string) =>
  z
    .string()
    .regex(idPattern, { message: "ids use letters, digits, - and _ (at most 64), starting with a letter or digit" })
    .meta({ description: `Identifier of the ${what}, unique in the pack; used in data files.` });

export const rebaseSchema = z
  .union([
    isoDate,
    z.strictObject({
      date: isoDate,
      reason: z.string().min(1).optional().meta({ description: "Why the limits were recalculated (the standard warns when missing)." }),
    }),
  ])
  .meta({ description: "A date at which limits are recalculated: a date, or {date, reason}." });

export const measureSchema = z
  .strictObject({
    id: id("measure"),
    name: text("Name of the measure as the board will read it."),
    type: z.enum(measureTypes).meta({ description: "IHI family of measures: outcome, process or balancing." }),
    unit: text("Unit shown on the axis: percent, minutes, falls per 1,000 bed days, count…"),
    improvement: z.enum(improvements).meta({ description: "Which direction is better: increase, decrease or neutral." }),
    definition: z.string().optional().meta({ description: "Numerator, denominator, inclusions and exclusions." }),
    target: z.number().optional().meta({ description: "Target value; gives the assurance icon." }),
    chart: z.enum(chartTypes).default("xmr").meta({ description: "Chart type: xmr (default), run, p, u, c or none." }),
    rebase: z.array(rebaseSchema).optional().meta({ description: "Dates where limits are recalculated (a new segment starts at each)." }),
    baseline_points: z.int().min(12).optional().meta({ description: "Fix the limits after this many points of each segment (at least 12)." }),
    screen_outliers: z.boolean().optional().meta({ description: "Screen large moving ranges before computing limits (default false, as the MDC Excel tool)." }),
    min_points: z.int().min(2).optional().meta({ description: "Segments with fewer points have trial limits (default from config, 13)." }),
    annotations: z
      .array(z.strictObject({ date: isoDate, label: text("Text drawn on the chart.") }))
      .optional()
      .meta({ description: "PDSA cycles and go-lives drawn on the chart." }),
    multiplier: z.number().positive().optional().meta({ description: "Scale for P/U charts, e.g. 1000 for per 1,000 bed days." }),
    decimals: z.int().min(0).max(6).optional().meta({ description: "Decimal places shown for values." }),
    data_source: z.string().optional().meta({ description: "System the data comes from (EPR, Datix, PAS…)." }),
    frequency: z.enum(frequencies).default("monthly").meta({ description: "Spacing of the data: daily, weekly, monthly or quarterly." }),
  })
  .meta({ description: "A measure of the project, with its data in the pack's data files." });

const pdsaSchema = z.strictObject({
  cycle: z.int().min(1).meta({ description: "Cycle number." }),
  change: text("The change tested."),
  start: isoDate,
  end: isoDate.optional(),
  prediction: z.string().optional().meta({ description: "What the team predicted would happen." }),
  result: z.string().optional().meta({ description: "What happened." }),
  learning: z.string().optional().meta({ description: "What was learned." }),
  decision: z.enum(pdsaDecisions).optional().meta({ description: "adopt, adapt or abandon." }),
});

const wasteSchema = z.strictObject({
  type: z.enum(wasteTypes).meta({ description: "One of the eight lean wastes." }),
  description: text("The waste removed, in plain words."),
  estimate: z
    .strictObject({
      value: z.number(),
      unit: text("hours, days, bed_days, steps, miles, items, gbp…"),
      period: z.string().optional().meta({ description: "Per month, per year…" }),
    })
    .optional(),
});

export const spotlightSchema = z
  .strictObject({
    id: id("spotlight"),
    title: text("Title of the project: the issue, not the countermeasure."),
    executive_sponsor: person.meta({ description: "The executive who sponsors the project." }),
    project_lead: person.meta({ description: "Who to ask about the project." }),
    clinical_lead: person.optional(),
    service: text("Division, care group or service where the work happens."),
    phase: z.enum(phases).meta({ description: "Where the project is in its life cycle." }),
    status: z.enum(statuses).optional().meta({ description: "Delivery status, instead of RAG colours." }),
    methodology: z.enum(methodologies).optional(),
    report_period: z
      .strictObject({ start: isoDate, end: isoDate })
      .meta({ description: "The period the data and update cover." }),
    data_as_at: isoDate.optional().meta({ description: "Date the data was extracted." }),
    quality_dimensions: z.array(z.enum(qualityDimensions)).optional(),
    strategic_objectives: stringList("Trust strategic objectives this project serves.").optional(),
    values: stringList("Trust values this project shows.").optional(),
    baf_risks: stringList("Board Assurance Framework risks this project addresses.").optional(),
    problem: text("The problem, framed as a problem with its impact on patients — not the solution."),
    background: z.string().optional(),
    aim: z
      .strictObject({
        statement: text("The aim, as a SMART statement."),
        measure: z.string().min(1).meta({ description: "Id of the measure that shows the aim." }),
        baseline: z.number().meta({ description: "Where the measure started." }),
        target: z.number().meta({ description: "Where the aim wants it to be." }),
        by: isoDate.meta({ description: "When the aim should be met." }),
      })
      .meta({ description: "The project's aim, tied to one of its measures." }),
    measures: z.array(measureSchema).min(1).meta({ description: "Outcome, process and balancing measures." }),
    results: z.string().optional().meta({ description: "What the data shows, in plain English (narrative adds to it)." }),
    change_ideas: z
      .array(z.strictObject({ description: text("The change idea."), status: z.enum(changeIdeaStatuses).optional() }))
      .optional(),
    pdsa: z.array(pdsaSchema).optional().meta({ description: "Plan-Do-Study-Act cycles." }),
    involvement: z
      .strictObject({
        patients: z.strictObject({
          level: z.enum(involvementLevels).meta({ description: "Ladder of involvement, from none to patient_led." }),
          description: z.string().optional().meta({ description: "How patients and carers were involved." }),
        }),
        staff: z.strictObject({
          description: z.string().optional().meta({ description: "How staff were involved." }),
          groups: stringList("Staff groups involved.").optional(),
          count: z.int().min(0).optional(),
        }),
      })
      .meta({ description: "Patient and staff involvement: both are required." }),
    waste: z.array(wasteSchema).optional().meta({ description: "Waste reduction, in lean terms." }),
    successes: z
      .array(z.strictObject({ text: text("What to celebrate."), people: stringList("Who to thank.").optional(), date: isoDate.optional() }))
      .optional(),
    risks: z
      .array(
        z.strictObject({
          description: text("The risk or issue."),
          impact: z.string().optional(),
          mitigation: z.string().optional(),
          owner: z.string().optional(),
        }),
      )
      .optional(),
    ask: z
      .strictObject({ type: z.enum(askTypes), text: text("What the board is asked to do.") })
      .meta({ description: "The explicit ask of the board." }),
    next_steps: z
      .array(z.strictObject({ action: text("The action."), owner: text("Who owns it."), due: isoDate }))
      .min(1),
    sustain: z.string().optional().meta({ description: "How the change will be sustained or spread." }),
    data_quality: z.string().optional().meta({ description: "Notes on data quality and provisional data." }),
    patient_story: z
      .strictObject({ summary: text("The story."), consent_recorded: z.boolean() })
      .optional()
      .meta({ description: "Rendered only when consent_recorded is true." }),
    images: z
      .array(
        z.strictObject({
          path: text("Image file, relative to the spotlight file."),
          alt: z.string().optional().meta({ description: "Alt text (required unless decorative)." }),
          caption: z.string().optional(),
          decorative: z.boolean().optional(),
        }),
      )
      .optional(),
    data: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .meta({ description: "Data files (globs) for this spotlight, when it is checked on its own." }),
  })
  .meta({ description: "One improvement spotlight (one project)." });

export type Measure = z.infer<typeof measureSchema>;
export type MeasureInput = z.input<typeof measureSchema>;
export type Rebase = z.infer<typeof rebaseSchema>;
export type Spotlight = z.infer<typeof spotlightSchema>;
export type Improvement = (typeof improvements)[number];
export type ChartType = (typeof chartTypes)[number];
export type Frequency = (typeof frequencies)[number];
