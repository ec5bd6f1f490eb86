import { and, eq, inArray } from "drizzle-orm";

import type { ActionStatus } from "@dapkit/schemas";
import { londonToday } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import {
  actionPlanActions,
  actionPlanEvidence,
  evidenceItems,
  recommendations,
} from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { activeFramework, assertAreaOf } from "../evidence/active-framework";
import type { Scope } from "../scope";
import { readActions, type ActionFilter } from "./action-queries";
import type { ActionOutput } from "@dapkit/contract";

interface ActionFields {
  areaId: string;
  what: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  recommendationId: string | null;
  evidenceIds: string[];
}

// Links are checked here so that an id from another organisation reads as "not found" with the
// field named, rather than as a database constraint failure.
function checkLinks(
  db: Queryable,
  organisationId: string,
  fields: Partial<Pick<ActionFields, "recommendationId" | "evidenceIds">>,
): void {
  if (fields.recommendationId != null) {
    const recommendation = db
      .select({ id: recommendations.id })
      .from(recommendations)
      .where(
        and(
          eq(recommendations.organisationId, organisationId),
          eq(recommendations.id, fields.recommendationId),
        ),
      )
      .get();
    if (recommendation === undefined) {
      throw new AppError("bad_request", "Choose one of your recommendations", {
        field: "recommendationId",
      });
    }
  }
  const ids = fields.evidenceIds ?? [];
  if (ids.length > 0) {
    const known = db
      .select({ id: evidenceItems.id })
      .from(evidenceItems)
      .where(and(eq(evidenceItems.organisationId, organisationId), inArray(evidenceItems.id, ids)))
      .all();
    if (known.length !== ids.length) {
      throw new AppError("bad_request", "Choose evidence from your own evidence library", {
        field: "evidenceIds",
      });
    }
  }
}

function replaceEvidence(
  db: Queryable,
  key: { organisationId: string; id: string },
  evidenceIds: readonly string[],
): void {
  db.delete(actionPlanEvidence)
    .where(
      and(
        eq(actionPlanEvidence.organisationId, key.organisationId),
        eq(actionPlanEvidence.actionId, key.id),
      ),
    )
    .run();
  if (evidenceIds.length === 0) return;
  db.insert(actionPlanEvidence)
    .values(
      evidenceIds.map((evidenceId) => ({
        organisationId: key.organisationId,
        actionId: key.id,
        evidenceId,
      })),
    )
    .run();
}

function readOne(db: Queryable, filter: ActionFilter, asOf: string): ActionOutput {
  return found(readActions(db, filter, asOf)[0], "Action");
}

/** Adds an action to one priority area's plan, with its linked evidence and recommendation. */
export function createAction(scope: Scope, input: ActionFields): ActionOutput {
  const { db, user, now } = scope;
  const framework = activeFramework(user.organisationId);
  assertAreaOf(framework, input.areaId);
  const id = newId();
  const at = now.toISOString();
  const { evidenceIds, ...fields } = input;
  return db.transaction((tx) => {
    checkLinks(tx, user.organisationId, input);
    tx.insert(actionPlanActions)
      .values({
        id,
        organisationId: user.organisationId,
        frameworkId: framework.id,
        ...fields,
        createdBy: user.id,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    replaceEvidence(tx, { organisationId: user.organisationId, id }, evidenceIds);
    const created = readOne(
      tx,
      { organisationId: user.organisationId, framework, id },
      londonToday(now),
    );
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "create",
      entity: "action_plan_action",
      entityId: id,
      after: created,
    });
    return created;
  });
}

/** Changes an action; an evidence list, when given, replaces the old one. */
export function updateAction(
  scope: Scope,
  input: { id: string; data: Partial<ActionFields> },
): ActionOutput {
  const { db, user, now } = scope;
  const framework = activeFramework(user.organisationId);
  const filter = { organisationId: user.organisationId, framework, id: input.id };
  const asOf = londonToday(now);
  const { evidenceIds, ...fields } = input.data;
  if (fields.areaId !== undefined) assertAreaOf(framework, fields.areaId);
  return db.transaction((tx) => {
    const before = readOne(tx, filter, asOf);
    if (Object.keys(input.data).length === 0) return before;
    checkLinks(tx, user.organisationId, input.data);
    tx.update(actionPlanActions)
      .set({ ...fields, updatedAt: now.toISOString() })
      .where(
        and(
          eq(actionPlanActions.organisationId, user.organisationId),
          eq(actionPlanActions.id, input.id),
        ),
      )
      .run();
    if (evidenceIds !== undefined) replaceEvidence(tx, filter, evidenceIds);
    const after = readOne(tx, filter, asOf);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "update",
      entity: "action_plan_action",
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
}
