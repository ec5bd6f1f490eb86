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
    // A copy made to try a change (a partner leaving, a grant ending) names the plan it was copied
    // from and what it assumes; both are null for a plan entered from scratch. Not a foreign key:
    // the original may be deleted or renamed and the copy still says what it tried.
    copiedFromId: text(),
    scenario: text(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
    updatedBy: text()
      .notNull()
      .references(() => users.id),
  },
  (table) => [uniqueIndex("funding_plans_name_uq").on(table.organisationId, table.name)],
);
