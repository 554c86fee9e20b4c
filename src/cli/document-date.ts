// The date written into a DOCX that has no paper date of its own (convert), or that the user
// pins with SOURCE_DATE_EPOCH (render and convert): never the clock, so runs are reproducible.
import { FatalError, diagnostic } from "../diagnostics/diagnostic.js";

/** The date written into the DOCX when SOURCE_DATE_EPOCH is not set. */
export const fixedDocumentDate = "1980-01-01";

/** YYYY-MM-DD from SOURCE_DATE_EPOCH (seconds since 1970, UTC), or the fixed date. */
export function documentDate(env: Record<string, string | undefined>): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return fixedDocumentDate;
  if (!/^\d+$/.test(epoch)) {
    throw new FatalError(
      diagnostic({
        code: "cli.usage",
        message: `SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`,
      }),
    );
  }
  const iso = new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return iso < fixedDocumentDate ? fixedDocumentDate : iso;
}
