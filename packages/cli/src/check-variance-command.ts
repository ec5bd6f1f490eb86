import { reconcileVariance } from "@dapkit/funding";

import type { CliIo } from "./cli-io";
import { onePath, parseCommandArgs } from "./command-args";
import { EXIT_CODES, type ExitCode } from "./exit-codes";
import { readTextFile } from "./file-access";
import { CHECK_VARIANCE_HELP } from "./help-text";
import { readVarianceTable } from "./variance-table";

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
  const table = readVarianceTable(path, await readTextFile(io, path), {
    totalLabel: values["total-label"],
  });
  const result = reconcileVariance(table.rows, { reportedTotals: table.reportedTotals });
  const { discrepancies } = result;
  if (values.json === true) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else if (discrepancies.length === 0) {
    const totals =
      table.reportedTotals === undefined ? " (there is no totals row)" : " and the totals";
    io.stdout(`${path}: all ${plural(result.rows.length, "row")}${totals} add up.\n`);
  } else {
    const rows = discrepancies.filter((found) => found.where === "row").length;
    const report = discrepancies.map((found) => {
      const line = table.lines.get(found.key ?? null);
      return `  line ${String(line)}: ${found.message}`;
    });
    io.stdout(
      `${path}: ${plural(discrepancies.length, "figure")} ${discrepancies.length === 1 ? "does" : "do"} not add up ` +
        `(${plural(rows, "row")}, ${plural(discrepancies.length - rows, "total")}):\n${report.join("\n")}\n`,
    );
  }
  return discrepancies.length > 0 ? EXIT_CODES.problemsFound : EXIT_CODES.ok;
}
