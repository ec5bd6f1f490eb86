import { isActionOverdue } from "@dapkit/daha";
import { financialYearOf, planFunding } from "@dapkit/funding";
import { londonToday } from "@dapkit/schemas";

import { planActions } from "../action-plan/action-queries";
import { agencyAttendance } from "../board-report/attendance-by-agency";
import { reportPeriod } from "../board-report/report-period";
import { assessReadinessWithChecks } from "../evidence/assess-evidence-readiness";
import { getStoredPlan } from "../funding/funding-plan-queries";
import { listRecommendations } from "../recommendations/list-recommendations";
import type { Scope } from "../scope";
import type { PaperData } from "./paper-data";

/**
 * Reads the figures a paper reports as they stand now, through the same services the pages use:
 * readiness (with training uptake and the action plan), the recommendations, and the chosen
 * funding plan worked out by @dapkit/funding.
 */
export function loadPaperData(scope: Scope, fundingPlanId: string | null): PaperData {
  const asOf = londonToday(scope.now);
  const { readiness, framework } = assessReadinessWithChecks(scope, { asOf });
  const actions = planActions(scope.db, { organisationId: scope.user.organisationId, framework });
  const funding =
    fundingPlanId == null
      ? null
      : planFunding(
          getStoredPlan(scope.db, { organisationId: scope.user.organisationId, id: fundingPlanId })
            .plan,
        );
  const financialYear = financialYearOf(asOf).label;
  return {
    asOf,
    partnership: { financialYear, ...agencyAttendance(scope, reportPeriod(financialYear)) },
    areas: readiness.areas.map((area) => ({
      areaName: area.areaName,
      rag: area.rag,
      approved: area.counts.approved,
    })),
    overdueActions: actions.filter((action) => isActionOverdue(action, asOf)).length,
    uptake: readiness.trainingUptake,
    recommendations: listRecommendations(scope).map((item) => ({
      reference: item.reference,
      title: item.title,
      owner: item.owner,
      status: item.status,
      rag: item.rag,
      targetDate: item.targetDate,
      latestUpdate:
        item.latestUpdate == null
          ? null
          : { date: item.latestUpdate.date, note: item.latestUpdate.note },
    })),
    funding:
      funding == null
        ? null
        : {
            name: funding.name,
            years: funding.years.map((year) => ({
              financialYear: year.financialYear,
              costPence: year.costPence,
              carriedForwardPence: year.carryForwardOutPence,
              incomePence: year.income.totalPence,
              gapPence: year.gapPence,
            })),
          },
  };
}
