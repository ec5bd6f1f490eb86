import { ACTION_STATUSES } from "@dapkit/schemas";
import {
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { tenantColumns, timestamp } from "./columns";
import { evidenceItems } from "./evidence";
import { fundingPlans } from "./funding";
import { recommendations } from "./recommendations";
import { users } from "./users";

/** The DAHA action plan: actions per priority area, each optionally serving a recommendation. */
export const actionPlanActions = sqliteTable(
  "action_plan_actions",
  {
    ...tenantColumns,
    frameworkId: text().notNull(),
    areaId: text().notNull(),
    what: text().notNull(),
    owner: text().notNull(),
    dueDate: text().notNull(),
    status: text({ enum: ACTION_STATUSES }).notNull(),
    recommendationId: text(),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [
    uniqueIndex("action_plan_actions_tenant_uq").on(table.organisationId, table.id),
    index("action_plan_actions_area_idx").on(table.organisationId, table.frameworkId, table.areaId),
    // A null recommendation is not checked; a set one must be the same organisation's.
    foreignKey({
      columns: [table.organisationId, table.recommendationId],
      foreignColumns: [recommendations.organisationId, recommendations.id],
    }),
  ],
);

/** The evidence an action produced or relies on. */
export const actionPlanEvidence = sqliteTable(
  "action_plan_evidence",
  {
    organisationId: text().notNull(),
    actionId: text().notNull(),
    evidenceId: text().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.actionId, table.evidenceId] }),
    index("action_plan_evidence_evidence_idx").on(table.evidenceId),
    foreignKey({
      columns: [table.organisationId, table.actionId],
      foreignColumns: [actionPlanActions.organisationId, actionPlanActions.id],
    }),
    foreignKey({
      columns: [table.organisationId, table.evidenceId],
      foreignColumns: [evidenceItems.organisationId, evidenceItems.id],
    }),
  ],
);

/** The DAHA priority areas a recommendation bears on. */
export const recommendationAreas = sqliteTable(
  "recommendation_areas",
  {
    organisationId: text().notNull(),
    recommendationId: text().notNull(),
    areaId: text().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.recommendationId, table.areaId] }),
    foreignKey({
      columns: [table.organisationId, table.recommendationId],
      foreignColumns: [recommendations.organisationId, recommendations.id],
    }),
  ],
);

/**
 * A committee paper's draft: the officer's choices and narrative only. Its figures are never
 * stored: they are read from live data each time the paper is shown or downloaded.
 */
export const committeePapers = sqliteTable(
  "committee_papers",
  {
    ...tenantColumns,
    committee: text().notNull(),
    meetingDate: text().notNull(),
    reportOf: text().notNull(),
    title: text().notNull(),
    // Purpose, key decision, recommendations and each chosen section's narrative, as the
    // contract's CommitteePaperDraft (validated on the way in).
    draft: text({ mode: "json" }).notNull(),
    fundingPlanId: text().references(() => fundingPlans.id),
    version: integer().notNull().default(1),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    updatedBy: text()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [index("committee_papers_meeting_idx").on(table.organisationId, table.meetingDate)],
);
