import { and, eq, isNotNull } from "drizzle-orm";

import { londonToday } from "@dapkit/schemas";
import { refresherDue, type RefresherStatus } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { courses, nominations, trainingSessions } from "../../db/schema";
import type { Scope } from "../scope";
import { dayOf } from "../training/date-range";
import { courseOfSession, sessionOfNomination } from "../training/nomination-items";

/** When one person's refresher of one course falls due. */
export interface PersonRefresher {
  courseId: string;
  courseTitle: string;
  lastCompletedOn: string;
  dueOn: string;
  status: RefresherStatus;
  daysUntilDue: number;
}

/**
 * One person's refreshers: for each course with a refresher interval they have fully attended,
 * when it falls due after their latest completion (by @dapkit/training's refresherDue, as of today
 * in London), most urgent first. The caller has checked the user may see this person.
 */
export function personRefreshers(db: Queryable, scope: Scope, staffId: string): PersonRefresher[] {
  const rows = db
    .select({
      courseId: trainingSessions.courseId,
      courseTitle: courses.title,
      intervalMonths: courses.refresherIntervalMonths,
      endsAt: trainingSessions.endsAt,
    })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.staffId, staffId),
        eq(nominations.state, "fully_attended"),
        isNotNull(courses.refresherIntervalMonths),
      ),
    )
    .all();
  const asOf = londonToday(scope.now);
  const byCourse = new Map<string, typeof rows>();
  for (const row of rows) byCourse.set(row.courseId, [...(byCourse.get(row.courseId) ?? []), row]);
  return [...byCourse.values()]
    .flatMap((completions) => {
      const [first] = completions;
      if (first?.intervalMonths == null) return [];
      return refresherDue({
        completions: completions.map((row) => ({ staffId, completedOn: dayOf(row.endsAt) })),
        intervalMonths: first.intervalMonths,
        asOf,
      }).map(({ staffId: _staffId, ...due }) => ({
        ...due,
        courseId: first.courseId,
        courseTitle: first.courseTitle,
      }));
    })
    .sort((a, b) => a.daysUntilDue - b.daysUntilDue);
}
