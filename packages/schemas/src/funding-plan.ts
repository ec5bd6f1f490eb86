import * as z from "zod";

import { IdSchema, IsoDateSchema, LabelSchema, NoteSchema, oneOf, typeError } from "./common";
import { duplicateIndexes } from "./duplicates";
import { FinancialYearLabelSchema } from "./financial-year";
import { NonNegativePenceSchema, PercentSchema } from "./money";

/** The Walby cost model's service sectors. */
export const SECTORS = [
  "health",
  "criminal_justice",
  "social_care",
  "housing",
  "civil_legal",
  "other",
] as const;

/** Where a partner's avoided costs fall, following the Walby cost model's service sectors. */
export const SectorSchema = oneOf(SECTORS);
/** A Walby service sector. */
export type Sector = z.infer<typeof SectorSchema>;

// Every input object is strict: a misspelt field (`reserveDrawdown`) is refused by name rather
// than dropped, which would silently leave the plan without it and give a wrong gap.

/** A funding partner in a co-commission: a council, the police (PCC), an NHS commissioner. */
export const PartnerSchema = z.strictObject({
  key: IdSchema,
  name: LabelSchema,
  sector: SectorSchema.optional(),
  /** The last day the partner funds the commission (`YYYY-MM-DD`), when it is leaving. */
  endDate: IsoDateSchema.optional(),
});
/** A funding partner. */
export type Partner = z.infer<typeof PartnerSchema>;

/** A workstream the pot pays for, with its share of each year's cost. */
export const WorkstreamSchema = z.strictObject({
  key: IdSchema,
  name: LabelSchema,
  percent: PercentSchema,
});
/** A workstream and its percentage share. */
export type Workstream = z.infer<typeof WorkstreamSchema>;

const yearAmount = {
  financialYear: FinancialYearLabelSchema,
  amountPence: NonNegativePenceSchema,
};

/** The total cost the plan must fund in one financial year. */
export const PlanCostSchema = z.strictObject({ ...yearAmount });

/** How a partner contributes: money, or goods and staff time valued in money. */
export const CONTRIBUTION_KINDS = ["cash", "in_kind"] as const;
/** Cash or in kind. */
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/**
 * A partner's contribution in one financial year: cash (the default), or in kind (a room, staff
 * time), which is reported beside the cash but never pays the cost.
 */
export const PlanContributionSchema = z.strictObject({
  partner: IdSchema,
  ...yearAmount,
  kind: oneOf(CONTRIBUTION_KINDS).default("cash"),
});
/** A grant received in one financial year, with the last day it funds when it is ending. */
export const PlanGrantSchema = z.strictObject({
  name: LabelSchema,
  ...yearAmount,
  endDate: IsoDateSchema.optional(),
});
/**
 * One workstream's cost in one financial year: the budget set for it, and what it is forecast to
 * cost while the year runs or what it cost (outturn) once the year's accounts are closed.
 */
export const PlanWorkstreamCostSchema = z.strictObject({
  workstream: IdSchema,
  financialYear: FinancialYearLabelSchema,
  budgetPence: NonNegativePenceSchema,
  forecastPence: NonNegativePenceSchema.optional(),
  outturnPence: NonNegativePenceSchema.optional(),
});
/** Money drawn from a named reserve in one financial year. */
export const PlanReserveDrawdownSchema = z.strictObject({ reserve: LabelSchema, ...yearAmount });
/** An underspend moved from one financial year to a later one. */
export const PlanCarryForwardSchema = z.strictObject({
  from: FinancialYearLabelSchema,
  to: FinancialYearLabelSchema,
  amountPence: NonNegativePenceSchema,
  note: NoteSchema.optional(),
});

const PlanShapeSchema = z.strictObject({
  name: LabelSchema,
  financialYears: z
    .array(FinancialYearLabelSchema, { error: typeError("must be a list of financial years") })
    .min(1, "must list at least one financial year"),
  partners: z.array(PartnerSchema).default([]),
  workstreams: z.array(WorkstreamSchema).default([]),
  costs: z.array(PlanCostSchema).default([]),
  contributions: z.array(PlanContributionSchema).default([]),
  grants: z.array(PlanGrantSchema).default([]),
  reserveDrawdowns: z.array(PlanReserveDrawdownSchema).default([]),
  carryForwards: z.array(PlanCarryForwardSchema).default([]),
  workstreamCosts: z.array(PlanWorkstreamCostSchema).default([]),
});

type PlanShape = z.output<typeof PlanShapeSchema>;
interface Issue {
  path: (string | number)[];
  message: string;
}

// Percentages are compared in millionths so that 33.33 + 33.33 + 33.34 counts as exactly 100.
const PERCENT_SCALE = 1_000_000;

function checkYears(plan: PlanShape): Issue[] {
  const issues: Issue[] = [];
  for (const index of duplicateIndexes(plan.financialYears)) {
    issues.push({ path: ["financialYears", index], message: "is listed twice" });
  }
  plan.financialYears.forEach((label, index) => {
    const previous = plan.financialYears[index - 1];
    if (previous !== undefined && Number(label.slice(0, 4)) !== Number(previous.slice(0, 4)) + 1) {
      issues.push({
        path: ["financialYears", index],
        message: `must follow ${previous} without a gap (expected consecutive years in order)`,
      });
    }
  });
  const inPlan = new Set(plan.financialYears);
  const yearRefs = [
    ["costs", plan.costs],
    ["contributions", plan.contributions],
    ["grants", plan.grants],
    ["reserveDrawdowns", plan.reserveDrawdowns],
    ["workstreamCosts", plan.workstreamCosts],
  ] as const;
  for (const [field, rows] of yearRefs) {
    rows.forEach((row, index) => {
      if (!inPlan.has(row.financialYear)) {
        issues.push({
          path: [field, index, "financialYear"],
          message: `${row.financialYear} is not one of the plan's financial years`,
        });
      }
    });
  }
  for (const index of duplicateIndexes(plan.costs.map((cost) => cost.financialYear))) {
    issues.push({
      path: ["costs", index, "financialYear"],
      message: "has a cost already; give one total cost per financial year",
    });
  }
  plan.carryForwards.forEach((carry, index) => {
    for (const end of ["from", "to"] as const) {
      if (!inPlan.has(carry[end])) {
        issues.push({
          path: ["carryForwards", index, end],
          message: `${carry[end]} is not one of the plan's financial years`,
        });
      }
    }
    if (carry.to <= carry.from) {
      issues.push({
        path: ["carryForwards", index, "to"],
        message: `must be a later financial year than ${carry.from}`,
      });
    }
  });
  return issues;
}

function checkPartnersAndWorkstreams(plan: PlanShape): Issue[] {
  const issues: Issue[] = [];
  for (const index of duplicateIndexes(plan.partners.map((partner) => partner.key))) {
    issues.push({ path: ["partners", index, "key"], message: "is used by another partner" });
  }
  const partnerKeys = new Set(plan.partners.map((partner) => partner.key));
  plan.contributions.forEach((contribution, index) => {
    if (!partnerKeys.has(contribution.partner)) {
      issues.push({
        path: ["contributions", index, "partner"],
        message: `"${contribution.partner}" is not a partner in this plan`,
      });
    }
  });
  for (const index of duplicateIndexes(plan.workstreams.map((workstream) => workstream.key))) {
    issues.push({ path: ["workstreams", index, "key"], message: "is used by another workstream" });
  }
  const workstreamKeys = new Set(plan.workstreams.map((workstream) => workstream.key));
  plan.workstreamCosts.forEach((cost, index) => {
    if (!workstreamKeys.has(cost.workstream)) {
      issues.push({
        path: ["workstreamCosts", index, "workstream"],
        message: `"${cost.workstream}" is not a workstream in this plan`,
      });
    }
  });
  const costKeys = plan.workstreamCosts.map((cost) => `${cost.workstream} ${cost.financialYear}`);
  for (const index of duplicateIndexes(costKeys)) {
    issues.push({
      path: ["workstreamCosts", index, "financialYear"],
      message: "has a cost for this workstream already; give one line per workstream and year",
    });
  }
  if (plan.workstreams.length > 0) {
    const total = plan.workstreams.reduce(
      (sum, workstream) => sum + Math.round(workstream.percent * PERCENT_SCALE),
      0,
    );
    if (total !== 100 * PERCENT_SCALE) {
      issues.push({
        path: ["workstreams"],
        message: `percentages must add up to 100 (they add up to ${total / PERCENT_SCALE})`,
      });
    }
  }
  return issues;
}

/**
 * A multi-year co-commissioning plan: the cost to fund each financial year (split across
 * workstreams by percentage), and the income that meets it (partner contributions, grants,
 * reserve drawdowns and underspends carried forward from earlier years).
 */
export const FundingPlanSchema = PlanShapeSchema.superRefine((plan, ctx) => {
  for (const issue of [...checkYears(plan), ...checkPartnersAndWorkstreams(plan)]) {
    ctx.addIssue({ code: "custom", input: plan, ...issue });
  }
});
/** A funding plan as written in a file (optional lists may be left out). */
export type FundingPlanInput = z.input<typeof FundingPlanSchema>;
/** A validated funding plan. */
export type FundingPlan = z.output<typeof FundingPlanSchema>;
