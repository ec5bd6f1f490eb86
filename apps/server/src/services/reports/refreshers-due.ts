import { and, eq, exists, gt, isNotNull, max, not, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import { DEFAULT_DUE_WITHIN_DAYS, refresherDue, type RefresherStatus } from "@dapkit/training";

import { inIds } from "../../db/id-list";
import { courses, nominations, staff, trainingSessions } from "../../db/schema";
import type { KeyValue } from "../pagination";
import type { Scope } from "../scope";
import { selectStaffItems, type StaffItem } from "../staff/staff-items";
import { visibleStaff } from "../staff/staff-scope";
import { dayOf, withinDays as inDayRange } from "../training/date-range";
import {
  courseOfSession,
  sessionOfNomination,
  staffOfNomination,
} from "../training/nomination-items";

/** One person whose refresher of one course is overdue or due soon. */
export interface RefresherDueItem {
  courseId: string;
  courseTitle: string;
  staffId: string;
  staffName: string;
  employeeNumber: string;
  departmentName: string;
  lastCompletedOn: string;
  dueOn: string;
  status: Exclude<RefresherStatus, "current">;
  daysUntilDue: number;
}

// Days either side of the window of completions that fall due soon, for SQLite's month arithmetic
// (which overflows where refresherDue clamps to the month's end) and the UK day of each time.
const MARGIN_DAYS = 5;

// A course's refresher interval back from a date, as SQLite's date() modifier.
const intervalBack = sql`'-' || ${courses.refresherIntervalMonths} || ' months'`;

// Completions that end before this could be due by `withinDays` after `asOf`; later ones are
// current. A coarse bound, so SQLite returns only those; refresherDue then decides each exactly.
function dueBy(endsAt: SQL | typeof trainingSessions.endsAt, window: DueWindow): SQL {
  const before = `+${String(window.withinDays + MARGIN_DAYS)} days`;
  return sql`${endsAt} < date(${window.asOf}, ${before}, ${intervalBack})`;
}

// A completion's end that could fall due between `asOf` and `withinDays` after it.
function mayFallDue(window: DueWindow): SQL {
  const after = `-${String(MARGIN_DAYS)} days`;
  const endsAt = trainingSessions.endsAt;
  return sql`${endsAt} >= date(${window.asOf}, ${intervalBack}, ${after}) and ${dueBy(endsAt, window)}`;
}

interface DueWindow {
  asOf: string;
  withinDays: number;
}

const later = alias(nominations, "later");
const laterSession = alias(trainingSessions, "later_session");

// A later full attendance of the same course by the same person, by `asOf`, which would reset
// the refresher.
function completedAgain(scope: Scope, asOf: string): SQL {
  return exists(
    scope.db
      .select({ one: sql`1` })
      .from(later)
      .innerJoin(
        laterSession,
        and(
          eq(laterSession.organisationId, later.organisationId),
          eq(laterSession.id, later.sessionId),
        ),
      )
      .where(
        and(
          eq(later.organisationId, nominations.organisationId),
          eq(later.staffId, nominations.staffId),
          eq(later.state, "fully_attended"),
          eq(laterSession.courseId, trainingSessions.courseId),
          gt(laterSession.endsAt, trainingSessions.endsAt),
          inDayRange(laterSession.endsAt, { to: asOf }),
        ),
      ),
  );
}

// The sessions of courses with a refresher that ended in the window.
function sessionsEndingIn(scope: Scope, window: DueWindow): string[] {
  return scope.db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .innerJoin(courses, courseOfSession)
    .where(
      and(
        eq(trainingSessions.organisationId, scope.user.organisationId),
        isNotNull(courses.refresherIntervalMonths),
        mayFallDue(window),
      ),
    )
    .all()
    .map((session) => session.id);
}

/**
 * Each person's latest full attendance of each course with a refresher, where it is old enough
 * to be due by `due`: refresherDue goes by the latest anyway, and SQLite picks it out and leaves
 * the current ones, so a large council's million nominations are not all read into JavaScript.
 * Given a window (the scheduler's), only the attendances of sessions that ended within it and
 * were not completed again later: a second query names those sessions, so SQLite reads their
 * registers rather than grouping every attendance (which took about 2 s an hour at the large
 * size; asked in one query, SQLite chose to start from every nomination).
 */
function completionsByCourse(scope: Scope, due: DueWindow, window?: DueWindow) {
  const sessionIds = window === undefined ? undefined : sessionsEndingIn(scope, window);
  const rows = scope.db
    .select({
      courseId: trainingSessions.courseId,
      courseTitle: courses.title,
      intervalMonths: courses.refresherIntervalMonths,
      staffId: nominations.staffId,
      endsAt: max(trainingSessions.endsAt).mapWith(String),
    })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession)
    .innerJoin(staff, staffOfNomination)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        // Only a full attendance completes a course (a partial one still needs the refresher).
        eq(nominations.state, "fully_attended"),
        isNotNull(courses.refresherIntervalMonths),
        eq(staff.active, true),
        visibleStaff(scope.user),
        sessionIds === undefined ? undefined : inIds(nominations.sessionId, sessionIds),
        // Completions after the day asked about are left out, as refresherDue leaves them: a
        // report for a past date shows what was known then, and someone retrained since still
        // shows, as due on the completion before.
        inDayRange(trainingSessions.endsAt, { to: due.asOf }),
        sessionIds === undefined ? undefined : not(completedAgain(scope, due.asOf)),
      ),
    )
    .groupBy(trainingSessions.courseId, nominations.staffId)
    .having(dueBy(max(trainingSessions.endsAt), due))
    .all();
  const byCourse = new Map<string, { title: string; intervalMonths: number; rows: typeof rows }>();
  for (const row of rows) {
    const course = byCourse.get(row.courseId) ?? {
      title: row.courseTitle,
      intervalMonths: row.intervalMonths ?? 0,
      rows: [],
    };
    course.rows.push(row);
    byCourse.set(row.courseId, course);
  }
  return byCourse;
}

function staffById(scope: Scope, ids: string[]): Map<string, StaffItem> {
  if (ids.length === 0) return new Map();
  const rows = selectStaffItems(scope.db)
    .where(and(visibleStaff(scope.user), inIds(staff.id, ids)))
    .all();
  return new Map(rows.map((person) => [person.id, person]));
}

/**
 * The active staff (a manager: their team) whose refresher of a course is overdue or due within
 * `withinDays` of `asOf` (today unless given), from each person's latest full attendance and the
 * course's refresher interval, worked out by @dapkit/training's refresherDue. Most urgent first,
 * then by name, employee number and course, so two people of one name, or one person due two
 * courses on the same day, list the same every time. `fallingDue` leaves out those already
 * overdue: the scheduler's reminders, which look only at the few whose refresher falls due in
 * those days.
 */
export function refreshersDue(
  scope: Scope,
  input: {
    asOf?: string | undefined;
    withinDays?: number | undefined;
    fallingDue?: { withinDays: number } | undefined;
  },
): RefresherDueItem[] {
  const asOf = input.asOf ?? dayOf(scope.now.toISOString());
  const window =
    input.fallingDue === undefined ? undefined : { asOf, withinDays: input.fallingDue.withinDays };
  const withinDays = input.fallingDue?.withinDays ?? input.withinDays ?? DEFAULT_DUE_WITHIN_DAYS;
  const completions = completionsByCourse(scope, { asOf, withinDays }, window);
  const due = [...completions].flatMap(([courseId, course]) =>
    refresherDue({
      completions: course.rows.map((row) => ({
        staffId: row.staffId,
        completedOn: dayOf(row.endsAt),
      })),
      intervalMonths: course.intervalMonths,
      asOf,
      dueWithinDays: withinDays,
    }).flatMap(({ status, ...row }) =>
      status === "current" || (window !== undefined && row.daysUntilDue < 0)
        ? []
        : [{ ...row, status, courseId, courseTitle: course.title }],
    ),
  );
  const people = staffById(scope, [...new Set(due.map((row) => row.staffId))]);
  return due
    .flatMap((row) => {
      const person = people.get(row.staffId);
      if (person === undefined) return [];
      const { name: staffName, employeeNumber, departmentName } = person;
      return [{ ...row, staffName, employeeNumber, departmentName }];
    })
    .map((row) => ({ row, place: refresherPlace(row) }))
    .sort((a, b) => compareRefresherPlaces(a.place, b.place))
    .map(({ row }) => row);
}

const collator = new Intl.Collator("en-GB");

/**
 * A refresher's place in the list: how soon it is due, then the person's name, employee number
 * and the course's title as people read them (the en-GB collation), then the course's id, so two
 * courses of one title keep one order. The sort and a page's position both read it.
 */
export function refresherPlace(row: RefresherDueItem): readonly KeyValue[] {
  return [row.daysUntilDue, row.staffName, row.employeeNumber, row.courseTitle, row.courseId];
}

/** Orders two places from {@link refresherPlace}. */
export function compareRefresherPlaces(a: readonly KeyValue[], b: readonly KeyValue[]): number {
  const days = Number(a[0]) - Number(b[0]);
  if (days !== 0) return days;
  for (const index of [1, 2, 3]) {
    const byWords = collator.compare(String(a[index]), String(b[index]));
    if (byWords !== 0) return byWords;
  }
  const [courseA, courseB] = [String(a[4]), String(b[4])];
  if (courseA === courseB) return 0;
  return courseA < courseB ? -1 : 1;
}
