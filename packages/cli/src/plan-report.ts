import { formatMoney, type FundingPlanResult } from "@dapkit/funding";

import type { PlanLine, PlanSection } from "./plan-lines";
import { renderTable } from "./text-table";
import { splitInWholePounds } from "./whole-pound-split";

function section(
  title: string,
  lines: readonly PlanLine[],
  options: { years: readonly string[] },
): string {
  const columns = [
    { title: "", align: "left" as const },
    ...[...options.years, "Total"].map((year) => ({ title: year, align: "right" as const })),
  ];
  const row = (line: PlanLine) => [
    line.label,
    ...line.years.map((pence) => formatMoney(pence)),
    formatMoney(line.totalPence),
  ];
  return `${title}\n\n${renderTable({ columns, rows: lines.map(row) })}`;
}

function linesIn(lines: readonly PlanLine[], wanted: PlanSection): PlanLine[] {
  return lines.filter((line) => line.section === wanted);
}

/**
 * The plan for a terminal: the funding table (cost, income by kind, carry-forwards, gap) for each
 * year and in total, then the workstream allocation when the plan has workstreams.
 */
export function planReport(result: FundingPlanResult, lines: readonly PlanLine[]): string {
  const years = result.years.map((year) => year.financialYear);
  const span = `${String(years.length)} financial year${years.length === 1 ? "" : "s"}: ${years.join(", ")}`;
  const parts = [
    `${result.name}\n${span}`,
    section("Funding by financial year", linesIn(lines, "Funding"), { years }),
    "Gap = cost - money in + carried out - carried in: positive is a shortfall, negative a surplus.\n" +
      "Carried in and out move an underspend between years; over the plan they cancel out.\n" +
      "Amounts are rounded to the pound; --json and --csv give them to the penny.",
  ];
  const workstreams = linesIn(lines, "Workstream");
  if (workstreams.length > 0) {
    parts.push(section("Workstream allocation", splitInWholePounds(workstreams), { years }));
  }
  return `${parts.join("\n\n")}\n`;
}
