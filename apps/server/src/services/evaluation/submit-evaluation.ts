import {
  ratingField,
  ratingMissing,
  type EvaluationStage,
  type QuestionnaireOutput,
} from "@dapkit/contract";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { evaluationAnswers, evaluationResponses } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { savedUniquely } from "../unique";
import { ALREADY_ANSWERED, questionnaire } from "./questionnaires";

/** One stage's answers, as the person sends them. */
export interface EvaluationAnswers {
  nominationId: string;
  stage: EvaluationStage;
  ratings: { outcomeId: string; confidence: number }[];
  comment: string;
}

// Every current outcome rated exactly once, and nothing else: the answers mean the same for
// everyone who gave them.
function checkRatings(
  outcomes: readonly { id: string; statement: string }[],
  ratings: EvaluationAnswers["ratings"],
): void {
  const asked = new Set(outcomes.map((outcome) => outcome.id));
  const given = new Set<string>();
  for (const rating of ratings) {
    if (!asked.has(rating.outcomeId) || given.has(rating.outcomeId)) {
      throw new AppError(
        "bad_request",
        "Rate each learning outcome on this questionnaire once, and nothing else",
        { field: "ratings" },
      );
    }
    given.add(rating.outcomeId);
  }
  const missing = outcomes.find((outcome) => !given.has(outcome.id));
  if (missing !== undefined) {
    throw new AppError("bad_request", ratingMissing(missing.statement), {
      field: ratingField(missing.id),
    });
  }
}

/**
 * Writes one stage's answers for a booking, as given: no check of who gives them or when, so only
 * for callers that have made those checks (submitEvaluation) or that write fictional history (the
 * demo). Refused as a conflict if the stage is already answered.
 */
export function insertAnswers(tx: Queryable, scope: Scope, input: EvaluationAnswers): void {
  const { organisationId } = scope.user;
  const id = newId();
  const at = scope.now.toISOString();
  savedUniquely(
    () =>
      tx
        .insert(evaluationResponses)
        .values({
          id,
          organisationId,
          nominationId: input.nominationId,
          stage: input.stage,
          comment: input.comment,
          submittedAt: at,
          submittedBy: scope.user.id,
        })
        .run(),
    { field: "stage", message: ALREADY_ANSWERED },
  );
  tx.insert(evaluationAnswers)
    .values(input.ratings.map((rating) => ({ organisationId, responseId: id, ...rating })))
    .run();
}

/**
 * Records the user's own answers to one of their questionnaires: once per booking per stage, only
 * while the stage is open, with every learning outcome rated. Audited without the answers.
 */
export function submitEvaluation(scope: Scope, input: EvaluationAnswers): QuestionnaireOutput {
  return scope.db.transaction((tx) => {
    const current = questionnaire(tx, scope, input);
    if (current.problem != null) {
      throw new AppError("conflict", current.problem, { field: "stage" });
    }
    checkRatings(current.outcomes, input.ratings);
    insertAnswers(tx, scope, input);
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "submit_evaluation",
      entity: "nomination",
      entityId: input.nominationId,
      after: { stage: input.stage, ratings: input.ratings.length },
    });
    return questionnaire(tx, scope, input);
  });
}
