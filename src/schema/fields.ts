// Small zod building blocks shared by the pack, spotlight and config schemas: dates, people,
// and the strict-object helper. Only src/schema/** imports zod.
import { z } from "zod";

/** True when y-m-d is a real calendar date (no rolling over: 2024-02-30 is false). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** An ISO calendar date written `YYYY-MM-DD` (YAML 1.2 keeps it a string). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date written YYYY-MM-DD" })
  .refine((s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), {
    message: "this date does not exist",
  })
  .meta({ description: "A date written YYYY-MM-DD.", format: "date" });

export const text = (description: string) => z.string().min(1).meta({ description });

export const person = z
  .strictObject({
    name: text("Full name."),
    role: text("Job title."),
    contact: z.string().optional().meta({ description: "Email or phone, optional." }),
  })
  .meta({ description: "A named person and their role." });

export const stringList = (description: string) => z.array(z.string().min(1)).meta({ description });
