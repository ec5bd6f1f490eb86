import {
  AGENCY_KINDS,
  PROGRAMME_COST_CATEGORIES,
  REQUIREMENT_SCOPES,
  SHARING_BASES,
} from "@dapkit/contract";
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
import { organisations } from "./organisations";
import { agencies } from "./partnership";
import { users } from "./users";

/**
 * A partnership's shared training programme costs (trainers, venues, materials), in pence, against
 * the financial year they fall in; the year's sharing basis splits them across the member agencies.
 */
export const programmeCosts = sqliteTable(
  "programme_costs",
  {
    ...tenantColumns,
    /** The April–March year, by the year it starts in (2026 for 2026/27). */
    financialYearStart: integer().notNull(),
    category: text({ enum: PROGRAMME_COST_CATEGORIES }).notNull(),
    description: text().notNull(),
    amountPence: integer().notNull(),
    createdAt: timestamp().notNull(),
    createdBy: text()
      .notNull()
      .references(() => users.id),
  },
  (table) => [index("programme_costs_year_idx").on(table.organisationId, table.financialYearStart)],
);

/**
 * How one financial year's programme costs are shared, and the funding plan (and its workforce
 * workstream) whose budget they are measured against. A year with no row is shared equally.
 */
export const programmeCostYears = sqliteTable(
  "programme_cost_years",
  {
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    financialYearStart: integer().notNull(),
    basis: text({ enum: SHARING_BASES }).notNull(),
    // Not a foreign key: deleting a plan leaves the year's costs standing, shown without a budget.
    fundingPlanId: text(),
    workstreamKey: text(),
    updatedAt: timestamp().notNull(),
    updatedBy: text()
      .notNull()
      .references(() => users.id),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.financialYearStart] })],
);

/**
 * The percentages the member agencies agreed for a year (basis `agreed_percentages`), in
 * hundredths of a per cent so that they add up to exactly 10,000.
 */
export const programmeCostPercentages = sqliteTable(
  "programme_cost_percentages",
  {
    organisationId: text().notNull(),
    financialYearStart: integer().notNull(),
    agencyId: text().notNull(),
    basisPoints: integer().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.financialYearStart, table.agencyId] }),
    foreignKey({
      columns: [table.organisationId, table.agencyId],
      foreignColumns: [agencies.organisationId, agencies.id],
    }),
  ],
);

/** The organisation's training framework (such as "Kent and Medway DA Training Framework"). */
export const trainingFrameworks = sqliteTable("training_frameworks", {
  organisationId: text()
    .primaryKey()
    .references(() => organisations.id),
  name: text().notNull(),
  updatedAt: timestamp().notNull(),
});

/** The levels (or groups) of an organisation's training framework, each with its number. */
export const frameworkLevels = sqliteTable(
  "framework_levels",
  {
    ...tenantColumns,
    level: integer().notNull(),
    name: text().notNull(),
    /** The refresher interval a new course at this level starts with; null for none. */
    defaultRefresherMonths: integer(),
  },
  (table) => [uniqueIndex("framework_levels_level_uq").on(table.organisationId, table.level)],
);

/**
 * Who needs which level: people in every agency, in agencies of one kind or in one agency, whose
 * job title contains the given words (every job title when empty).
 */
export const levelRequirements = sqliteTable(
  "level_requirements",
  {
    ...tenantColumns,
    scope: text({ enum: REQUIREMENT_SCOPES }).notNull(),
    agencyKind: text({ enum: AGENCY_KINDS }),
    agencyId: text(),
    jobTitleContains: text().notNull().default(""),
    requiredLevel: integer().notNull(),
    createdAt: timestamp().notNull(),
  },
  (table) => [
    index("level_requirements_org_idx").on(table.organisationId),
    foreignKey({
      columns: [table.organisationId, table.agencyId],
      foreignColumns: [agencies.organisationId, agencies.id],
    }),
  ],
);
