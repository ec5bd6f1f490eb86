import { and, eq } from "drizzle-orm";

import type { SessionStatus } from "@dapkit/schemas";
import { sessionStatus } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { courses, trainingSessions } from "../../db/schema";
import { found } from "../../errors";
import type { Keyset } from "../pagination";
import type { Scope } from "../scope";
import { courseOfSession } from "./nomination-items";
import { placeCounts, placesLeft } from "./session-places";

/** Sessions joined to their course; callers add the where clause. */
export function selectSessionRows(db: Queryable) {
  return db
    .select({
      id: trainingSessions.id,
      courseId: trainingSessions.courseId,
      courseTitle: courses.title,
      courseLevel: courses.level,
      courseArchivedAt: courses.archivedAt,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      capacity: trainingSessions.capacity,
      location: trainingSessions.location,
      trainer: trainingSessions.trainer,
      closedAt: trainingSessions.closedAt,
      cancelledAt: trainingSessions.cancelledAt,
      cancelReason: trainingSessions.cancelReason,
      openTo: trainingSessions.openTo,
      reservedUntil: trainingSessions.reservedUntil,
      nonMemberPricePence: trainingSessions.nonMemberPricePence,
    })
    .from(trainingSessions)
    .innerJoin(courses, courseOfSession);
}

type SessionRow = ReturnType<ReturnType<typeof selectSessionRows>["all"]>[number];

/** Sessions soonest first, the id settling ties: the order of every list of sessions. */
export const SESSION_ORDER: Keyset<SessionRow> = {
  columns: [{ column: trainingSessions.startsAt }, { column: trainingSessions.id }],
  keyOf: (row) => [row.startsAt, row.id],
};

/** A session with its course, how its places stand and its status at the time of the request. */
export type SessionItem = SessionRow & {
  booked: number;
  waitlisted: number;
  placesLeft: number;
  status: SessionStatus;
};

/** Adds place counts and statuses to session rows, with one grouped query for them all. */
export function withPlaces(db: Queryable, scope: Scope, rows: SessionRow[]): SessionItem[] {
  const counts = placeCounts(
    db,
    scope,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const count = counts.get(row.id) ?? { booked: 0, waitlisted: 0 };
    const places = { ...row, ...count, placesLeft: placesLeft(row.capacity, count) };
    return { ...places, status: sessionStatus(places, scope.now) };
  });
}

/** A session of the user's organisation with its places, or not found. */
export function getSessionItem(db: Queryable, scope: Scope, id: string): SessionItem {
  const row = found(
    selectSessionRows(db)
      .where(
        and(
          eq(trainingSessions.organisationId, scope.user.organisationId),
          eq(trainingSessions.id, id),
        ),
      )
      .get(),
    "Training session",
  );
  return found(withPlaces(db, scope, [row])[0], "Training session");
}
