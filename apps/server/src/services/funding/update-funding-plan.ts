import { and, eq } from "drizzle-orm";

import type { FundingPlan } from "@dapkit/schemas";

import { fundingPlans } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { savedUniquely } from "../unique";
import { NAME_TAKEN } from "./create-funding-plan";
import { readFundingPlan } from "./get-funding-plan";
import { getStoredPlan, workOut } from "./funding-plan-queries";
import type { VarianceTable } from "@dapkit/schemas";

import type { FundingPlanOutput } from "@dapkit/contract";

/** Renames a plan or replaces its plan or variance tables, after checking the result works out. */
export function updateFundingPlan(
  scope: Scope,
  input: {
    id: string;
    data: { name?: string; plan?: FundingPlan; varianceTables?: VarianceTable[] };
  },
): FundingPlanOutput {
  const { db, user, now } = scope;
  const key = { organisationId: user.organisationId, id: input.id };
  return savedUniquely(
    () =>
      db.transaction((tx) => {
        const before = getStoredPlan(tx, key);
        if (Object.values(input.data).every((value) => value === undefined)) {
          return readFundingPlan(tx, key);
        }
        const next = {
          name: input.data.name ?? before.name,
          plan: input.data.plan ?? before.plan,
          varianceTables: input.data.varianceTables ?? before.varianceTables,
        };
        // Throws before the update when the new figures do not work out, so nothing is written.
        const worked = workOut(next.plan, next.varianceTables);
        tx.update(fundingPlans)
          .set({ ...next, updatedAt: now.toISOString(), updatedBy: user.id })
          .where(
            and(eq(fundingPlans.organisationId, key.organisationId), eq(fundingPlans.id, key.id)),
          )
          .run();
        const after = getStoredPlan(tx, key);
        recordAudit(tx, {
          actor: actorOf(user),
          at: now,
          action: "update",
          entity: "funding_plan",
          entityId: key.id,
          before,
          after,
        });
        return { ...after, ...worked };
      }),
    NAME_TAKEN,
  );
}
