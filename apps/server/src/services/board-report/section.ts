import type { Scope } from "../scope";

/**
 * The stretch of time a board report covers: a financial year (1 April–31 March) or one of its
 * quarters (Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March).
 */
export interface ReportPeriod {
  /** The financial year's canonical label, `2026/27`. */
  financialYear: string;
  /** The calendar year the financial year starts in (2026 for 2026/27): the charges ledger's key. */
  financialYearStart: number;
  /** 1 to 4, or undefined for the whole year. */
  quarter?: 1 | 2 | 3 | 4 | undefined;
  /** The first UK day of the period, `YYYY-MM-DD`. */
  start: string;
  /** The last UK day of the period, `YYYY-MM-DD`, included. */
  end: string;
  /** The period as people read it: `2026/27` or `Q1 2026/27 (April to June 2026)`. */
  label: string;
}

/**
 * How a column's figures are read and shown: `text`; `count` (a whole number); `money` (whole
 * pence, shown as `£1,234.50`); `percent` (a fraction from 0, such as attended ÷ bookings, shown
 * as `96.2%`). The page, the exports and the committee paper all format by it.
 */
export type SectionColumnFormat = "text" | "count" | "money" | "percent";

/** One column of a section's table. */
export interface SectionColumn {
  /** Names the column in a row's `cells`, in camelCase (`lateCancellations`). */
  key: string;
  /** The column heading people read (`Late cancellations`). */
  label: string;
  format: SectionColumnFormat;
}

/** One cell: text, a number (a count, pence or a fraction, by its column's format) or blank. */
export type SectionCell = string | number | null;

/** One row of a section's table: a cell for each column key. */
export type SectionRow = Readonly<Record<string, SectionCell>>;

/** A section's figures for one period, as a table. */
export interface SectionTable {
  columns: readonly SectionColumn[];
  rows: readonly SectionRow[];
  /** The totals row, when the section's rows add up (it must equal the rows' sums). */
  totals?: SectionRow | undefined;
}

/**
 * One section of the board's report. Each section reads its own figures for the period, scoped to
 * the user (an agency lead sees only their own agency's rows), and is listed once in
 * `sections.ts`; the page, the committee paper and the exports take every section from there.
 *
 * @example
 * const trainingByLevel: BoardReportSection = {
 *   key: "training-by-level",
 *   title: "Training by level",
 *   build: (scope, period) => ({ columns: [...], rows: [...] }),
 * };
 */
export interface BoardReportSection {
  /** Unique, kebab-case (`attendance-by-agency`). */
  key: string;
  /** The section's heading (`Attendance by agency`). */
  title: string;
  /** One or two sentences under the heading saying what the figures count. */
  description: string;
  build: (scope: Scope, period: ReportPeriod) => SectionTable;
}
