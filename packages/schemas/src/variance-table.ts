import * as z from "zod";

import { LabelSchema } from "./common";
import { duplicateIndexes } from "./duplicates";
import { PenceSchema } from "./money";

// Generous for any published table, small enough that one request cannot store an unbounded blob.
const MAX_VARIANCE_ROWS = 100;
const MAX_VARIANCE_TABLES = 20;

const OptionalPenceSchema = PenceSchema.nullable().optional();

/** One line of a published allocation / forecast / variance table. */
export const VarianceRowSchema = z.strictObject({
  key: LabelSchema,
  allocationPence: PenceSchema,
  forecastPence: PenceSchema,
  /** The variance the table printed, if it printed one. */
  reportedVariancePence: OptionalPenceSchema,
});

/**
 * A published allocation / forecast / variance table to check against its own arithmetic, with
 * the totals it printed.
 */
export const VarianceTableSchema = z
  .strictObject({
    title: LabelSchema,
    rows: z
      .array(VarianceRowSchema)
      .min(1, "must have at least one row")
      .max(MAX_VARIANCE_ROWS, `must have at most ${String(MAX_VARIANCE_ROWS)} rows`),
    reportedTotals: z
      .strictObject({
        allocationPence: OptionalPenceSchema,
        forecastPence: OptionalPenceSchema,
        variancePence: OptionalPenceSchema,
      })
      .optional(),
  })
  .superRefine((table, ctx) => {
    for (const index of duplicateIndexes(table.rows.map((row) => row.key))) {
      ctx.addIssue({
        code: "custom",
        path: ["rows", index, "key"],
        message: "is used by another row of this table",
      });
    }
  });
/** A published variance table as stored with a plan. */
export type VarianceTable = z.output<typeof VarianceTableSchema>;
/** A published variance table as written. */
export type VarianceTableInput = z.input<typeof VarianceTableSchema>;

/** The variance tables stored with a plan; titles are unique so each check can be named. */
export const VarianceTablesSchema = z
  .array(VarianceTableSchema)
  .max(MAX_VARIANCE_TABLES, `must have at most ${String(MAX_VARIANCE_TABLES)} tables`)
  .superRefine((tables, ctx) => {
    for (const index of duplicateIndexes(tables.map((table) => table.title))) {
      ctx.addIssue({
        code: "custom",
        path: [index, "title"],
        message: "is used by another table",
      });
    }
  });
