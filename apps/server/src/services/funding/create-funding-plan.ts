import {
  FundingPlanSchema,
  VarianceTablesSchema,
  type FundingPlanInput,
  type VarianceTableInput,
} from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { fundingPlans } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { savedUniquely } from "../unique";
import { getStoredPlan, workOut } from "./funding-plan-queries";
import type { FundingPlanOutput } from "@dapkit/contract";

/** The message when a plan's name is taken in the organisation. */
export const NAME_TAKEN = {
  field: "name",
  message: "Your organisation already has a funding plan with this name",
};

/**
 * Stores a new funding plan after checking that it works out. The plan and tables may be given as
 * written (the seed does): they are stored as their schemas read them, defaults filled in.
 */
export function createFundingPlan(
  scope: Scope,
  input: { name: string; plan: FundingPlanInput; varianceTables?: VarianceTableInput[] },
): FundingPlanOutput {
  const { db } = scope;
  const values = {
    name: input.name,
    plan: FundingPlanSchema.parse(input.plan),
    varianceTables: VarianceTablesSchema.parse(input.varianceTables ?? []),
  };
  const worked = workOut(values.plan, values.varianceTables);
  return savedUniquely(
    () =>
      db.transaction((tx) => ({
        ...insertFundingPlan(tx, scope, values),
        ...worked,
      })),
    NAME_TAKEN,
  );
}

/**
 * Writes a new plan of the organisation (in the caller's transaction), audits its creation and
 * gives it back as stored. Creating and copying both add plans this way.
 */
export function insertFundingPlan(
  tx: Queryable,
  scope: Scope,
  values: Omit<
    typeof fundingPlans.$inferInsert,
    "id" | "organisationId" | "createdAt" | "updatedAt" | "updatedBy"
  >,
) {
  const { user, now } = scope;
  const key = { organisationId: user.organisationId, id: newId() };
  const at = now.toISOString();
  tx.insert(fundingPlans)
    .values({ ...key, ...values, createdAt: at, updatedAt: at, updatedBy: user.id })
    .run();
  const created = getStoredPlan(tx, key);
  recordAudit(tx, {
    actor: actorOf(user),
    at: now,
    action: "create",
    entity: "funding_plan",
    entityId: key.id,
    after: created,
  });
  return created;
}
