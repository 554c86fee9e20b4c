// Checks of the trust's standard settings themselves: check codes, word-limit fields and
// required fields must exist, with "did you mean". Reported as config.invalid errors at the
// key in spotlight.config.yaml, since a typo there silently switches a check off.
import { codes } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { textFieldNames, whereInConfig, type CheckContext, type Path } from "./doc.js";
import { isRequirable, requirableFields } from "./required.js";
import { closest } from "./text.js";

export const standardCodes: readonly string[] = Object.keys(codes).filter((c) =>
  c.startsWith("standard."),
);

function unknown(
  ctx: CheckContext,
  path: Path,
  what: string,
  name: string,
  known: readonly string[],
  key: boolean,
) {
  const guess = closest(name, known);
  return diagnostic({
    code: "config.invalid",
    ...whereInConfig(ctx, path, key),
    message: `standard: "${name}" is not ${what}`,
    hint: guess !== undefined ? `Did you mean "${guess}"?` : `Use one of: ${known.join(", ")}.`,
    actual: name,
    expected: [...known],
  });
}

export function checkStandardConfig(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const code of Object.keys(ctx.standard.checks ?? {})) {
    if (!standardCodes.includes(code))
      out.push(
        unknown(ctx, ["standard", "checks", code], "a check code", code, standardCodes, true),
      );
  }
  for (const field of Object.keys(ctx.standard.word_limits ?? {})) {
    if (!textFieldNames.includes(field))
      out.push(
        unknown(
          ctx,
          ["standard", "word_limits", field],
          "a text field",
          field,
          textFieldNames,
          true,
        ),
      );
  }
  (ctx.standard.require ?? []).forEach((name, i) => {
    if (!isRequirable(name))
      out.push(unknown(ctx, ["standard", "require", i], "a field", name, requirableFields, false));
  });
  return out;
}
