import { FundingInputError, parseMoney } from "@dapkit/funding";
import { FundingPlanSchema, formatIssues, type FundingPlan } from "@dapkit/schemas";

import { inputError } from "./cli-errors";
import { atPlace, type FilePlace, type StructuredFile } from "./structured-file";

type SchemaError = Parameters<typeof formatIssues>[0];

interface Problem {
  readonly place: FilePlace;
  readonly text: string;
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join(".");

const FIELDS = Object.keys(FundingPlanSchema.shape);

// formatIssues gives one line per zod issue, in order, so each line pairs with its issue's path. A
// field the schema does not know becomes one problem per field, at the place of its name.
function schemaProblems(file: StructuredFile, error: SchemaError): Problem[] {
  const texts = formatIssues(error);
  return error.issues.flatMap((issue, index) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        const what = issue.path.length === 0 ? "a funding plan" : "this part of the plan";
        return {
          place: file.placeOf(path),
          text: `${dotted(path)}: is not a field of ${what}`,
        };
      });
    }
    return [{ place: file.placeOf(issue.path), text: texts[index] ?? issue.message }];
  });
}

/**
 * Amounts written as money (`"£1,502,449"`, `"£0.455m"`) in any `…Pence` field, read into whole
 * pence in place, so a plan can be typed from a council paper; each amount that cannot be read is
 * a problem at its place.
 */
function readMoneyStrings(file: StructuredFile, value: unknown, path: PropertyKey[]): Problem[] {
  if (typeof value !== "object" || value == null) return [];
  const entries: [PropertyKey, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => {
    const at = [...path, key];
    if (typeof key !== "string" || !key.endsWith("Pence") || typeof item !== "string") {
      return readMoneyStrings(file, item, at);
    }
    try {
      (value as Record<string, unknown>)[key] = parseMoney(item);
      return [];
    } catch (error) {
      if (!(error instanceof FundingInputError)) throw error;
      return [{ place: file.placeOf(at), text: `${dotted(at)}: ${error.message}` }];
    }
  });
}

// Problems in file order, each starting with its place, like a compiler's messages.
function describe(path: string, problems: readonly Problem[]): string {
  return [...problems]
    .sort((a, b) => a.place.line - b.place.line || a.place.column - b.place.column)
    .map(({ place, text }) => `${atPlace(path, place)}: ${text}`)
    .join("\n");
}

/**
 * Checks a plan file against `FundingPlanSchema`, listing every problem as `file:line:column` with
 * its path and reason. Fields the schema does not know are refused by name: a misspelt
 * `reserveDrawdown` would otherwise leave the plan without its reserves.
 */
export function validatePlan(path: string, file: StructuredFile): FundingPlan {
  const { data } = file;
  if (typeof data !== "object" || data == null || Array.isArray(data)) {
    throw inputError(
      `${path} is not a valid funding plan: it must hold one plan, with fields such as name and financialYears.`,
    );
  }
  const moneyProblems = readMoneyStrings(file, data, []);
  const parsed = FundingPlanSchema.safeParse(data);
  if (parsed.success && moneyProblems.length === 0) return parsed.data;
  // An amount that could not be read is still text, which the schema would refuse a second time.
  const unreadable = new Set(moneyProblems.map((problem) => problem.text.split(": ")[0]));
  const schema = parsed.success ? [] : schemaProblems(file, parsed.error);
  const problems = [
    ...moneyProblems,
    ...schema.filter((problem) => !unreadable.has(problem.text.split(": ")[0])),
  ];
  const count = problems.length === 1 ? "1 problem" : `${String(problems.length)} problems`;
  const unknownTop =
    !parsed.success &&
    parsed.error.issues.some(
      (issue) => issue.code === "unrecognized_keys" && issue.path.length === 0,
    );
  const hint = unknownTop ? `\nThe fields of a funding plan are: ${FIELDS.join(", ")}.` : "";
  throw inputError(
    `${path} is not a valid funding plan (${count}):\n${describe(path, problems)}${hint}`,
  );
}
