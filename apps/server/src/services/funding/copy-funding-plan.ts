import type { FundingPlanOutput } from "@dapkit/contract";

import type { Scope } from "../scope";
import { savedUniquely } from "../unique";
import { insertFundingPlan, NAME_TAKEN } from "./create-funding-plan";
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
  const { db, user } = scope;
  return savedUniquely(
    () =>
      db.transaction((tx) => {
        const from = getStoredPlan(tx, { organisationId: user.organisationId, id: input.id });
        const created = insertFundingPlan(tx, scope, {
          name: input.name,
          plan: from.plan,
          varianceTables: from.varianceTables,
          copiedFromId: from.id,
          scenario: input.scenario,
        });
        return { ...created, ...workOut(created.plan, created.varianceTables) };
      }),
    NAME_TAKEN,
  );
}
