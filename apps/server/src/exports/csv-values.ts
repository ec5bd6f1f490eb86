import { isoDateTime, type CellValue, type Table } from "@dapkit/csv";
import { londonToday } from "@dapkit/schemas";
import { formatRate } from "@dapkit/training";

import type { CellFormat } from "../xlsx/cell-formats";
import type { ExportTable } from "./define-export";

const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function instant(value: CellValue): Date | null {
  if (!(value instanceof Date) && typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A typed value as a CSV holds it, readable by people and programs alike: days as `2026-08-14`
 * (a moment's day in London), moments as UTC ISO text to the second (`2026-08-14T09:30:00Z`, with
 * no zone to guess), money in pounds, rates as the percentage the pages show (`50.3%`).
 */
function csvValue(format: CellFormat | undefined, value: CellValue): CellValue {
  if (format === undefined || value == null) return value;
  switch (format) {
    case "money":
      return typeof value === "number" ? value / 100 : value;
    case "percent":
      return typeof value === "number" && Number.isFinite(value) && value >= 0
        ? formatRate(value)
        : value;
    case "date": {
      if (typeof value === "string" && ISO_DATE_ONLY.test(value)) return value;
      const date = instant(value);
      return date == null ? value : londonToday(date);
    }
    case "dateTime":
    case "time": {
      const date = instant(value);
      return date == null ? value : isoDateTime(date);
    }
  }
}

/** An export's table as its CSV is written. */
export function csvTable(table: ExportTable): Table {
  return {
    header: table.header,
    rows: table.rows.map((row) => row.map((value, i) => csvValue(table.formats[i], value))),
  };
}
