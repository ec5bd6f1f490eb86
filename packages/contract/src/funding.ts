import * as z from "zod";

import {
  FinancialYearLabelSchema,
  FundingPlanSchema,
  IdSchema,
  IsoDateTimeSchema,
  LabelSchema,
  PenceSchema,
  VarianceTablesSchema,
} from "@dapkit/schemas";

import { ByIdInputSchema } from "./by-id";
import { mutation, query } from "./define-procedure";

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

/** Stored co-commissioning funding plans, worked out with @dapkit/funding. */
export const funding = {
  list: query({ access: "readFunding", output: z.array(FundingPlanSummaryOutputSchema) }),
  get: query({
    access: "readFunding",
    input: ByIdInputSchema,
    output: FundingPlanOutputSchema,
  }),
  create: mutation({
    access: "manageFunding",
    input: CreateFundingPlanInputSchema,
    output: FundingPlanOutputSchema,
  }),
  update: mutation({
    access: "manageFunding",
    input: UpdateFundingPlanInputSchema,
    output: FundingPlanOutputSchema,
  }),
};
