import { and, desc, eq } from "drizzle-orm";

import {
  CommitteePaperDraftSchema,
  type CommitteePaperDraft,
  type CommitteePaperOutput,
  type CommitteePaperSummary,
} from "@dapkit/contract";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { committeePapers, fundingPlans, users } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { buildPaper } from "./build-paper";
import { loadPaperData } from "./load-paper-data";

const summaryColumns = {
  id: committeePapers.id,
  committee: committeePapers.committee,
  meetingDate: committeePapers.meetingDate,
  reportOf: committeePapers.reportOf,
  title: committeePapers.title,
  updatedAt: committeePapers.updatedAt,
  updatedByName: users.name,
};

function isPaper(key: { organisationId: string; id: string }) {
  return and(
    eq(committeePapers.organisationId, key.organisationId),
    eq(committeePapers.id, key.id),
  );
}

/** One paper's draft and summary as stored, or a not-found error. */
export function readStoredPaper(
  db: Queryable,
  key: { organisationId: string; id: string },
): CommitteePaperSummary & { version: number; draft: CommitteePaperDraft } {
  const row = found(
    db
      .select({ ...summaryColumns, version: committeePapers.version, draft: committeePapers.draft })
      .from(committeePapers)
      .innerJoin(users, eq(users.id, committeePapers.updatedBy))
      .where(isPaper(key))
      .get(),
    "Committee paper",
  );
  // Drafts are validated on the way in; parsing again keeps a hand-edited database honest.
  return { ...row, draft: CommitteePaperDraftSchema.parse(row.draft) };
}

/** A paper with the figures written from today's live data. */
export function paperWithFigures(scope: Scope, id: string): CommitteePaperOutput {
  const stored = readStoredPaper(scope.db, { organisationId: scope.user.organisationId, id });
  const data = loadPaperData(scope, stored.draft.fundingPlanId);
  return { ...stored, built: buildPaper(stored.draft, data) };
}

function checkFundingPlan(db: Queryable, organisationId: string, id: string | null): void {
  if (id == null) return;
  const plan = db
    .select({ id: fundingPlans.id })
    .from(fundingPlans)
    .where(and(eq(fundingPlans.organisationId, organisationId), eq(fundingPlans.id, id)))
    .get();
  if (plan === undefined) {
    throw new AppError("bad_request", "Choose one of your funding plans", {
      field: "fundingPlanId",
    });
  }
}

function columnsOf(draft: CommitteePaperDraft) {
  const { committee, meetingDate, reportOf, title, fundingPlanId } = draft;
  return { committee, meetingDate, reportOf, title, fundingPlanId, draft };
}

/** Every paper of the organisation, the next meeting's last. */
export function listCommitteePapers(scope: Scope): CommitteePaperSummary[] {
  return scope.db
    .select(summaryColumns)
    .from(committeePapers)
    .innerJoin(users, eq(users.id, committeePapers.updatedBy))
    .where(eq(committeePapers.organisationId, scope.user.organisationId))
    .orderBy(desc(committeePapers.meetingDate), desc(committeePapers.updatedAt))
    .all();
}

/** Saves a new draft paper. */
export function createCommitteePaper(
  scope: Scope,
  draft: CommitteePaperDraft,
): CommitteePaperOutput {
  const { db, user, now } = scope;
  const id = newId();
  const at = now.toISOString();
  db.transaction((tx) => {
    checkFundingPlan(tx, user.organisationId, draft.fundingPlanId);
    tx.insert(committeePapers)
      .values({
        id,
        organisationId: user.organisationId,
        ...columnsOf(draft),
        createdBy: user.id,
        updatedBy: user.id,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "create",
      entity: "committee_paper",
      entityId: id,
      after: draft,
    });
  });
  return paperWithFigures(scope, id);
}

/**
 * Saves a paper's draft over the version the officer edited; refused if someone saved it since,
 * so their work is not silently lost.
 */
export function updateCommitteePaper(
  scope: Scope,
  input: { id: string; version: number; data: CommitteePaperDraft },
): CommitteePaperOutput {
  const { db, user, now } = scope;
  const key = { organisationId: user.organisationId, id: input.id };
  db.transaction((tx) => {
    const before = readStoredPaper(tx, key);
    if (before.version !== input.version) {
      throw new AppError(
        "conflict",
        `${before.updatedByName} saved this paper since you opened it: reload it to see their changes`,
        { field: "version" },
      );
    }
    checkFundingPlan(tx, user.organisationId, input.data.fundingPlanId);
    tx.update(committeePapers)
      .set({
        ...columnsOf(input.data),
        version: before.version + 1,
        updatedBy: user.id,
        updatedAt: now.toISOString(),
      })
      .where(isPaper(key))
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "update",
      entity: "committee_paper",
      entityId: input.id,
      before: before.draft,
      after: input.data,
    });
  });
  return paperWithFigures(scope, input.id);
}
