import {
  FundingInputError,
  formatMoney,
  planFunding,
  type FundingPlanResult,
} from "@dapkit/funding";
import type { FundingPlan } from "@dapkit/schemas";

import { inputError } from "./cli-errors";
import type { CliIo } from "./cli-io";
import { onePath, parseCommandArgs } from "./command-args";
import { EXIT_CODES, type ExitCode } from "./exit-codes";
import { readTextFile, writeOutputFile } from "./file-access";
import { PLAN_HELP } from "./help-text";
import { planCsv } from "./plan-csv";
import { planLines } from "./plan-lines";
import { planReport } from "./plan-report";
import { parseStructuredFile } from "./structured-file";
import { validatePlan } from "./validate-plan";

function computePlan(path: string, plan: FundingPlan): FundingPlanResult {
  try {
    return planFunding(plan);
  } catch (error) {
    // A valid plan can still overflow, e.g. amounts whose sum passes the safe integer range.
    if (error instanceof FundingInputError) throw inputError(`${path}: ${error.message}`);
    throw error;
  }
}

function shortfalls(result: FundingPlanResult): string[] {
  return result.years
    .filter((year) => year.gapPence > 0)
    .map((year) => `${year.financialYear} (${formatMoney(year.gapPence, { style: "exact" })})`);
}

/**
 * `dapkit plan <file> [--json] [--csv <out.csv>] [--fail-on-gap]`. Warnings go to stderr so that
 * the tables or JSON on stdout stay clean; `--fail-on-gap` makes a shortfall in any year exit 1.
 */
export async function planCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      json: { type: "boolean" },
      csv: { type: "string" },
      "fail-on-gap": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    "plan",
  );
  if (values.help === true) {
    io.stdout(PLAN_HELP);
    return EXIT_CODES.ok;
  }
  const path = onePath(positionals, "plan", "a funding plan file (.json, .yaml or .yml)");
  const plan = validatePlan(path, parseStructuredFile(path, await readTextFile(io, path)));
  const result = computePlan(path, plan);
  const lines = planLines(plan, result);
  if (values.csv !== undefined) {
    await writeOutputFile(io, values.csv, planCsv(result, lines));
  }
  io.stdout(
    values.json === true ? `${JSON.stringify(result, null, 2)}\n` : planReport(result, lines),
  );
  if (values.csv !== undefined) io.stderr(`Wrote ${values.csv}\n`);
  for (const warning of result.warnings) io.stderr(`Warning: ${path}: ${warning.message}\n`);
  const short = shortfalls(result);
  if (values["fail-on-gap"] === true && short.length > 0) {
    io.stderr(`${path}: there is a gap in ${short.join(", ")}.\n`);
    return EXIT_CODES.problemsFound;
  }
  return EXIT_CODES.ok;
}
