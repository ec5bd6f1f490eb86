import type { FundingPlan } from "@dapkit/schemas";

import { newId } from "../../db/ids";
import { fundingPlans } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { savedUniquely } from "../unique";
import { getStoredPlan, workOut } from "./funding-plan-queries";
import type { FundingPlanOutput, VarianceTable } from "./funding-schemas";

/** The message when a plan's name is taken in the organisation. */
export const NAME_TAKEN = {
  field: "name",
  message: "Your organisation already has a funding plan with this name",
};

/** Stores a new funding plan after checking that it works out. */
export function createFundingPlan(
  scope: Scope,
  input: { name: string; plan: FundingPlan; varianceTables: VarianceTable[] },
): FundingPlanOutput {
  const { db, user, now } = scope;
  const worked = workOut(input.plan, input.varianceTables);
  const key = { organisationId: user.organisationId, id: newId() };
  const at = now.toISOString();
  return savedUniquely(
    () =>
      db.transaction((tx) => {
        tx.insert(fundingPlans)
          .values({ ...key, ...input, createdAt: at, updatedAt: at, updatedBy: user.id })
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
        return { ...created, ...worked };
      }),
    NAME_TAKEN,
  );
}
