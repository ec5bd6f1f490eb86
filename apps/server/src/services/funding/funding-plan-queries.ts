import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import { planFunding, reconcileVariance } from "@dapkit/funding";
import { FundingPlanSchema, type FundingPlan } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { fundingPlans, users } from "../../db/schema";
import { found } from "../../errors";
import { VarianceTablesSchema, type VarianceTable } from "@dapkit/schemas";

/** Which plan of which organisation. */
export interface PlanKey {
  organisationId: string;
  id: string;
}

// The plan a scenario was copied from, joined by id within the same organisation.
const original = alias(fundingPlans, "original");

const storedColumns = {
  id: fundingPlans.id,
  name: fundingPlans.name,
  plan: fundingPlans.plan,
  varianceTables: fundingPlans.varianceTables,
  scenario: fundingPlans.scenario,
  copiedFromId: original.id,
  copiedFromName: original.name,
  createdAt: fundingPlans.createdAt,
  updatedAt: fundingPlans.updatedAt,
};

const originalOf = and(
  eq(original.id, fundingPlans.copiedFromId),
  eq(original.organisationId, fundingPlans.organisationId),
);

// The JSON columns were validated on the way in; parsing them again types them and turns a row
// that somehow no longer fits into a server error rather than a wrong figure.
function parsed<
  Row extends {
    plan: unknown;
    varianceTables: unknown;
    copiedFromId: string | null;
    copiedFromName: string | null;
  },
>(row: Row) {
  const { copiedFromId, copiedFromName, ...rest } = row;
  return {
    ...rest,
    copiedFrom:
      copiedFromId == null || copiedFromName == null
        ? null
        : { id: copiedFromId, name: copiedFromName },
    plan: FundingPlanSchema.parse(row.plan),
    varianceTables: VarianceTablesSchema.parse(row.varianceTables),
  };
}

/** Every plan of an organisation as stored, by name. */
export function listStoredPlans(db: Queryable, organisationId: string) {
  return db
    .select(storedColumns)
    .from(fundingPlans)
    .leftJoin(original, originalOf)
    .where(eq(fundingPlans.organisationId, organisationId))
    .orderBy(asc(fundingPlans.name))
    .all()
    .map(parsed);
}

/** One of the organisation's plans as stored, with who last saved it, or a not-found error. */
export function getStoredPlan(db: Queryable, key: PlanKey) {
  const row = db
    .select({ ...storedColumns, updatedBy: { id: users.id, name: users.name } })
    .from(fundingPlans)
    .leftJoin(original, originalOf)
    .innerJoin(
      users,
      and(
        eq(users.id, fundingPlans.updatedBy),
        eq(users.organisationId, fundingPlans.organisationId),
      ),
    )
    .where(and(eq(fundingPlans.organisationId, key.organisationId), eq(fundingPlans.id, key.id)))
    .get();
  return parsed(found(row, "Funding plan"));
}

/**
 * Works a plan out and checks its variance tables. Saving calls this first, so a plan whose sums
 * overflow (a FundingInputError, sent back as BAD_REQUEST) is refused before anything is written.
 */
export function workOut(plan: FundingPlan, varianceTables: readonly VarianceTable[]) {
  return {
    result: planFunding(plan),
    varianceChecks: varianceTables.map((table) => ({
      title: table.title,
      ...reconcileVariance(table.rows, { reportedTotals: table.reportedTotals ?? {} }),
    })),
  };
}
