import type { BoardReportInput } from "@dapkit/contract";
import { ratePercent } from "@dapkit/training";

import { AGENCY_ATTENDANCE_COLUMNS } from "../services/board-report/attendance-by-agency";
import type { SectionColumnFormat } from "../services/board-report/section";
import type { CellFormat } from "../xlsx/cell-formats";
import { defineExport, queryFilter, type Column } from "./define-export";

type Row = Record<string, string | number | null>;

const CELL_FORMATS: Partial<Record<SectionColumnFormat, CellFormat>> = {
  money: "money",
  percent: "percent",
};

// The rate the page shows (rounded as it rounds), as a fraction in a percentage cell.
function cell(row: Row, key: string, format: SectionColumnFormat) {
  const value = row[key] ?? null;
  return format === "percent" && typeof value === "number" ? ratePercent(value) / 100 : value;
}

/**
 * The board's attendance by agency, one row per agency, for `?financialYear=2026/27` (this year
 * unless given) and optionally `&quarter=1`; an agency lead's has their own agency's row only.
 */
export const agencyAttendanceExport = defineExport<Row>({
  name: "agency-attendance",
  title: "Attendance by agency",
  rows: async (caller, query) => {
    const { financialYear, quarter } = queryFilter(query, ["financialYear", "quarter"]);
    const report = await caller.boardReport.get({
      financialYear,
      // A quarter that is not 1–4 is refused by the procedure, naming the field.
      quarter: quarter === undefined ? undefined : (Number(quarter) as BoardReportInput["quarter"]),
      section: "attendance-by-agency",
    });
    return report.sections[0]?.rows ?? [];
  },
  columns: AGENCY_ATTENDANCE_COLUMNS.map(({ key, label, format }): Column<Row> => ({
    // A spreadsheet cell holds the number alone, so the header says it is in pounds, as every
    // export's money columns do; the page shows the £ in each cell instead.
    header: format === "money" ? `${label} (£)` : label,
    value: (row) => cell(row, key, format),
    ...(CELL_FORMATS[format] === undefined ? {} : { format: CELL_FORMATS[format] }),
  })),
});
