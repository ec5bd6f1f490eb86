import type { FundingPlanOutput } from "@dapkit/contract";

import { newId } from "../../db/ids";
import { fundingPlans } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { savedUniquely } from "../unique";
import { NAME_TAKEN } from "./create-funding-plan";
import { getStoredPlan, workOut } from "./funding-plan-queries";

/**
 * Copies one of the organisation's plans under a new name, recording which plan it came from and
 * the scenario it is for, so a commissioner can change one assumption and compare the two. The
 * copy starts as the original's plan and tables exactly; it is audited as a creation.
 */
export function copyFundingPlan(
  scope: Scope,
  input: { id: string; name: string; scenario: string },
): FundingPlanOutput {
  const { db, user, now } = scope;
  const source = { organisationId: user.organisationId, id: input.id };
  const key = { organisationId: user.organisationId, id: newId() };
  const at = now.toISOString();
  return savedUniquely(
    () =>
      db.transaction((tx) => {
        const from = getStoredPlan(tx, source);
        tx.insert(fundingPlans)
          .values({
            ...key,
            name: input.name,
            plan: from.plan,
            varianceTables: from.varianceTables,
            copiedFromId: from.id,
            scenario: input.scenario,
            createdAt: at,
            updatedAt: at,
            updatedBy: user.id,
          })
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
        return { ...created, ...workOut(created.plan, created.varianceTables) };
      }),
    NAME_TAKEN,
  );
}
