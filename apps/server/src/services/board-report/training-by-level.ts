import { complianceByAgencyAndLevel } from "../partnership/framework/compliance";
import type { Scope } from "../scope";
import type { BoardReportSection, ReportPeriod, SectionColumn, SectionRow } from "./section";

const COLUMNS: readonly SectionColumn[] = [
  { key: "agency", label: "Agency", format: "text" },
  { key: "level", label: "Level", format: "text" },
  { key: "required", label: "People required", format: "count" },
  { key: "trainedInDate", label: "Trained in date", format: "count" },
  { key: "rate", label: "Compliance", format: "percent" },
];

/**
 * Compliance with the training framework on the period's last day, one row per agency and
 * level (an agency lead: their own agency's rows), with the totals over every row.
 */
export function trainingByLevelRows(
  scope: Scope,
  period: Pick<ReportPeriod, "end">,
): { rows: SectionRow[]; totals: SectionRow } {
  const compliance = complianceByAgencyAndLevel(scope, period.end);
  const required = compliance.reduce((sum, row) => sum + row.required, 0);
  const trainedInDate = compliance.reduce((sum, row) => sum + row.trainedInDate, 0);
  return {
    rows: compliance.map((row) => ({
      agency: row.agencyName,
      level: `${String(row.level)}: ${row.levelName}`,
      required: row.required,
      trainedInDate: row.trainedInDate,
      rate: row.rate,
    })),
    totals: {
      agency: "Total",
      level: "All levels",
      required,
      trainedInDate,
      rate: required === 0 ? null : trainedInDate / required,
    },
  };
}

/** The board report's training by level section. */
export const trainingByLevelSection: BoardReportSection = {
  key: "training-by-level",
  title: "Training by level",
  description:
    "For each agency and level of the training framework, the people whose job needs the level and how many of them hold it in date (trained, and the refresher not yet due) on the last day of the period.",
  build: (scope, period) => ({ columns: COLUMNS, ...trainingByLevelRows(scope, period) }),
};
