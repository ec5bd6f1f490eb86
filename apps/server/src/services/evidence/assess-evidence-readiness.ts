import { and, count, eq } from "drizzle-orm";

import {
  actionPlanChecks,
  assessReadiness,
  DEFAULT_STAFF_DEVELOPMENT_TARGET,
  type DahaFramework,
  staffDevelopmentCheck,
  type ReadinessCheck,
} from "@dapkit/daha";
import { londonToday } from "@dapkit/schemas";
import { funnelFromCounts, type UptakeFunnel } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { evidenceItems, nominations } from "../../db/schema";
import { planActions } from "../action-plan/action-queries";
import type { Scope } from "../scope";
import { activeFramework } from "./active-framework";
import { approvedByAuthor, separationOfDutiesRequired } from "./separation-of-duties";
import type { Readiness } from "@dapkit/contract";

/**
 * How training uptake (attended ÷ nominated) rates the Staff Development area: green at or above
 * the target, amber below it, red below `redBelow`. The 80 % target is @dapkit/daha's default (the
 * "team below 80 % uptake" alert of peer training systems); below half of those nominated
 * attending, the training programme is judged not to be working. DAHA itself sets no minimum.
 */
export const STAFF_DEVELOPMENT_UPTAKE = {
  target: DEFAULT_STAFF_DEVELOPMENT_TARGET,
  redBelow: 0.5,
} as const;

/**
 * The organisation's training uptake over every nomination, by each one's current state: counted
 * by SQLite over the (organisation, state) index rather than read row by row.
 */
function trainingUptake(db: Queryable, organisationId: string): UptakeFunnel {
  const counts = db
    .select({ state: nominations.state, count: count() })
    .from(nominations)
    .where(eq(nominations.organisationId, organisationId))
    .groupBy(nominations.state)
    .all();
  return funnelFromCounts(counts);
}

function uptakeCheck(uptake: UptakeFunnel): ReadinessCheck {
  const check = staffDevelopmentCheck({
    attendanceRate: uptake.attendanceRate,
    ...STAFF_DEVELOPMENT_UPTAKE,
  });
  const counts =
    uptake.nominated === 0
      ? "no staff have been nominated yet"
      : `${String(uptake.attended)} of ${String(uptake.nominated)} nominated attended`;
  return { ...check, reason: `${check.reason} (${counts})` };
}

/**
 * Rates each priority area red, amber or green from the organisation's evidence as it stands on
 * `asOf` (default: today), with Staff Development also rated on live training uptake and every
 * area held to at best amber while its action plan has an overdue action. While the organisation
 * requires separation of duties, an item counts only if someone other than its authors approved it.
 */
export function assessEvidenceReadiness(
  scope: Scope,
  input: { asOf?: string | undefined },
): Readiness {
  return assessReadinessWithChecks(scope, input).readiness;
}

/** The readiness, with the extra checks it was rated on and the framework it was rated against. */
export function assessReadinessWithChecks(
  scope: Scope,
  input: { asOf?: string | undefined },
): { readiness: Readiness; checks: ReadinessCheck[]; framework: DahaFramework } {
  const { db, user } = scope;
  const framework = activeFramework(user.organisationId);
  const asOf = input.asOf ?? londonToday(scope.now);
  const evidence = db
    .select({
      id: evidenceItems.id,
      areaId: evidenceItems.areaId,
      title: evidenceItems.title,
      status: evidenceItems.status,
      reviewDate: evidenceItems.reviewDate,
      expiryDate: evidenceItems.expiryDate,
    })
    .from(evidenceItems)
    .where(
      and(
        eq(evidenceItems.organisationId, user.organisationId),
        eq(evidenceItems.frameworkId, framework.id),
      ),
    )
    .all();
  const byAuthor = approvedByAuthor(db, user.organisationId);
  const uptake = trainingUptake(db, user.organisationId);
  const actions = planActions(db, { organisationId: user.organisationId, framework });
  const checks = [uptakeCheck(uptake), ...actionPlanChecks({ actions, asOf })];
  const areas = assessReadiness({
    framework,
    evidence: evidence.map((item) => ({ ...item, approvedByAuthor: byAuthor.has(item.id) })),
    asOf,
    checks,
    separationOfDuties: separationOfDutiesRequired(scope),
  });
  const readiness = {
    asOf,
    frameworkId: framework.id,
    trainingUptake: {
      nominated: uptake.nominated,
      attended: uptake.attended,
      attendanceRate: uptake.attendanceRate,
    },
    areas,
  };
  return { readiness, checks, framework };
}
