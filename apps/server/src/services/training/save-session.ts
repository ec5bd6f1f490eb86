import { and, eq } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { courses, trainingSessions } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { queueSessionEditedMessages } from "../notifications/nomination-messages";
import { applyPatch, sameFields } from "../patch";
import type { Scope } from "../scope";
import { WRITE_LOCK } from "./nomination-writes";
import { liveNominations } from "./lifecycle-history";
import { getSessionItem, type SessionItem } from "./session-items";
import { assertSessionAction } from "./session-timing";
import {
  checkedEligibility,
  currentEligibility,
  OPEN_TO_ALL_MEMBERS,
  saveEligibility,
  type SessionEligibilityValues,
} from "./session-eligibility";
import { sessionPlaces } from "./session-places";
import { fillFreePlaces } from "./waiting-list";

/** The fields of a session that people set (who may book: in a partnership only). */
export interface SessionValues extends Partial<SessionEligibilityValues> {
  courseId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  location: string;
  trainer: string;
}

/** What may change once a session exists (its course stays: people are nominated for it). */
export type SessionChanges = Partial<Omit<SessionValues, "courseId">>;

// Splits a session's own fields from who may book it.
function eligibilityOf<T extends Partial<SessionEligibilityValues>>(values: T) {
  const { openTo, agencies, reservedUntil, nonMemberPricePence, ...rest } = values;
  const given = { openTo, agencies, reservedUntil, nonMemberPricePence };
  const eligibility = Object.fromEntries(
    Object.entries(given).filter(([, value]) => value !== undefined),
  ) as Partial<SessionEligibilityValues>;
  return { eligibility, rest };
}

const SESSION_FIELDS = [
  "startsAt",
  "endsAt",
  "capacity",
  "location",
  "trainer",
] as const satisfies readonly (keyof SessionValues)[];

const recordColumns = {
  id: trainingSessions.id,
  courseId: trainingSessions.courseId,
  startsAt: trainingSessions.startsAt,
  endsAt: trainingSessions.endsAt,
  capacity: trainingSessions.capacity,
  location: trainingSessions.location,
  trainer: trainingSessions.trainer,
};

/**
 * A session's times as stored: UTC ISO text, so that date ranges compare as text ("+01:00" times
 * are converted); refuses an end that is not after the start.
 */
export function normalisedTimes<T extends { startsAt: string; endsAt: string }>(values: T): T {
  const startsAt = new Date(values.startsAt).toISOString();
  const endsAt = new Date(values.endsAt).toISOString();
  if (endsAt <= startsAt) {
    throw new AppError("bad_request", "The session must end after it starts", { field: "endsAt" });
  }
  return { ...values, startsAt, endsAt };
}

function assertCourse(db: Queryable, scope: Scope, courseId: string): void {
  const course = db
    .select({ id: courses.id, title: courses.title, archivedAt: courses.archivedAt })
    .from(courses)
    .where(and(eq(courses.organisationId, scope.user.organisationId), eq(courses.id, courseId)))
    .get();
  if (course === undefined) {
    throw new AppError("bad_request", "Choose a course", { field: "courseId" });
  }
  if (course.archivedAt != null) {
    throw new AppError(
      "conflict",
      `${course.title} is archived: bring it back from the courses page to add sessions`,
      { field: "courseId" },
    );
  }
}

function audit(
  tx: Queryable,
  scope: Scope,
  entry: { action: string; id: string; before?: unknown; after: unknown },
) {
  recordAudit(tx, {
    actor: actorOf(scope.user),
    at: scope.now,
    action: entry.action,
    entity: "training_session",
    entityId: entry.id,
    before: entry.before,
    after: entry.after,
  });
}

/**
 * A new date for a session with people on it is a move (see move-session.ts): their histories say
 * so, and they are told. Here only a session nobody is on yet may change its times.
 */
function assertNotMovedHere(
  tx: Queryable,
  scope: Scope,
  change: { before: SessionValues & { id: string }; after: SessionValues },
): void {
  const { before, after } = change;
  if (before.startsAt === after.startsAt && before.endsAt === after.endsAt) return;
  assertSessionAction(tx, scope, { sessionId: before.id, action: "move" });
  if (liveNominations(tx, scope, before.id).length === 0) return;
  throw new AppError(
    "conflict",
    "People are nominated for this session: use “Move to a new date” so their records show the change",
    { field: "startsAt" },
  );
}

/** Adds a training session of a course (in a partnership, with who may book it). */
export function createSession(scope: Scope, input: SessionValues): SessionItem {
  const { eligibility, rest } = eligibilityOf(input);
  const session = { ...normalisedTimes(rest), id: newId() };
  return scope.db.transaction((tx) => {
    assertCourse(tx, scope, session.courseId);
    const open = checkedEligibility(tx, scope, {
      values: { ...OPEN_TO_ALL_MEMBERS, ...eligibility },
      before: OPEN_TO_ALL_MEMBERS,
      session,
    });
    tx.insert(trainingSessions)
      .values({
        ...session,
        organisationId: scope.user.organisationId,
        createdAt: scope.now.toISOString(),
      })
      .run();
    saveEligibility(tx, scope, { sessionId: session.id, values: open });
    audit(tx, scope, { action: "create", id: session.id, after: { ...session, ...open } });
    return getSessionItem(tx, scope, session.id);
  });
}

/**
 * Changes a session's times, place, capacity or (in a partnership) who may book it. Capacity
 * cannot drop below the places already taken; when it grows, or places held for agencies change,
 * people on the waiting list are booked into the places they may take, in order.
 */
export function updateSession(
  scope: Scope,
  input: { id: string; data: SessionChanges },
): SessionItem {
  return scope.db.transaction((tx) => {
    const organisation = eq(trainingSessions.organisationId, scope.user.organisationId);
    const before = found(
      tx
        .select(recordColumns)
        .from(trainingSessions)
        .where(and(organisation, eq(trainingSessions.id, input.id)))
        .get(),
      "Training session",
    );
    const { eligibility, rest } = eligibilityOf(input.data);
    const after = { ...normalisedTimes(applyPatch(before, rest)), id: before.id };
    const openBefore = currentEligibility(tx, scope, input.id);
    const open = checkedEligibility(tx, scope, {
      values: { ...openBefore, ...eligibility },
      before: openBefore,
      session: after,
    });
    const openChanged = JSON.stringify(open) !== JSON.stringify(openBefore);
    if (sameFields(before, after, SESSION_FIELDS) && !openChanged) {
      return getSessionItem(tx, scope, input.id);
    }
    assertNotMovedHere(tx, scope, { before, after });
    const { booked } = sessionPlaces(tx, scope, input.id);
    if (after.capacity < booked) {
      throw new AppError(
        "conflict",
        `Capacity cannot be less than the ${booked} places already booked`,
        { field: "capacity" },
      );
    }
    const { id, courseId: _courseId, ...values } = after;
    tx.update(trainingSessions)
      .set(values)
      .where(and(organisation, eq(trainingSessions.id, id)))
      .run();
    if (openChanged) saveEligibility(tx, scope, { sessionId: id, values: open });
    audit(tx, scope, {
      action: "update",
      id,
      before: { ...before, ...openBefore },
      after: { ...after, ...open },
    });
    queueSessionEditedMessages(tx, scope, { before, after });
    if (after.capacity > before.capacity || openChanged) fillFreePlaces(tx, scope, id);
    return getSessionItem(tx, scope, id);
  }, WRITE_LOCK);
}
