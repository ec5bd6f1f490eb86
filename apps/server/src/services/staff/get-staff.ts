import { and, eq } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";

import { courses, nominations, trainingSessions } from "../../db/schema";
import { dayOf } from "../training/date-range";
import { courseOfSession, sessionOfNomination } from "../training/nomination-items";
import type { Scope } from "../scope";
import { personRefreshers, type PersonRefresher } from "./person-refreshers";
import { getStaffItem, type StaffItem } from "./staff-items";

/** One nomination on a person's training record. */
export interface TrainingRecordEntry {
  nominationId: string;
  sessionId: string;
  courseId: string;
  courseTitle: string;
  startsAt: string;
  endsAt: string;
  state: NominationState;
  stateChangedAt: string;
}

/** The latest time a person fully attended a course. */
export interface Completion {
  courseId: string;
  courseTitle: string;
  sessionId: string;
  completedOn: string;
}

/**
 * A member of staff the user may see, with every nomination, their latest completions and when
 * their refreshers fall due.
 */
export function getStaff(
  scope: Scope,
  id: string,
): StaffItem & {
  nominations: TrainingRecordEntry[];
  completions: Completion[];
  refreshers: PersonRefresher[];
} {
  const { db, user } = scope;
  const member = getStaffItem(db, user, id);
  const entries = db
    .select({
      nominationId: nominations.id,
      sessionId: nominations.sessionId,
      courseId: trainingSessions.courseId,
      courseTitle: courses.title,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      state: nominations.state,
      stateChangedAt: nominations.stateChangedAt,
    })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession)
    .where(and(eq(nominations.organisationId, user.organisationId), eq(nominations.staffId, id)))
    .all()
    // Sorted here, not by ORDER BY: to return sessions in start order SQLite would walk every
    // session of the organisation by date (tens of thousands) instead of the person's few
    // nominations by the staff index, and a training record would slow as the council grows.
    .sort((a, b) => (a.startsAt === b.startsAt ? 0 : a.startsAt < b.startsAt ? 1 : -1));
  // Entries run latest first, so the first full attendance of each course is the latest.
  const completions = new Map<string, Completion>();
  for (const entry of entries) {
    if (entry.state !== "fully_attended" || completions.has(entry.courseId)) continue;
    completions.set(entry.courseId, {
      courseId: entry.courseId,
      courseTitle: entry.courseTitle,
      sessionId: entry.sessionId,
      completedOn: dayOf(entry.endsAt),
    });
  }
  return {
    ...member,
    nominations: entries,
    completions: [...completions.values()],
    refreshers: personRefreshers(db, scope, id),
  };
}
