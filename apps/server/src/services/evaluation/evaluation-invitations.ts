import { and, eq, exists, gte, inArray, isNull, lte, notExists } from "drizzle-orm";

import {
  FOLLOW_UP_CLOSES_DAYS,
  FOLLOW_UP_OPENS_DAYS,
  type EvaluationStage,
} from "@dapkit/contract";
import type { NominationState } from "@dapkit/schemas";

import type { Db, Queryable } from "../../db/client";
import {
  evaluationResponses,
  learningOutcomes,
  nominations,
  trainingSessions,
} from "../../db/schema";
import { composeMessage } from "../notifications/compose-message";
import { messageConfig } from "../notifications/message-config";
import {
  aboutBooking,
  nominationFacts,
  nominationLink,
  targetOf,
  type MessageTarget,
  type NominationFacts,
} from "../notifications/nomination-messages";
import { queueMessage } from "../notifications/queue-message";
import type { Scope } from "../scope";
import { sessionOfNomination } from "../training/nomination-items";
import { ATTENDED_STATES, DAY_MS, stageProblem } from "./stage-rules";

const KINDS = {
  before: "evaluation_before",
  after: "evaluation_after",
  follow_up: "evaluation_follow_up",
} as const satisfies Record<EvaluationStage, string>;

/** The page where the person answers a booking's questionnaire at `stage`. */
export function questionnaireLink(nominationId: string, stage: EvaluationStage): string {
  return `${messageConfig().publicUrl}/my-training/evaluations/${nominationId}/${stage}`;
}

// A course with no learning outcomes has nothing to ask, so its people are not invited.
const hasOutcomes = (tx: Queryable) =>
  exists(
    tx
      .select({ id: learningOutcomes.id })
      .from(learningOutcomes)
      .where(
        and(
          eq(learningOutcomes.organisationId, trainingSessions.organisationId),
          eq(learningOutcomes.courseId, trainingSessions.courseId),
          isNull(learningOutcomes.archivedAt),
        ),
      ),
  );

/**
 * Writes a stage's invitation to the person, and for the follow-up a copy to their manager, unless
 * already written: the keys name the booking and stage, so each is sent once whatever happens to
 * the booking afterwards. The message says only the course, time, place and link: never answers.
 */
function queueInvitation(
  tx: Queryable,
  target: MessageTarget,
  { facts, stage }: { facts: NominationFacts; stage: EvaluationStage },
): number {
  const kind = KINDS[stage];
  const recipients = [
    {
      role: "person",
      name: facts.name,
      email: facts.email,
      staffId: facts.staffId,
      link: questionnaireLink(facts.nominationId, stage),
    },
    ...(stage === "follow_up" && facts.manager != null
      ? [
          {
            role: "manager",
            ...facts.manager,
            staffId: facts.manager.id,
            link: nominationLink(facts.nominationId),
          },
        ]
      : []),
  ];
  let queued = 0;
  for (const recipient of recipients) {
    const composed = composeMessage(kind, {
      organisationName: target.organisationName,
      recipientName: recipient.name,
      personName: facts.name,
      session: facts.session,
      daysBefore: null,
      due: null,
      link: recipient.link,
    });
    const written = queueMessage(tx, target, {
      kind,
      key: `${kind}:${facts.nominationId}:${recipient.role}`,
      recipient: { name: recipient.name, email: recipient.email, staffId: recipient.staffId },
      about: aboutBooking(facts),
      ...composed,
    });
    if (written) queued += 1;
  }
  return queued;
}

/** The ids among `ids` whose course has learning outcomes. */
function withOutcomes(tx: Queryable, organisationId: string, ids: readonly string[]): string[] {
  return tx
    .select({ id: nominations.id })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .where(
      and(
        eq(nominations.organisationId, organisationId),
        inArray(nominations.id, [...ids]),
        hasOutcomes(tx),
      ),
    )
    .all()
    .map((row) => row.id);
}

/**
 * After a booking's state changes (in the change's transaction): booked on a session still to
 * come sends the questionnaire before it; marked attended sends the one after. Nothing else does.
 */
export function queueEvaluationInvitation(
  tx: Queryable,
  scope: Scope,
  change: { nomination: { id: string }; to: NominationState },
): void {
  const stage: EvaluationStage | null =
    change.to === "booked"
      ? "before"
      : (ATTENDED_STATES as readonly NominationState[]).includes(change.to)
        ? "after"
        : null;
  if (stage == null) return;
  const { organisationId } = scope.user;
  const ids = withOutcomes(tx, organisationId, [change.nomination.id]);
  const [facts] = nominationFacts(tx, organisationId, ids);
  if (facts === undefined) return;
  const booking = { state: change.to, startsAt: facts.session.startsAt };
  if (stageProblem(stage, booking, scope.now) != null) return;
  queueInvitation(tx, targetOf(tx, organisationId, scope.now), { facts, stage });
}

/**
 * The follow-up invitations due now, for one organisation: people who attended a session whose
 * follow-up is open (6 to 8 weeks after it) and who have not answered it. A pass after a restart
 * writes only the ones missed.
 */
export function queueFollowUpInvitations(db: Db, target: MessageTarget, now: Date): number {
  // Sessions whose UK day lies between 8 weeks and 6 weeks ago, with a day's margin each side for
  // the clocks; stageProblem then decides by the UK day exactly.
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const latest = daysAgo(FOLLOW_UP_OPENS_DAYS - 1);
  const earliest = daysAgo(FOLLOW_UP_CLOSES_DAYS + 1);
  const rows = db
    .select({ id: nominations.id, state: nominations.state })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .where(
      and(
        eq(nominations.organisationId, target.organisationId),
        inArray(nominations.state, [...ATTENDED_STATES]),
        gte(trainingSessions.startsAt, earliest),
        lte(trainingSessions.startsAt, latest),
        hasOutcomes(db),
        notExists(
          db
            .select({ id: evaluationResponses.id })
            .from(evaluationResponses)
            .where(
              and(
                eq(evaluationResponses.organisationId, nominations.organisationId),
                eq(evaluationResponses.nominationId, nominations.id),
                eq(evaluationResponses.stage, "follow_up"),
              ),
            ),
        ),
      ),
    )
    .all();
  const states = new Map(rows.map((row) => [row.id, row.state]));
  let queued = 0;
  for (const facts of nominationFacts(db, target.organisationId, [...states.keys()])) {
    const state = states.get(facts.nominationId) ?? "booked";
    if (stageProblem("follow_up", { state, startsAt: facts.session.startsAt }, now) != null) {
      continue;
    }
    queued += queueInvitation(db, target, { facts, stage: "follow_up" });
  }
  return queued;
}
