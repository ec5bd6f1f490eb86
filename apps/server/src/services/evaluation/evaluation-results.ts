import { and, asc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";

import {
  EVALUATION_STAGES,
  FOLLOW_UP_OPENS_DAYS,
  type AgencyResultsOutput,
  type CourseResultsOutput,
  type EvaluationResultsOutput,
  type EvaluationStage,
} from "@dapkit/contract";
import { londonInstant, londonToday, type NominationState } from "@dapkit/schemas";
import { formatMean, formatRate } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import {
  agencies,
  courses,
  evaluationAnswers,
  evaluationResponses,
  learningOutcomes,
  nominations,
  staff,
  trainingSessions,
} from "../../db/schema";
import { NO_AGENCY } from "../board-report/attendance-by-agency";
import { found } from "../../errors";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";
import { sessionOfNomination, staffOfNomination } from "../training/nomination-items";
import { ATTENDED_STATES, DAY_MS, daysAfterSession } from "./stage-rules";

/** Which results: one course, one agency, sessions starting between two UK dates (inclusive). */
export interface ResultsFilter {
  courseId?: string | undefined;
  agencyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

// The states of a booking that held a place: asked before the session.
const HELD_PLACE: readonly NominationState[] = [
  "booked",
  ...ATTENDED_STATES,
  "unable_to_attend",
  "no_show",
];

interface Booking {
  nominationId: string;
  state: NominationState;
  startsAt: string;
  courseId: string;
  agencyId: string | null;
}

/** Ratings summed as whole numbers, so the average is worked out once, exactly. */
export interface Tally {
  ratings: number;
  total: number;
}

const emptyTally = (): Tally => ({ ratings: 0, total: 0 });

function average(tally: Tally): string | null {
  return tally.ratings === 0 ? null : formatMean(tally.total, tally.ratings);
}

/** How the average at `to` differs from the one at `from` (exact until written), or null. */
export function change(from: Tally, to: Tally): string | null {
  if (from.ratings === 0 || to.ratings === 0) return null;
  return formatMean(to.total * from.ratings - from.total * to.ratings, from.ratings * to.ratings, {
    signed: true,
  });
}

// The bookings in the filter that the user may see (an agency lead: their agency's people only).
function bookingConditions(scope: Scope, filter: ResultsFilter): SQL | undefined {
  const startOf = (date: string) => new Date(londonInstant(date, "00:00")).toISOString();
  const dayAfter = (date: string) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return and(
    eq(nominations.organisationId, scope.user.organisationId),
    visibleStaff(scope.user),
    filter.courseId === undefined ? undefined : eq(trainingSessions.courseId, filter.courseId),
    filter.agencyId === undefined ? undefined : eq(staff.agencyId, filter.agencyId),
    filter.from === undefined ? undefined : gte(trainingSessions.startsAt, startOf(filter.from)),
    filter.to === undefined
      ? undefined
      : lt(trainingSessions.startsAt, startOf(dayAfter(filter.to))),
  );
}

function bookingsOf(db: Queryable, where: SQL | undefined): Booking[] {
  return db
    .select({
      nominationId: nominations.id,
      state: nominations.state,
      startsAt: trainingSessions.startsAt,
      courseId: trainingSessions.courseId,
      agencyId: staff.agencyId,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .innerJoin(trainingSessions, sessionOfNomination)
    .where(where)
    .all();
}

// Every rating of the responses in the filter, each with its response: one row per rating.
function ratingsOf(db: Queryable, where: SQL | undefined) {
  return db
    .select({
      responseId: evaluationResponses.id,
      nominationId: evaluationResponses.nominationId,
      stage: evaluationResponses.stage,
      comment: evaluationResponses.comment,
      outcomeId: evaluationAnswers.outcomeId,
      confidence: evaluationAnswers.confidence,
    })
    .from(evaluationResponses)
    .innerJoin(
      evaluationAnswers,
      and(
        eq(evaluationAnswers.organisationId, evaluationResponses.organisationId),
        eq(evaluationAnswers.responseId, evaluationResponses.id),
      ),
    )
    .innerJoin(
      nominations,
      and(
        eq(nominations.organisationId, evaluationResponses.organisationId),
        eq(nominations.id, evaluationResponses.nominationId),
      ),
    )
    .innerJoin(staff, staffOfNomination)
    .innerJoin(trainingSessions, sessionOfNomination)
    .where(where)
    .orderBy(asc(evaluationResponses.submittedAt), asc(evaluationResponses.id))
    .all();
}

/** Whether a booking was asked to answer `stage` by `today` (a UK date). */
function askedAt(booking: Booking, stage: EvaluationStage, today: string): boolean {
  if (stage === "before") return HELD_PLACE.includes(booking.state);
  const attended = (ATTENDED_STATES as readonly NominationState[]).includes(booking.state);
  if (stage === "after") return attended;
  return attended && daysAfterSession(booking.startsAt, FOLLOW_UP_OPENS_DAYS) <= today;
}

/** The figures of a group of bookings (a course's, an agency's), stage by stage. */
class StageBook {
  private readonly invited = new Map<EvaluationStage, Set<string>>();
  private readonly answered = new Map<EvaluationStage, Set<string>>();
  private readonly tallies = new Map<EvaluationStage, Tally>();

  invite(stage: EvaluationStage, nominationId: string): void {
    const set = this.invited.get(stage) ?? new Set<string>();
    set.add(nominationId);
    this.invited.set(stage, set);
  }

  answer(stage: EvaluationStage, nominationId: string): void {
    // Someone who answered was asked, whatever became of their booking since.
    this.invite(stage, nominationId);
    const set = this.answered.get(stage) ?? new Set<string>();
    set.add(nominationId);
    this.answered.set(stage, set);
  }

  rate(stage: EvaluationStage, confidence: number): void {
    const tally = this.tallies.get(stage) ?? emptyTally();
    tally.ratings += 1;
    tally.total += confidence;
    this.tallies.set(stage, tally);
  }

  tally(stage: EvaluationStage): Tally {
    return this.tallies.get(stage) ?? emptyTally();
  }

  figures(): CourseResultsOutput["stages"] {
    return EVALUATION_STAGES.map((stage) => {
      const invited = this.invited.get(stage)?.size ?? 0;
      const responses = this.answered.get(stage)?.size ?? 0;
      const rate = invited === 0 ? null : responses / invited;
      const tally = this.tally(stage);
      return {
        stage,
        invited,
        responses,
        rate,
        rateText: rate == null ? null : formatRate(rate),
        ...tally,
        average: average(tally),
      };
    });
  }
}

function bookOf<K>(books: Map<K, StageBook>, key: K): StageBook {
  const book = books.get(key) ?? new StageBook();
  books.set(key, book);
  return book;
}

/** The courses with learning outcomes (current or since taken off), and every outcome of each. */
function coursesWithOutcomes(db: Queryable, organisationId: string, courseId: string | undefined) {
  return (
    db
      .select({
        courseId: courses.id,
        courseTitle: courses.title,
        outcomeId: learningOutcomes.id,
        statement: learningOutcomes.statement,
        archivedAt: learningOutcomes.archivedAt,
      })
      .from(learningOutcomes)
      .innerJoin(
        courses,
        and(
          eq(courses.organisationId, learningOutcomes.organisationId),
          eq(courses.id, learningOutcomes.courseId),
        ),
      )
      .where(
        and(
          eq(learningOutcomes.organisationId, organisationId),
          courseId === undefined ? undefined : eq(learningOutcomes.courseId, courseId),
        ),
      )
      // The outcomes asked now, in order, then any taken off the list since.
      .orderBy(
        asc(courses.title),
        asc(courses.id),
        sql`${learningOutcomes.archivedAt} is not null`,
        asc(learningOutcomes.position),
        asc(learningOutcomes.createdAt),
      )
      .all()
  );
}

function agencyNames(db: Queryable, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  return new Map(
    db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(and(eq(agencies.organisationId, organisationId), inArray(agencies.id, [...ids])))
      .all()
      .map((row) => [row.id, row.name]),
  );
}

// A course or agency asked for must be the organisation's: another's is not found, not empty.
function checkFilterIds(db: Queryable, organisationId: string, filter: ResultsFilter): void {
  if (filter.courseId !== undefined) {
    const course = db
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.organisationId, organisationId), eq(courses.id, filter.courseId)))
      .get();
    found(course, "Course");
  }
  if (filter.agencyId !== undefined) {
    const agency = db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.organisationId, organisationId), eq(agencies.id, filter.agencyId)))
      .get();
    found(agency, "Agency");
  }
}

/**
 * Evaluation results for the bookings the user may see: for each course with learning outcomes,
 * how many were asked and answered at each stage, the average confidence per outcome per stage
 * and its change since before, and the comments without names; and the same counts and averages
 * per agency. Averages are kept as whole-number totals over counts and written once.
 */
export function evaluationResults(
  scope: Scope,
  filter: ResultsFilter = {},
): EvaluationResultsOutput {
  const { db } = scope;
  const { organisationId } = scope.user;
  checkFilterIds(db, organisationId, filter);
  const outcomeRows = coursesWithOutcomes(db, organisationId, filter.courseId);
  const where = and(
    bookingConditions(scope, filter),
    outcomeRows.length === 0
      ? undefined
      : inArray(trainingSessions.courseId, [...new Set(outcomeRows.map((row) => row.courseId))]),
  );
  const bookings = outcomeRows.length === 0 ? [] : bookingsOf(db, where);
  const byNomination = new Map(bookings.map((booking) => [booking.nominationId, booking]));
  const today = londonToday(scope.now);

  const courseBooks = new Map<string, StageBook>();
  const agencyBooks = new Map<string | null, StageBook>();
  const outcomeBooks = new Map<string, StageBook>();
  for (const booking of bookings) {
    for (const stage of EVALUATION_STAGES) {
      if (!askedAt(booking, stage, today)) continue;
      bookOf(courseBooks, booking.courseId).invite(stage, booking.nominationId);
      bookOf(agencyBooks, booking.agencyId).invite(stage, booking.nominationId);
    }
  }
  const seen = new Set<string>();
  const comments = new Map<string, CourseResultsOutput["comments"]>();
  for (const rating of bookings.length === 0 ? [] : ratingsOf(db, where)) {
    const booking = byNomination.get(rating.nominationId);
    if (booking === undefined) continue;
    const course = bookOf(courseBooks, booking.courseId);
    const agency = bookOf(agencyBooks, booking.agencyId);
    if (!seen.has(rating.responseId)) {
      seen.add(rating.responseId);
      course.answer(rating.stage, booking.nominationId);
      agency.answer(rating.stage, booking.nominationId);
      if (rating.comment !== "") {
        const list = comments.get(booking.courseId) ?? [];
        // Newest first: the responses come oldest first.
        list.unshift({ stage: rating.stage, comment: rating.comment });
        comments.set(booking.courseId, list);
      }
    }
    course.rate(rating.stage, rating.confidence);
    agency.rate(rating.stage, rating.confidence);
    bookOf(outcomeBooks, rating.outcomeId).rate(rating.stage, rating.confidence);
  }

  const courseResults = new Map<string, CourseResultsOutput>();
  for (const row of outcomeRows) {
    const outcomeBook = outcomeBooks.get(row.outcomeId);
    // An outcome taken off the list shows only if someone rated it.
    if (row.archivedAt != null && outcomeBook === undefined) continue;
    const result = courseResults.get(row.courseId) ?? {
      courseId: row.courseId,
      courseTitle: row.courseTitle,
      stages: (courseBooks.get(row.courseId) ?? new StageBook()).figures(),
      outcomes: [],
      comments: comments.get(row.courseId) ?? [],
    };
    const book = outcomeBook ?? new StageBook();
    result.outcomes.push({
      outcomeId: row.outcomeId,
      statement: row.statement,
      current: row.archivedAt == null,
      stages: EVALUATION_STAGES.map((stage) => {
        const tally = book.tally(stage);
        return { stage, ...tally, average: average(tally) };
      }),
      changeAfter: change(book.tally("before"), book.tally("after")),
      changeFollowUp: change(book.tally("before"), book.tally("follow_up")),
    });
    courseResults.set(row.courseId, result);
  }

  const names = agencyNames(
    db,
    organisationId,
    [...agencyBooks.keys()].filter((id): id is string => id != null),
  );
  const agencyResults: AgencyResultsOutput[] = [...agencyBooks.entries()]
    .map(([agencyId, book]) => ({
      agencyId,
      agencyName: agencyId == null ? NO_AGENCY : (names.get(agencyId) ?? NO_AGENCY),
      stages: book.figures(),
    }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, "en-GB"));
  return { courses: [...courseResults.values()], agencies: agencyResults };
}
