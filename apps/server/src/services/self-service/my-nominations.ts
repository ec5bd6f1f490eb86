import { and, desc, eq, sql } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { courses, nominations, trainingRequests, trainingSessions } from "../../db/schema";
import type { Scope } from "../scope";
import { courseOfSession, sessionOfNomination } from "../training/nomination-items";

/** Nominations of one person, with their session, course and whether they asked for it. */
export function selectMyNominations(db: Queryable) {
  return db
    .select({
      nominationId: nominations.id,
      sessionId: nominations.sessionId,
      courseTitle: courses.title,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      location: trainingSessions.location,
      state: nominations.state,
      selfRequested: sql<boolean>`${trainingRequests.nominationId} is not null`.mapWith(Boolean),
    })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession)
    .leftJoin(
      trainingRequests,
      and(
        eq(trainingRequests.organisationId, nominations.organisationId),
        eq(trainingRequests.nominationId, nominations.id),
      ),
    );
}

/** One of a person's nominations as My training lists it. */
export type MyNomination = ReturnType<ReturnType<typeof selectMyNominations>["all"]>[number];

/**
 * Every nomination of one member of staff, latest session first; for one session (nominated
 * again after a cancellation), the latest nomination first.
 */
export function myNominations(db: Queryable, scope: Scope, staffId: string): MyNomination[] {
  return selectMyNominations(db)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.staffId, staffId),
      ),
    )
    .orderBy(desc(trainingSessions.startsAt), desc(nominations.createdAt), desc(nominations.id))
    .all();
}
