import { planFunding } from "@dapkit/funding";

import type { Scope } from "../scope";
import { listStoredPlans } from "./funding-plan-queries";

/** The organisation's plans by name, each with the years it covers, its total cost and gap. */
export function listFundingPlans(scope: Scope) {
  return listStoredPlans(scope.db, scope.user.organisationId).map((stored) => {
    const { totals } = planFunding(stored.plan);
    return {
      id: stored.id,
      name: stored.name,
      copiedFrom: stored.copiedFrom,
      scenario: stored.scenario,
      financialYears: stored.plan.financialYears,
      totalCostPence: totals.costPence,
      totalGapPence: totals.gapPence,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
    };
  });
}
