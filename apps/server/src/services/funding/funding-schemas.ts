import * as z from "zod";

import {
  FinancialYearLabelSchema,
  FundingPlanSchema,
  IdSchema,
  IsoDateTimeSchema,
  LabelSchema,
  PenceSchema,
} from "@dapkit/schemas";

// Generous for any published table, small enough that one request cannot store an unbounded blob.
const MAX_VARIANCE_ROWS = 100;
const MAX_VARIANCE_TABLES = 20;

function duplicateIndexes(values: readonly string[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => {
    const duplicate = seen.has(value);
    seen.add(value);
    return duplicate ? [index] : [];
  });
}

const OptionalPenceSchema = PenceSchema.nullable().optional();

/** One line of a published allocation / forecast / variance table. */
export const VarianceRowSchema = z.object({
  key: LabelSchema,
  allocationPence: PenceSchema,
  forecastPence: PenceSchema,
  /** The variance the table printed, if it printed one. */
  reportedVariancePence: OptionalPenceSchema,
});

/**
 * A published allocation / forecast / variance table to check against its own arithmetic, with
 * the totals it printed. (It would sit well in @dapkit/schemas beside FundingPlanSchema, for the
 * CLI to share.)
 */
export const VarianceTableSchema = z
  .object({
    title: LabelSchema,
    rows: z
      .array(VarianceRowSchema)
      .min(1, "must have at least one row")
      .max(MAX_VARIANCE_ROWS, `must have at most ${String(MAX_VARIANCE_ROWS)} rows`),
    reportedTotals: z
      .object({
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

/** A new funding plan: its name in the list, the plan itself and any tables to check. */
export const CreateFundingPlanInputSchema = z.object({
  name: LabelSchema,
  plan: FundingPlanSchema,
  varianceTables: VarianceTablesSchema.default([]),
});

/** A change to a stored plan; each part given replaces the stored one whole. */
export const UpdateFundingPlanInputSchema = z.object({
  id: IdSchema,
  data: z.object({
    name: LabelSchema.optional(),
    plan: FundingPlanSchema.optional(),
    varianceTables: VarianceTablesSchema.optional(),
  }),
});

// Output schemas mirror @dapkit/funding's result types (planFunding, reconcileVariance).

const amount = { amountPence: PenceSchema };

const PlanFiguresSchema = z.object({
  costPence: PenceSchema,
  workstreams: z.array(z.object({ key: z.string(), name: z.string(), ...amount })),
  income: z.object({
    contributionsPence: PenceSchema,
    grantsPence: PenceSchema,
    reserveDrawdownsPence: PenceSchema,
    carryForwardInPence: PenceSchema,
    totalPence: PenceSchema,
  }),
  contributionsByPartner: z.array(z.object({ partner: z.string(), name: z.string(), ...amount })),
  carryForwardOutPence: PenceSchema,
  gapPence: PenceSchema,
});

/** What planFunding works out: figures per financial year, totals and reserves. */
export const FundingPlanResultSchema = z.object({
  name: z.string(),
  years: z.array(PlanFiguresSchema.extend({ financialYear: FinancialYearLabelSchema })),
  totals: PlanFiguresSchema,
  reserves: z.array(
    z.object({
      reserve: z.string(),
      totalPence: PenceSchema,
      byYear: z.array(z.object({ financialYear: FinancialYearLabelSchema, ...amount })),
    }),
  ),
});

const VarianceFieldSchema = z.enum(["allocationPence", "forecastPence", "variancePence"]);

/** One stored table checked by reconcileVariance: recomputed rows and totals, and every error found. */
export const VarianceCheckSchema = z.object({
  title: z.string(),
  rows: z.array(
    z.object({
      key: z.string(),
      allocationPence: PenceSchema,
      forecastPence: PenceSchema,
      variancePence: PenceSchema,
      reportedVariancePence: PenceSchema.nullable(),
      discrepancyPence: PenceSchema,
    }),
  ),
  totals: z.object({
    allocationPence: PenceSchema,
    forecastPence: PenceSchema,
    variancePence: PenceSchema,
  }),
  discrepancies: z.array(
    z.object({
      where: z.enum(["row", "total"]),
      key: z.string().optional(),
      field: VarianceFieldSchema,
      reportedPence: PenceSchema,
      expectedPence: PenceSchema,
      differencePence: PenceSchema,
      message: z.string(),
    }),
  ),
});

const StoredFieldsSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

/** A plan in the list: enough to choose one and see whether it balances. */
export const FundingPlanSummaryOutputSchema = StoredFieldsSchema.extend({
  financialYears: z.array(FinancialYearLabelSchema),
  totalCostPence: PenceSchema,
  /** Positive is a shortfall over the plan's years, negative a surplus. */
  totalGapPence: PenceSchema,
});

/** A stored plan as entered, what it works out to, and the checks of its variance tables. */
export const FundingPlanOutputSchema = StoredFieldsSchema.extend({
  updatedBy: z.object({ id: IdSchema, name: z.string() }),
  plan: FundingPlanSchema,
  varianceTables: VarianceTablesSchema,
  result: FundingPlanResultSchema,
  varianceChecks: z.array(VarianceCheckSchema),
});
/** A stored plan with its results, as it leaves the server. */
export type FundingPlanOutput = z.input<typeof FundingPlanOutputSchema>;
