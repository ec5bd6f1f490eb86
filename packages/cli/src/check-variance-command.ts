import type { CliIo } from "./cli-io";
import { onePath, parseCommandArgs } from "./command-args";
import { EXIT_CODES, type ExitCode } from "./exit-codes";
import { readTextFile } from "./file-access";
import { CHECK_VARIANCE_HELP } from "./help-text";
import { checkVarianceFile } from "./variance-table";

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * `dapkit check-variance <file.csv> [--json] [--total-label <label>]`: exit code 1 when anything
 * does not add up.
 */
export async function checkVarianceCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      json: { type: "boolean" },
      "total-label": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    "check-variance",
  );
  if (values.help === true) {
    io.stdout(CHECK_VARIANCE_HELP);
    return EXIT_CODES.ok;
  }
  const path = onePath(positionals, "check-variance", "a CSV file");
  // The same check, with the same diagnoses, as the web app's "Check a council table".
  const {
    table,
    reconciliation: result,
    findings,
  } = checkVarianceFile(path, await readTextFile(io, path), { totalLabel: values["total-label"] });
  const percentFindings = findings.filter((found) => found.diagnosis === "percentage_split");
  const problems = result.discrepancies.length + percentFindings.length;
  if (values.json === true) {
    io.stdout(`${JSON.stringify({ ...result, findings }, null, 2)}\n`);
  } else if (problems === 0) {
    const totals =
      table.reportedTotals === undefined ? " (there is no totals row)" : " and the totals";
    io.stdout(`${path}: all ${plural(result.rows.length, "row")}${totals} add up.\n`);
  } else {
    const totalLine = table.lines.get(null);
    const rows = findings.filter((found) => found.line !== totalLine).length;
    const report = findings.map((found) => `  line ${String(found.line)}: ${found.message}`);
    io.stdout(
      `${path}: ${plural(problems, "figure")} ${problems === 1 ? "does" : "do"} not add up ` +
        `(${plural(rows, "row")}, ${plural(problems - rows, "total")}):\n${report.join("\n")}\n`,
    );
  }
  return problems > 0 ? EXIT_CODES.problemsFound : EXIT_CODES.ok;
}
