import { and, count, eq, gt, inArray, isNull, notInArray } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";
import type { NominationState } from "@dapkit/schemas";
import { ENDED_STATES } from "@dapkit/training";

import { courses, nominations, trainingSessions } from "../../db/schema";
import { keysetPage, selectWindow, type Page } from "../pagination";
import type { Scope } from "../scope";
import { courseOfSession } from "../training/nomination-items";
import {
  SESSION_ORDER,
  selectSessionRows,
  withPlaces,
  type SessionItem,
} from "../training/session-items";
import { ownStaff } from "./own-staff";

/** A session someone may still ask for, with their own nomination for it (if still in play). */
export type OpenSession = Pick<
  SessionItem,
  "id" | "courseTitle" | "courseLevel" | "startsAt" | "endsAt" | "location" | "placesLeft"
> & { myState: NominationState | null };

/** One page of the sessions still open to requests (not started, not cancelled), soonest first. */
export function openSessions(scope: Scope, input: PageRequest): Page<OpenSession> {
  const { db, user } = scope;
  const where = and(
    eq(trainingSessions.organisationId, user.organisationId),
    gt(trainingSessions.startsAt, scope.now.toISOString()),
    isNull(trainingSessions.cancelledAt),
    isNull(courses.archivedAt),
  );
  const total =
    db
      .select({ total: count() })
      .from(trainingSessions)
      .innerJoin(courses, courseOfSession)
      .where(where)
      .get()?.total ?? 0;
  const page = keysetPage(input, SESSION_ORDER, {
    total,
    fetch: selectWindow(selectSessionRows(db), where),
  });
  const rows = page.items;
  const person = ownStaff(db, scope);
  const mine = new Map(
    person == null || rows.length === 0
      ? []
      : db
          .select({ sessionId: nominations.sessionId, state: nominations.state })
          .from(nominations)
          .where(
            and(
              eq(nominations.organisationId, user.organisationId),
              eq(nominations.staffId, person.id),
              inArray(
                nominations.sessionId,
                rows.map((row) => row.id),
              ),
              notInArray(nominations.state, [...ENDED_STATES]),
            ),
          )
          .all()
          .map((row) => [row.sessionId, row.state]),
  );
  const items = withPlaces(db, scope, rows).map((session) => ({
    id: session.id,
    courseTitle: session.courseTitle,
    courseLevel: session.courseLevel,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    location: session.location,
    placesLeft: session.placesLeft,
    myState: mine.get(session.id) ?? null,
  }));
  return { ...page, items };
}
