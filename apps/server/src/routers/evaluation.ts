import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { courseOutcomes, setCourseOutcomes } from "../services/evaluation/course-outcomes";
import { evaluationResults } from "../services/evaluation/evaluation-results";
import { myQuestionnaires, questionnaire } from "../services/evaluation/questionnaires";
import { submitEvaluation } from "../services/evaluation/submit-evaluation";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const entries = contract.evaluation;

export const evaluationRouter = {
  outcomes: {
    get: procedureFor(entries.outcomes.get, ({ ctx, input }) =>
      courseOutcomes(scopeOf(ctx), input),
    ),
    set: procedureFor(entries.outcomes.set, ({ ctx, input }) =>
      setCourseOutcomes(scopeOf(ctx), input),
    ),
  },
  questionnaires: {
    list: procedureFor(entries.questionnaires.list, ({ ctx }) => myQuestionnaires(scopeOf(ctx))),
    get: procedureFor(entries.questionnaires.get, ({ ctx, input }) => {
      const scope = scopeOf(ctx);
      return questionnaire(scope.db, scope, input);
    }),
    submit: procedureFor(entries.questionnaires.submit, ({ ctx, input }) =>
      submitEvaluation(scopeOf(ctx), input),
    ),
  },
  results: {
    get: procedureFor(entries.results.get, ({ ctx, input }) =>
      evaluationResults(scopeOf(ctx), input),
    ),
  },
} satisfies TRPCRouterRecord;
