import { and, count, eq, sql, type SQL } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";
import { NOMINATION_STATE_LABELS } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { courses, nominations, staff, trainingRequests, trainingSessions } from "../../db/schema";
import { AppError, found } from "../../errors";
import { keysetPage, selectWindow, type Keyset, type Page } from "../pagination";
import type { Scope } from "../scope";
import {
  courseOfSession,
  sessionOfNomination,
  staffOfNomination,
} from "../training/nomination-items";
import { moveNomination, WRITE_LOCK } from "../training/nomination-writes";
import { sessionStart } from "../training/session-timing";

/**
 * Requests from the people the user line-manages: their staff record's manager is the user's own
 * staff record. This holds for every role, so an HR officer or administrator decides only for their
 * own team here (they book any nomination on the session page). An unlinked user has no team.
 */
function ownTeam(scope: Scope): SQL | undefined {
  const { staffId, organisationId } = scope.user;
  return and(
    eq(trainingRequests.organisationId, organisationId),
    staffId == null ? sql`0` : eq(staff.managerId, staffId),
  );
}

function selectTeamRequests(db: Queryable) {
  return db
    .select({
      nominationId: nominations.id,
      staffId: staff.id,
      staffName: staff.name,
      jobTitle: staff.jobTitle,
      sessionId: nominations.sessionId,
      courseTitle: courses.title,
      startsAt: trainingSessions.startsAt,
      reason: nominations.reason,
      requestedAt: trainingRequests.requestedAt,
      state: nominations.state,
    })
    .from(trainingRequests)
    .innerJoin(
      nominations,
      and(
        eq(nominations.organisationId, trainingRequests.organisationId),
        eq(nominations.id, trainingRequests.nominationId),
      ),
    )
    .innerJoin(staff, staffOfNomination)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession);
}

/** A team member's request as their line manager sees it. */
export type TeamRequest = ReturnType<ReturnType<typeof selectTeamRequests>["all"]>[number];

// Oldest request first; a nomination has one request, so its id settles ties.
const REQUEST_ORDER: Keyset<TeamRequest> = {
  columns: [{ column: trainingRequests.requestedAt }, { column: nominations.id }],
  keyOf: (row) => [row.requestedAt, row.nominationId],
};

/** One page of the user's team's requests awaiting a decision, oldest first. */
export function listTeamRequests(scope: Scope, input: PageRequest): Page<TeamRequest> {
  const where = and(ownTeam(scope), eq(nominations.state, "nominated"));
  const total =
    scope.db
      .select({ total: count() })
      .from(trainingRequests)
      .innerJoin(nominations, eq(nominations.id, trainingRequests.nominationId))
      .innerJoin(staff, staffOfNomination)
      .where(where)
      .get()?.total ?? 0;
  return keysetPage(input, REQUEST_ORDER, {
    total,
    fetch: selectWindow(selectTeamRequests(scope.db), where),
  });
}

// Another team's request, another organisation's, or an ordinary nomination: all "not found".
function teamRequest(db: Queryable, scope: Scope, id: string): TeamRequest {
  return found(
    selectTeamRequests(db)
      .where(and(ownTeam(scope), eq(nominations.id, id)))
      .get(),
    "Training request",
  );
}

/**
 * Approves or declines a team member's request, in one write-locked transaction with its history
 * entry and audit. Only a request still awaiting a decision may be decided, and only approved
 * while its session has not started.
 */
export function decideTeamRequest(
  scope: Scope,
  input: { id: string; note: string; decision: "approved" | "declined" },
): TeamRequest {
  return scope.db.transaction((tx) => {
    const request = teamRequest(tx, scope, input.id);
    if (request.state !== "nominated") {
      const now = NOMINATION_STATE_LABELS[request.state].toLowerCase();
      throw new AppError("conflict", `This request has already been decided: it is ${now}`);
    }
    const starts = sessionStart(tx, scope, request.sessionId);
    if (input.decision === "approved" && starts.getTime() <= scope.now.getTime()) {
      throw new AppError(
        "conflict",
        "This session has started, so the request can only be declined",
      );
    }
    moveNomination(tx, scope, {
      nomination: { id: request.nominationId, state: request.state },
      to: input.decision,
      note: input.note,
      action: input.decision === "approved" ? "approve" : "decline",
    });
    return teamRequest(tx, scope, input.id);
  }, WRITE_LOCK);
}
