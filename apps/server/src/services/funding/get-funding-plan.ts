import type { Queryable } from "../../db/client";
import type { Scope } from "../scope";
import { getStoredPlan, workOut, type PlanKey } from "./funding-plan-queries";
import type { FundingPlanOutput } from "@dapkit/contract";

/** A stored plan with its computed result and variance checks. */
export function readFundingPlan(db: Queryable, key: PlanKey): FundingPlanOutput {
  const stored = getStoredPlan(db, key);
  return { ...stored, ...workOut(stored.plan, stored.varianceTables) };
}

/** One of the organisation's plans, worked out. */
export function getFundingPlan(scope: Scope, input: { id: string }): FundingPlanOutput {
  return readFundingPlan(scope.db, { organisationId: scope.user.organisationId, id: input.id });
}
