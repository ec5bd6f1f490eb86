import { FundingPlanSchema, formatIssues, type FundingPlan } from "@dapkit/schemas";

import { inputError } from "./cli-errors";
import type { StructuredFile } from "./structured-file";

type SchemaError = Parameters<typeof formatIssues>[0];

interface Problem {
  readonly line: number;
  readonly text: string;
}

const FIELDS = Object.keys(FundingPlanSchema.shape);

// formatIssues gives one line per zod issue, in order, so each line pairs with its issue's path.
function schemaProblems(file: StructuredFile, error: SchemaError): Problem[] {
  const texts = formatIssues(error);
  return error.issues.map((issue, index) => ({
    line: file.lineOf(issue.path),
    text: texts[index] ?? issue.message,
  }));
}

// Problems in file order, each starting with its line, like a compiler's messages.
function describe(problems: readonly Problem[]): string {
  return [...problems]
    .sort((a, b) => a.line - b.line)
    .map(({ line, text }) => `- line ${String(line)}: ${text}`)
    .join("\n");
}

/**
 * Checks a plan file against `FundingPlanSchema`, listing every problem with its path in the file,
 * the reason and the line. Fields the schema does not know are refused too: the schema would drop
 * them, and a misspelt `reserveDrawdown` would silently leave the plan without its reserves.
 */
export function validatePlan(path: string, file: StructuredFile): FundingPlan {
  const { data } = file;
  if (typeof data !== "object" || data == null || Array.isArray(data)) {
    throw inputError(
      `${path} is not a valid funding plan: it must hold one plan, with fields such as name and financialYears.`,
    );
  }
  const unknown = Object.keys(data)
    .filter((field) => !FIELDS.includes(field))
    .map((field) => ({
      line: file.lineOf([field]),
      text: `${field}: is not a field of a funding plan`,
    }));
  const parsed = FundingPlanSchema.safeParse(data);
  if (parsed.success && unknown.length === 0) return parsed.data;
  const problems = [...unknown, ...(parsed.success ? [] : schemaProblems(file, parsed.error))];
  const count = problems.length === 1 ? "1 problem" : `${String(problems.length)} problems`;
  const hint =
    unknown.length > 0 ? `\nThe fields of a funding plan are: ${FIELDS.join(", ")}.` : "";
  throw inputError(`${path} is not a valid funding plan (${count}):\n${describe(problems)}${hint}`);
}
