import * as z from "zod";

import {
  formatCount,
  IdSchema,
  IsoDateSchema,
  LabelSchema,
  NoteSchema,
  oneOf,
} from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import {
  CONFIDENCE_MAX,
  CONFIDENCE_MIN,
  EVALUATION_COMMENT_MAX,
  EVALUATION_STAGES,
  LEARNING_OUTCOME_MAX_LENGTH,
  LEARNING_OUTCOMES_MAX,
} from "./evaluation-words";

/** A questionnaire's stage. */
export const EvaluationStageSchema = oneOf(EVALUATION_STAGES);

/** One learning outcome of a course. */
export const LearningOutcomeOutputSchema = z.object({ id: z.string(), statement: z.string() });

/** A course's learning outcomes, in order. */
export const CourseOutcomesOutputSchema = z.object({
  courseId: z.string(),
  courseTitle: z.string(),
  outcomes: z.array(LearningOutcomeOutputSchema),
});

const OutcomeStatementSchema = LabelSchema.max(
  LEARNING_OUTCOME_MAX_LENGTH,
  `must be at most ${String(LEARNING_OUTCOME_MAX_LENGTH)} characters`,
);

/**
 * A course's learning outcomes, replacing its list: a statement kept word for word keeps its
 * answers; one left out is taken off the questionnaires (its answers stay in the results).
 */
export const SetOutcomesInputSchema = z.object({
  courseId: IdSchema,
  outcomes: z
    .array(OutcomeStatementSchema)
    .max(
      LEARNING_OUTCOMES_MAX,
      `must list at most ${String(LEARNING_OUTCOMES_MAX)} learning outcomes`,
    )
    .refine((list) => new Set(list).size === list.length, "must not list an outcome twice"),
});

/** Asks for the learning outcomes of one course. */
export const CourseOutcomesInputSchema = z.object({ courseId: IdSchema });

/** A questionnaire of the user's own: one booking at one stage. */
export const QuestionnaireInputSchema = z.object({
  nominationId: IdSchema,
  stage: EvaluationStageSchema,
});

/** One questionnaire the user may answer (or has answered). */
export const QuestionnaireSummaryOutputSchema = z.object({
  nominationId: z.string(),
  stage: EvaluationStageSchema,
  courseTitle: z.string(),
  startsAt: z.string(),
});

/** A questionnaire with its questions, and whether it is answered or cannot be yet. */
export const QuestionnaireOutputSchema = QuestionnaireSummaryOutputSchema.extend({
  outcomes: z.array(LearningOutcomeOutputSchema),
  submittedAt: z.string().nullable(),
  /** Why it cannot be answered now (not open yet, closed, already answered), or null. */
  problem: z.string().nullable(),
});

/** One confidence rating: a whole number from 1 to 5 for one learning outcome. */
export const ConfidenceRatingSchema = z.object({
  outcomeId: IdSchema,
  confidence: z
    .int({ error: "must be a whole number from 1 to 5" })
    .min(CONFIDENCE_MIN, "must be a whole number from 1 to 5")
    .max(CONFIDENCE_MAX, "must be a whole number from 1 to 5"),
});

/** One stage's answers: a rating for every learning outcome, and optional comments. */
export const SubmitEvaluationInputSchema = QuestionnaireInputSchema.extend({
  ratings: z
    .array(ConfidenceRatingSchema)
    .max(LEARNING_OUTCOMES_MAX, `must list at most ${String(LEARNING_OUTCOMES_MAX)} ratings`),
  comment: NoteSchema.max(
    EVALUATION_COMMENT_MAX,
    `must be at most ${formatCount(EVALUATION_COMMENT_MAX)} characters`,
  ).default(""),
});

/** Which results: one course, one agency, sessions starting between two UK dates. */
export const EvaluationResultsInputSchema = z
  .object({
    courseId: IdSchema.optional(),
    agencyId: IdSchema.optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .default({});

/**
 * The answers to one stage for one outcome (or all of a course's outcomes): `total` of the
 * ratings over `ratings` answers, whole numbers so nothing is lost; `average` the one-decimal text.
 */
const ConfidenceFiguresSchema = z.object({
  stage: EvaluationStageSchema,
  ratings: z.int(),
  total: z.int(),
  average: z.string().nullable(),
});

/** How many were asked to answer a stage and how many did. `rate` is a fraction, or null. */
const StageCountsSchema = z.object({
  stage: EvaluationStageSchema,
  invited: z.int(),
  responses: z.int(),
  rate: z.number().nullable(),
  rateText: z.string().nullable(),
});

/** A stage's counts and its ratings over every outcome asked. */
const StageFiguresSchema = StageCountsSchema.extend(ConfidenceFiguresSchema.shape);

/** One course's results. */
export const CourseResultsOutputSchema = z.object({
  courseId: z.string(),
  courseTitle: z.string(),
  stages: z.array(StageFiguresSchema),
  outcomes: z.array(
    z.object({
      outcomeId: z.string(),
      statement: z.string(),
      /** False for an outcome since taken off the course's list (its answers still count). */
      current: z.boolean(),
      stages: z.array(ConfidenceFiguresSchema),
      /** After less before and follow-up less before, one decimal with its sign, or null. */
      changeAfter: z.string().nullable(),
      changeFollowUp: z.string().nullable(),
    }),
  ),
  /** The free text, without names, newest first. */
  comments: z.array(z.object({ stage: EvaluationStageSchema, comment: z.string() })),
});

/** One agency's results over every course. */
export const AgencyResultsOutputSchema = z.object({
  agencyId: z.string().nullable(),
  agencyName: z.string(),
  stages: z.array(StageFiguresSchema),
});

/** Evaluation results by course and by agency. */
export const EvaluationResultsOutputSchema = z.object({
  courses: z.array(CourseResultsOutputSchema),
  agencies: z.array(AgencyResultsOutputSchema),
});

export type CourseResultsOutput = z.infer<typeof CourseResultsOutputSchema>;
export type AgencyResultsOutput = z.infer<typeof AgencyResultsOutputSchema>;
export type EvaluationResultsOutput = z.infer<typeof EvaluationResultsOutputSchema>;
export type QuestionnaireOutput = z.infer<typeof QuestionnaireOutputSchema>;

/**
 * Course evaluation: each course's learning outcomes; questionnaires before, straight after and 6
 * to 8 weeks after a session, answered by the person booked; and the results by course and agency.
 */
export const evaluation = {
  outcomes: {
    get: query({
      access: "readTraining",
      input: CourseOutcomesInputSchema,
      output: CourseOutcomesOutputSchema,
    }),
    set: mutation({
      access: "manageStaff",
      input: SetOutcomesInputSchema,
      output: CourseOutcomesOutputSchema,
    }),
  },
  /** The signed-in person's own questionnaires: only they answer them. */
  questionnaires: {
    list: query({
      access: "requestTraining",
      output: z.array(QuestionnaireSummaryOutputSchema),
    }),
    get: query({
      access: "requestTraining",
      input: QuestionnaireInputSchema,
      output: QuestionnaireOutputSchema,
    }),
    submit: mutation({
      access: "requestTraining",
      input: SubmitEvaluationInputSchema,
      output: QuestionnaireOutputSchema,
    }),
  },
  results: {
    get: query({
      access: "readPartnership",
      input: EvaluationResultsInputSchema,
      output: EvaluationResultsOutputSchema,
    }),
  },
};
