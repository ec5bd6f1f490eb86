// The words of course evaluation, once: the server stores stages by these codes, and the
// questionnaire, the results page, the board's report and any SDK consumer show the same names.

/** When a questionnaire is answered: when booked, straight after the session, and 6 weeks on. */
export const EVALUATION_STAGES = ["before", "after", "follow_up"] as const;

/** A questionnaire's stage. */
export type EvaluationStage = (typeof EVALUATION_STAGES)[number];

/** Each stage as people read it. */
export const EVALUATION_STAGE_LABELS: Readonly<Record<EvaluationStage, string>> = {
  before: "Before the session",
  after: "Straight after the session",
  follow_up: "6 to 8 weeks later, with your manager",
};

/** Each stage in a table's heading or a results list. */
export const EVALUATION_STAGE_SHORT_LABELS: Readonly<Record<EvaluationStage, string>> = {
  before: "Before",
  after: "Straight after",
  follow_up: "6 to 8 weeks later",
};

/** The confidence scale, lowest first: each rating's value and words. */
export const CONFIDENCE_LEVELS = [
  { value: 1, label: "1 – Not at all confident" },
  { value: 2, label: "2 – A little confident" },
  { value: 3, label: "3 – Fairly confident" },
  { value: 4, label: "4 – Confident" },
  { value: 5, label: "5 – Very confident" },
] as const;

/** The lowest and highest confidence rating. */
export const CONFIDENCE_MIN = 1;
export const CONFIDENCE_MAX = 5;

/** How long a free-text answer may be, in characters. */
export const EVALUATION_COMMENT_MAX = 2000;

/** How many learning outcomes a course may list, and how long each may be. */
export const LEARNING_OUTCOMES_MAX = 12;
export const LEARNING_OUTCOME_MAX_LENGTH = 300;

/** Days after a session's day that the follow-up questionnaire opens (6 weeks) and closes (8). */
export const FOLLOW_UP_OPENS_DAYS = 42;
export const FOLLOW_UP_CLOSES_DAYS = 56;

/** What a questionnaire says when an outcome has no rating: the form's and the server's words. */
export function ratingMissing(statement: string): string {
  return `Choose how confident you are, from 1 to 5, for "${statement}"`;
}

/** The field a learning outcome's rating answers, for error messages and the form's radios. */
export function ratingField(outcomeId: string): string {
  return `rating-${outcomeId}`;
}
