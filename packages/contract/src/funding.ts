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

const WorkstreamCostSchema = z.object({
  key: z.string(),
  name: z.string(),
  budgetPence: PenceSchema,
  forecastPence: PenceSchema.nullable(),
  outturnPence: PenceSchema.nullable(),
  spendPence: PenceSchema.nullable(),
  basis: z.enum(["outturn", "forecast"]).nullable(),
  variancePence: PenceSchema.nullable(),
});

const PlanFiguresSchema = z.object({
  costPence: PenceSchema,
  workstreams: z.array(z.object({ key: z.string(), name: z.string(), ...amount })),
  income: z.object({
    contributionsPence: PenceSchema,
    grantsPence: PenceSchema,
    reserveDrawdownsPence: PenceSchema,
    carryForwardInPence: PenceSchema,
    newMoneyPence: PenceSchema,
    totalPence: PenceSchema,
  }),
  inKindPence: PenceSchema,
  workstreamCosts: z.array(WorkstreamCostSchema),
  contributionsByPartner: z.array(
    z.object({ partner: z.string(), name: z.string(), ...amount, inKindPence: PenceSchema }),
  ),
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
  warnings: z.array(
    z.object({
      code: z.enum([
        "carry_forward_exceeds_surplus",
        "year_without_cost",
        "contribution_after_partner_end",
        "grant_after_end",
      ]),
      financialYear: FinancialYearLabelSchema,
      message: z.string(),
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
  /** The plan this one was copied from to try a change, while that plan exists. */
  copiedFrom: z.object({ id: IdSchema, name: z.string() }).nullable(),
  /** What a copy assumes ("the PCC leaves in 2019"); null for a plan entered from scratch. */
  scenario: z.string().nullable(),
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

/** A copy of a stored plan under a new name, to change one assumption and compare. */
export const CopyFundingPlanInputSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
  scenario: LabelSchema.max(200, "must be at most 200 characters"),
});

// A published table is a page of figures: these bound what one request may make the server read.
/** The most characters of CSV or pasted text a table check reads. */
export const MAX_TABLE_TEXT = 200_000;
/** The most base64 characters of an XLSX file a table check reads (about 375 KB). */
export const MAX_TABLE_XLSX_BASE64 = 500_000;

/** A council table to check: pasted or CSV text, or an XLSX file in base64 (its first sheet). */
export const CheckTableInputSchema = z.discriminatedUnion("format", [
  z.object({
    format: z.literal("text"),
    // Not trimmed: a pasted table's first cell may be empty, and its lines are counted as pasted.
    text: z
      .string({ error: "must be text" })
      .max(MAX_TABLE_TEXT, `must be at most ${String(MAX_TABLE_TEXT)} characters`)
      .refine((text) => text.trim() !== "", "must not be empty: paste a table or choose a file"),
    totalLabel: LabelSchema.max(100, "must be at most 100 characters").optional(),
  }),
  z.object({
    format: z.literal("xlsx"),
    base64: z
      .string({ error: "must be text" })
      .min(1, "must not be empty: choose a file")
      .max(MAX_TABLE_XLSX_BASE64, "must be a file of at most 375 KB")
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "must be the file's contents in base64"),
    totalLabel: LabelSchema.max(100, "must be at most 100 characters").optional(),
  }),
]);

/** A checked table: its cells as read, and every cell that does not add up. */
export const CheckTableOutputSchema = z.object({
  rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  findings: z.array(
    z.object({
      line: z.number().int(),
      column: z.number().int(),
      diagnosis: z.enum(["row_formula", "column_sum", "totals_row", "percentage_split"]),
      unit: z.enum(["pence", "percent"]),
      reported: z.number(),
      expected: z.number(),
      message: z.string(),
    }),
  ),
});

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
  copy: mutation({
    access: "manageFunding",
    input: CopyFundingPlanInputSchema,
    output: FundingPlanOutputSchema,
  }),
  // A mutation only so that a table of up to 200,000 characters travels in a POST body: it
  // stores nothing.
  checkTable: mutation({
    access: "readFunding",
    input: CheckTableInputSchema,
    output: CheckTableOutputSchema,
  }),
};
