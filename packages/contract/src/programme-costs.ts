import * as z from "zod";

import {
  FinancialYearLabelSchema,
  IdSchema,
  IsoDateTimeSchema,
  LabelSchema,
  NonNegativePenceSchema,
  PercentSchema,
  oneOf,
} from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { PROGRAMME_COST_CATEGORIES, SHARING_BASES } from "./programme-words";

/** The most cost lines one financial year may hold. */
export const MAX_PROGRAMME_COST_LINES = 500;
/** The most agencies an agreed-percentages split may list. */
export const MAX_AGREED_PERCENTAGES = 200;
/** The largest single cost line: £10 million, far above any training programme's. */
export const MAX_PROGRAMME_COST_PENCE = 1_000_000_000;

/** A financial year by the calendar year it starts in (2026 for 2026/27). */
export const FinancialYearStartSchema = z
  .int({ error: "must be a whole year, such as 2026 for 2026/27" })
  .min(2000, "must be 2000 or later")
  .max(2100, "must be 2100 or earlier");

const AmountSchema = NonNegativePenceSchema.min(1, "must be more than £0").max(
  MAX_PROGRAMME_COST_PENCE,
  "must be at most £10,000,000",
);

// Agreed percentages are kept to hundredths of a per cent, so "add up to 100" is exact.
const AgreedPercentSchema = PercentSchema.refine(
  (percent) => Math.abs(percent * 100 - Math.round(percent * 100)) < 1e-6,
  "must have at most two decimal places",
);

/** A new cost line of one financial year's programme. */
export const AddProgrammeCostInputSchema = z.object({
  financialYearStart: FinancialYearStartSchema,
  category: oneOf(PROGRAMME_COST_CATEGORIES),
  description: LabelSchema,
  amountPence: AmountSchema,
});

/** The fields of a cost line that may change (its year may not). */
export const UpdateProgrammeCostInputSchema = z.object({
  id: IdSchema,
  data: z.object({
    category: oneOf(PROGRAMME_COST_CATEGORIES).optional(),
    description: LabelSchema.optional(),
    amountPence: AmountSchema.optional(),
  }),
});

/** One agency's agreed percentage of a year's programme costs. */
export const AgreedPercentageSchema = z.object({
  agencyId: IdSchema,
  percent: AgreedPercentSchema,
});

/**
 * How a year's costs are shared and which funding plan's workstream budgets them. Agreed
 * percentages are needed (and must add up to exactly 100, each agency once) only for the
 * `agreed_percentages` basis; a workstream is chosen with a plan, or neither.
 */
export const SetProgrammeYearInputSchema = z
  .object({
    financialYearStart: FinancialYearStartSchema,
    basis: oneOf(SHARING_BASES),
    percentages: z
      .array(AgreedPercentageSchema)
      .max(MAX_AGREED_PERCENTAGES, `must list at most ${String(MAX_AGREED_PERCENTAGES)} agencies`)
      .default([]),
    fundingPlanId: IdSchema.nullable().default(null),
    workstreamKey: IdSchema.nullable().default(null),
  })
  .superRefine((input, context) => {
    if (input.basis === "agreed_percentages") {
      const ids = input.percentages.map((row) => row.agencyId);
      if (new Set(ids).size !== ids.length) {
        context.addIssue({
          code: "custom",
          path: ["percentages"],
          message: "must not list an agency twice",
        });
      }
      const hundredths = input.percentages.reduce(
        (sum, row) => sum + Math.round(row.percent * 100),
        0,
      );
      if (hundredths !== 10_000) {
        context.addIssue({
          code: "custom",
          path: ["percentages"],
          message: `must add up to 100 %, but add up to ${String(hundredths / 100)} %`,
        });
      }
    }
    if ((input.fundingPlanId == null) !== (input.workstreamKey == null)) {
      context.addIssue({
        code: "custom",
        path: [input.fundingPlanId == null ? "fundingPlanId" : "workstreamKey"],
        message: "choose a funding plan and its workstream together, or neither",
      });
    }
  });

/** One cost line as it leaves the server. */
export const ProgrammeCostOutputSchema = z.object({
  id: IdSchema,
  financialYearStart: z.int(),
  category: oneOf(PROGRAMME_COST_CATEGORIES),
  description: z.string(),
  amountPence: z.int(),
  createdAt: IsoDateTimeSchema,
});

/** One member agency's figures for the year and its share of the costs. */
export const AgencyCostShareSchema = z.object({
  agencyId: IdSchema,
  agencyName: z.string(),
  /** The agreed percentage, for the `agreed_percentages` basis; otherwise null. */
  percent: z.number().nullable(),
  placesBooked: z.int(),
  attendees: z.int(),
  sharePence: z.int(),
});

/** A year's programme: its cost lines, how they are shared, the budget and cost per attendee. */
export const ProgrammeYearOutputSchema = z.object({
  financialYearStart: z.int(),
  financialYear: FinancialYearLabelSchema,
  basis: oneOf(SHARING_BASES),
  lines: z.array(ProgrammeCostOutputSchema),
  totalPence: z.int(),
  /** Each member agency's share (an agency lead: their own agency's only); they add up to the total. */
  shares: z.array(AgencyCostShareSchema),
  /** Why the costs cannot be shared yet (no member agencies, or nobody booked or attended); else null. */
  sharesProblem: z.string().nullable(),
  /** People who attended the year's sessions, from every agency. */
  attendees: z.int(),
  /** The total ÷ attendees, to the nearest penny; null with no attendees. */
  costPerAttendeePence: z.int().nullable(),
  fundingPlan: z.object({ id: IdSchema, name: z.string() }).nullable(),
  workstream: z.object({ key: IdSchema, name: z.string() }).nullable(),
  /** The linked workstream's budget for the year against the programme's spend; null unlinked. */
  budget: z
    .object({ budgetPence: z.int(), spendPence: z.int(), remainingPence: z.int() })
    .nullable(),
});

/** The organisation's funding plans and their workstreams, to link a year's costs to. */
export const ProgrammeFundingChoicesSchema = z.array(
  z.object({
    id: IdSchema,
    name: z.string(),
    workstreams: z.array(z.object({ key: IdSchema, name: z.string() })),
  }),
);

export type ProgrammeYearOutput = z.infer<typeof ProgrammeYearOutputSchema>;
export type ProgrammeCostOutput = z.infer<typeof ProgrammeCostOutputSchema>;
export type AgencyCostShare = z.infer<typeof AgencyCostShareSchema>;

/** A partnership's shared training programme costs, and their split across member agencies. */
export const programmeCosts = {
  get: query({
    access: "readPartnership",
    input: z.object({ financialYearStart: FinancialYearStartSchema }),
    output: ProgrammeYearOutputSchema,
  }),
  fundingPlans: {
    list: query({ access: "managePartnership", output: ProgrammeFundingChoicesSchema }),
  },
  add: mutation({
    access: "managePartnership",
    input: AddProgrammeCostInputSchema,
    output: ProgrammeCostOutputSchema,
  }),
  update: mutation({
    access: "managePartnership",
    input: UpdateProgrammeCostInputSchema,
    output: ProgrammeCostOutputSchema,
  }),
  remove: mutation({
    access: "managePartnership",
    input: z.object({ id: IdSchema }),
    output: z.object({ id: IdSchema }),
  }),
  setYear: mutation({
    access: "managePartnership",
    input: SetProgrammeYearInputSchema,
    output: ProgrammeYearOutputSchema,
  }),
};
