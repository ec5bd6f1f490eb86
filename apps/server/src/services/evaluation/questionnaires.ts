import { and, eq, inArray, sql } from "drizzle-orm";

import {
  EVALUATION_STAGES,
  type EvaluationStage,
  type QuestionnaireOutput,
} from "@dapkit/contract";

import type { Queryable } from "../../db/client";
import { courses, evaluationResponses, nominations, trainingSessions } from "../../db/schema";
import { found } from "../../errors";
import type { Scope } from "../scope";
import { courseOfSession, sessionOfNomination } from "../training/nomination-items";
import { currentOutcomes } from "./course-outcomes";
import { ATTENDED_STATES, stageProblem } from "./stage-rules";

// The user's own bookings: only the person booked answers a questionnaire, never their manager
// or an administrator on their behalf. An account linked to no staff record has none.
function selectOwnBookings(db: Queryable, scope: Scope) {
  const { organisationId, staffId } = scope.user;
  const base = db
    .select({
      nominationId: nominations.id,
      state: nominations.state,
      courseId: trainingSessions.courseId,
      courseTitle: courses.title,
      startsAt: trainingSessions.startsAt,
    })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession);
  return {
    base,
    mine: and(
      eq(nominations.organisationId, organisationId),
      staffId == null ? sql`0` : eq(nominations.staffId, staffId),
    ),
  };
}

/** One of the user's own bookings, or not found (another person's booking is never theirs). */
export function ownBooking(db: Queryable, scope: Scope, nominationId: string) {
  const { base, mine } = selectOwnBookings(db, scope);
  return found(base.where(and(mine, eq(nominations.id, nominationId))).get(), "Questionnaire");
}

/** When the booking's questionnaire at `stage` was answered, or null. */
function submittedAt(
  db: Queryable,
  organisationId: string,
  { nominationId, stage }: { nominationId: string; stage: EvaluationStage },
): string | null {
  const row = db
    .select({ at: evaluationResponses.submittedAt })
    .from(evaluationResponses)
    .where(
      and(
        eq(evaluationResponses.organisationId, organisationId),
        eq(evaluationResponses.nominationId, nominationId),
        eq(evaluationResponses.stage, stage),
      ),
    )
    .get();
  return row?.at ?? null;
}

/** The words for a questionnaire already answered. */
export const ALREADY_ANSWERED = "You have already answered this questionnaire";
/** The words for a course with nothing to rate. */
export const NO_OUTCOMES = "This course has no learning outcomes to rate yet";

/**
 * One of the user's questionnaires with its questions (the course's current learning outcomes)
 * and, when it cannot be answered now, why.
 */
export function questionnaire(
  db: Queryable,
  scope: Scope,
  input: { nominationId: string; stage: EvaluationStage },
): QuestionnaireOutput {
  const booking = ownBooking(db, scope, input.nominationId);
  const { organisationId } = scope.user;
  const outcomes = currentOutcomes(db, organisationId, booking.courseId);
  const answeredAt = submittedAt(db, organisationId, {
    nominationId: booking.nominationId,
    stage: input.stage,
  });
  const problem =
    answeredAt != null
      ? ALREADY_ANSWERED
      : outcomes.length === 0
        ? NO_OUTCOMES
        : stageProblem(input.stage, booking, scope.now);
  return {
    nominationId: booking.nominationId,
    stage: input.stage,
    courseTitle: booking.courseTitle,
    startsAt: booking.startsAt,
    outcomes,
    submittedAt: answeredAt,
    problem,
  };
}

/** The user's questionnaires they can answer now, soonest session first. */
export function myQuestionnaires(
  scope: Scope,
): { nominationId: string; stage: EvaluationStage; courseTitle: string; startsAt: string }[] {
  const { base, mine } = selectOwnBookings(scope.db, scope);
  const bookings = base
    .where(and(mine, inArray(nominations.state, ["booked", ...ATTENDED_STATES])))
    .orderBy(trainingSessions.startsAt)
    .all();
  return bookings.flatMap((booking) =>
    EVALUATION_STAGES.filter(
      (stage) => questionnaire(scope.db, scope, { ...booking, stage }).problem == null,
    ).map((stage) => ({
      nominationId: booking.nominationId,
      stage,
      courseTitle: booking.courseTitle,
      startsAt: booking.startsAt,
    })),
  );
}
