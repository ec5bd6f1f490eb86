import { suggestActions } from "@dapkit/daha";
import { londonToday } from "@dapkit/schemas";

import { assertAreaOf } from "../evidence/active-framework";
import { assessReadinessWithChecks } from "../evidence/assess-evidence-readiness";
import type { Scope } from "../scope";
import { planActions, readActions } from "./action-queries";
import type { ActionPlanOutput } from "@dapkit/contract";

/**
 * The action plan as of today in London: every action (or one area's), soonest due first, and
 * the actions the areas' readiness gaps suggest that the plan does not already hold.
 */
export function listActionPlan(
  scope: Scope,
  input: { areaId?: string | undefined },
): ActionPlanOutput {
  const asOf = londonToday(scope.now);
  const { readiness, checks, framework } = assessReadinessWithChecks(scope, { asOf });
  if (input.areaId !== undefined) assertAreaOf(framework, input.areaId);
  const filter = { organisationId: scope.user.organisationId, framework };
  const planned = planActions(scope.db, filter);
  const areas = readiness.areas.filter(
    (area) => input.areaId === undefined || area.areaId === input.areaId,
  );
  return {
    asOf,
    actions: readActions(scope.db, { ...filter, areaId: input.areaId }, asOf),
    suggestions: areas.flatMap((area) => suggestActions({ area, actions: planned, asOf, checks })),
  };
}
