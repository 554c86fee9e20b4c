// The pack file (DESIGN §3.1): the paper's cover-sheet fields, the data files and the
// spotlights (file globs or inline objects).
import { z } from "zod";
import { isoDate, person, stringList, text } from "./fields.js";
import { spotlightSchema } from "./spotlight-schema.js";

export const purposes = ["approval", "decision", "assurance", "discussion", "information"] as const;
export const assuranceLevels = ["substantial", "reasonable", "limited", "no"] as const;

export const paperSchema = z
  .strictObject({
    organisation: text("The trust's name."),
    meeting: text("The meeting, e.g. Trust Board (Public)."),
    date: isoDate.meta({ description: "Date of the meeting." }),
    agenda_item: text("Agenda item reference, e.g. PUB26/12/7.1."),
    paper_ref: z.string().optional().meta({ description: "Enclosure reference, optional." }),
    title: text("Title of the paper."),
    purpose: z
      .array(z.enum(purposes))
      .min(1)
      .meta({ description: "approval, decision, assurance, discussion and/or information." }),
    assurance_level: z
      .enum(assuranceLevels)
      .optional()
      .meta({ description: "substantial, reasonable, limited or no (when the purpose includes assurance)." }),
    executive_lead: person,
    author: person,
    presenter: person.optional(),
    summary: text("Executive summary (Markdown: paragraphs, bold, italic, lists, links)."),
    recommendations: stringList("What the board is asked to do, e.g. 'The Board is asked to …'.").min(1),
    strategic_objectives: stringList("Strategic objectives the paper links to."),
    baf_risks: stringList("Board Assurance Framework risks.").optional(),
    previously_considered_by: z
      .array(z.strictObject({ committee: text("Committee name."), date: isoDate, outcome: z.string().optional() }))
      .optional(),
    equality_impact: text("Equality impact statement."),
    quality_impact: z.string().optional().meta({ description: "Quality impact statement." }),
  })
  .meta({ description: "The board paper's cover sheet." });

const globs = z.union([z.string().min(1), z.array(z.string().min(1))]);

export const packSchema = z
  .strictObject({
    paper: paperSchema,
    data: globs.optional().meta({ description: "Measure data files (CSV or YAML), relative to this file; globs allowed." }),
    spotlights: z
      .array(z.union([z.string().min(1), spotlightSchema]))
      .min(1)
      .meta({ description: "Spotlight files (globs) and/or inline spotlight objects, in render order." }),
  })
  .meta({ description: "A board pack: the paper, its data files and its spotlights." });

export type Paper = z.infer<typeof paperSchema>;
export type PackFile = z.infer<typeof packSchema>;
