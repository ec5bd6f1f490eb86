import { and, asc, eq, inArray, type SQL } from "drizzle-orm";

import { isActionOverdue, type DahaFramework, type PlanAction } from "@dapkit/daha";

import type { Queryable } from "../../db/client";
import {
  actionPlanActions,
  actionPlanEvidence,
  evidenceItems,
  recommendations,
} from "../../db/schema";
import type { ActionOutput } from "@dapkit/contract";

/** Which actions to read: one organisation's, in one framework, optionally one area or one id. */
export interface ActionFilter {
  organisationId: string;
  framework: DahaFramework;
  areaId?: string | undefined;
  id?: string | undefined;
}

function whereActions(filter: ActionFilter): SQL | undefined {
  return and(
    eq(actionPlanActions.organisationId, filter.organisationId),
    eq(actionPlanActions.frameworkId, filter.framework.id),
    filter.areaId === undefined ? undefined : eq(actionPlanActions.areaId, filter.areaId),
    filter.id === undefined ? undefined : eq(actionPlanActions.id, filter.id),
  );
}

/** The fields the action-plan rules read, for every action of the organisation's framework. */
export function planActions(db: Queryable, filter: ActionFilter): PlanAction[] {
  return db
    .select({
      areaId: actionPlanActions.areaId,
      what: actionPlanActions.what,
      dueDate: actionPlanActions.dueDate,
      status: actionPlanActions.status,
    })
    .from(actionPlanActions)
    .where(whereActions(filter))
    .all();
}

/** Actions as they leave the server, soonest due first, each with its evidence and recommendation. */
export function readActions(db: Queryable, filter: ActionFilter, asOf: string): ActionOutput[] {
  const rows = db
    .select({
      id: actionPlanActions.id,
      areaId: actionPlanActions.areaId,
      what: actionPlanActions.what,
      owner: actionPlanActions.owner,
      dueDate: actionPlanActions.dueDate,
      status: actionPlanActions.status,
      recommendationId: recommendations.id,
      recommendationReference: recommendations.reference,
      recommendationTitle: recommendations.title,
      createdAt: actionPlanActions.createdAt,
      updatedAt: actionPlanActions.updatedAt,
    })
    .from(actionPlanActions)
    .leftJoin(
      recommendations,
      and(
        eq(recommendations.organisationId, actionPlanActions.organisationId),
        eq(recommendations.id, actionPlanActions.recommendationId),
      ),
    )
    .where(whereActions(filter))
    .orderBy(asc(actionPlanActions.dueDate), asc(actionPlanActions.createdAt))
    .all();
  const ids = rows.map((row) => row.id);
  const links =
    ids.length === 0
      ? []
      : db
          .select({
            actionId: actionPlanEvidence.actionId,
            id: evidenceItems.id,
            title: evidenceItems.title,
            status: evidenceItems.status,
          })
          .from(actionPlanEvidence)
          .innerJoin(
            evidenceItems,
            and(
              eq(evidenceItems.organisationId, actionPlanEvidence.organisationId),
              eq(evidenceItems.id, actionPlanEvidence.evidenceId),
            ),
          )
          .where(
            and(
              eq(actionPlanEvidence.organisationId, filter.organisationId),
              inArray(actionPlanEvidence.actionId, ids),
            ),
          )
          .orderBy(asc(evidenceItems.title))
          .all();
  const areaNames = new Map(filter.framework.areas.map((area) => [area.id, area.name]));
  return rows.map((row) => ({
    id: row.id,
    areaId: row.areaId,
    areaName: areaNames.get(row.areaId) ?? row.areaId,
    what: row.what,
    owner: row.owner,
    dueDate: row.dueDate,
    status: row.status,
    overdue: isActionOverdue(row, asOf),
    recommendation:
      row.recommendationId == null
        ? null
        : {
            id: row.recommendationId,
            reference: row.recommendationReference ?? "",
            title: row.recommendationTitle ?? "",
          },
    evidence: links
      .filter((link) => link.actionId === row.id)
      .map(({ id, title, status }) => ({ id, title, status })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}
