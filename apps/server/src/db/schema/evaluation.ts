import { sql } from "drizzle-orm";

import { EVALUATION_STAGES } from "@dapkit/contract";
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { tenantColumns, timestamp } from "./columns";
import { courses, nominations } from "./training";
import { users } from "./users";

/**
 * A course's learning outcomes, in order: what its questionnaires ask people to rate their
 * confidence in. An outcome taken off the list is archived, not deleted, so answers given about it
 * keep their meaning.
 */
export const learningOutcomes = sqliteTable(
  "learning_outcomes",
  {
    ...tenantColumns,
    courseId: text().notNull(),
    position: integer().notNull(),
    statement: text().notNull(),
    createdAt: timestamp().notNull(),
    archivedAt: timestamp(),
  },
  (table) => [
    uniqueIndex("learning_outcomes_tenant_uq").on(table.organisationId, table.id),
    index("learning_outcomes_course_idx").on(table.organisationId, table.courseId),
    foreignKey({
      columns: [table.organisationId, table.courseId],
      foreignColumns: [courses.organisationId, courses.id],
    }),
  ],
);

/**
 * One person's answers to one stage's questionnaire about one booking: at most one per booking per
 * stage. The free text is theirs; results list it without their name.
 */
export const evaluationResponses = sqliteTable(
  "evaluation_responses",
  {
    ...tenantColumns,
    nominationId: text().notNull(),
    stage: text({ enum: EVALUATION_STAGES }).notNull(),
    comment: text().notNull().default(""),
    submittedAt: timestamp().notNull(),
    submittedBy: text()
      .notNull()
      .references(() => users.id),
  },
  (table) => [
    uniqueIndex("evaluation_responses_stage_uq").on(
      table.organisationId,
      table.nominationId,
      table.stage,
    ),
    uniqueIndex("evaluation_responses_tenant_uq").on(table.organisationId, table.id),
    foreignKey({ columns: [table.nominationId], foreignColumns: [nominations.id] }),
  ],
);

/** A response's confidence rating (1 to 5, a whole number) for one learning outcome. */
export const evaluationAnswers = sqliteTable(
  "evaluation_answers",
  {
    organisationId: text().notNull(),
    responseId: text().notNull(),
    outcomeId: text().notNull(),
    confidence: integer().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.responseId, table.outcomeId] }),
    check("evaluation_answers_confidence_ck", sql`${table.confidence} between 1 and 5`),
    index("evaluation_answers_outcome_idx").on(table.organisationId, table.outcomeId),
    foreignKey({
      columns: [table.organisationId, table.responseId],
      foreignColumns: [evaluationResponses.organisationId, evaluationResponses.id],
    }),
    foreignKey({
      columns: [table.organisationId, table.outcomeId],
      foreignColumns: [learningOutcomes.organisationId, learningOutcomes.id],
    }),
  ],
);
