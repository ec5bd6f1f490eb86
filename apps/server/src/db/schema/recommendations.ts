import { RAG_RATINGS, RECOMMENDATION_STATUSES } from "@dapkit/schemas";
import {
  foreignKey,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { tenantColumns, timestamp } from "./columns";
import { users } from "./users";

export const recommendations = sqliteTable(
  "recommendations",
  {
    ...tenantColumns,
    reference: text().notNull(),
    title: text().notNull(),
    source: text().notNull(),
    owner: text().notNull(),
    status: text({ enum: RECOMMENDATION_STATUSES }).notNull(),
    targetDate: text(),
    // The officer's judgement of progress; null until someone rates it.
    rag: text({ enum: RAG_RATINGS }),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [
    uniqueIndex("recommendations_reference_uq").on(
      table.organisationId,
      table.source,
      table.reference,
    ),
    uniqueIndex("recommendations_tenant_uq").on(table.organisationId, table.id),
  ],
);

/** Append-only dated progress notes. */
export const recommendationUpdates = sqliteTable(
  "recommendation_updates",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: text().notNull(),
    recommendationId: text().notNull(),
    date: text().notNull(),
    note: text().notNull(),
    status: text({ enum: RECOMMENDATION_STATUSES }).notNull(),
    byUserId: text()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp().notNull(),
  },
  (table) => [
    index("recommendation_updates_recommendation_idx").on(table.recommendationId),
    foreignKey({
      columns: [table.organisationId, table.recommendationId],
      foreignColumns: [recommendations.organisationId, recommendations.id],
    }),
  ],
);
