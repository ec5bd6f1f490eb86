import * as z from "zod";

import { FinancialYearLabelSchema } from "@dapkit/schemas";

import { query } from "./define-procedure";

/** The quarters of a financial year: 1 is April–June … 4 is January–March. */
export const REPORT_QUARTERS = [1, 2, 3, 4] as const;

/** Each quarter as people read it, with its months. */
export const REPORT_QUARTER_LABELS: Readonly<Record<(typeof REPORT_QUARTERS)[number], string>> = {
  1: "Q1 (April to June)",
  2: "Q2 (July to September)",
  3: "Q3 (October to December)",
  4: "Q4 (January to March)",
};

/** The longest section key a client may ask for. */
const SECTION_KEY_MAX = 60;

/**
 * The period a board report covers: a financial year (this one unless given), or one quarter of
 * it; `section` asks for one section only (by its key) rather than every section.
 */
export const BoardReportInputSchema = z.object({
  financialYear: FinancialYearLabelSchema.optional(),
  quarter: z.literal(REPORT_QUARTERS, { error: "must be a quarter from 1 to 4" }).optional(),
  section: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]+$/, "must be a section key such as attendance-by-agency")
    .max(SECTION_KEY_MAX, `must be at most ${String(SECTION_KEY_MAX)} characters`)
    .optional(),
});

/** How a column's figures are shown: counts, pence as money, a fraction as a percentage. */
export const SECTION_COLUMN_FORMATS = ["text", "count", "money", "percent"] as const;

const CellSchema = z.union([z.string(), z.number(), z.null()]);

/** One row of a section: a cell (text, a number or blank) for each column key. */
export const SectionRowSchema = z.record(z.string(), CellSchema);

/** One section of the board report, as a table. */
export const BoardReportSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  columns: z.array(
    z.object({ key: z.string(), label: z.string(), format: z.enum(SECTION_COLUMN_FORMATS) }),
  ),
  rows: z.array(SectionRowSchema),
  totals: SectionRowSchema.optional(),
});

/** The board report for a period. */
export const BoardReportSchema = z.object({
  period: z.object({
    financialYear: z.string(),
    financialYearStart: z.int(),
    quarter: z.int().optional(),
    start: z.string(),
    end: z.string(),
    label: z.string(),
  }),
  /** The financial years with sessions, newest first, for the period choice. */
  financialYears: z.array(z.string()),
  sections: z.array(BoardReportSectionSchema),
});

/** The board's report on partnership training: attendance by agency and the other sections. */
export const boardReport = {
  get: query({
    access: "readPartnership",
    input: BoardReportInputSchema,
    output: BoardReportSchema,
  }),
};

/** The period (and section) of a board report asked for. */
export type BoardReportInput = z.output<typeof BoardReportInputSchema>;
