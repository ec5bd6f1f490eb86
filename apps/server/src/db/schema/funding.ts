import { sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { tenantColumns, timestamp } from "./columns";
import { users } from "./users";

export const fundingPlans = sqliteTable(
  "funding_plans",
  {
    ...tenantColumns,
    name: text().notNull(),
    // The plan exactly as entered (FundingPlanInput); results are computed on read.
    plan: text({ mode: "json" }).notNull(),
    // Published allocation / forecast / variance tables to check (see reconcileVariance).
    varianceTables: text({ mode: "json" }).notNull(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
    updatedBy: text()
      .notNull()
      .references(() => users.id),
  },
  (table) => [uniqueIndex("funding_plans_name_uq").on(table.organisationId, table.name)],
);
