import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { tenantColumns, timestamp } from "./columns";

/**
 * A partnership's charging policy for late cancellations and no-shows (one row per organisation;
 * none means charging is off), and the England and Wales bank holidays its notice periods skip.
 */
export const chargingPolicies = sqliteTable(
  "charging_policies",
  {
    ...tenantColumns,
    enabled: integer({ mode: "boolean" }).notNull().default(false),
    /** Cancelling with fewer working days' notice than this is a late cancellation. */
    noticeWorkingDays: integer().notNull(),
    /** A session of up to this many minutes counts as a half day. */
    halfDayMaxMinutes: integer().notNull(),
    lateHalfDayPence: integer().notNull(),
    lateFullDayPence: integer().notNull(),
    noShowHalfDayPence: integer().notNull(),
    noShowFullDayPence: integer().notNull(),
    /** Whether member agencies are charged too (non-members always are). */
    chargeMemberAgencies: integer({ mode: "boolean" }).notNull().default(true),
    /**
     * The bank holidays from an uploaded GOV.UK bank-holidays.json, as JSON `[{ date, title }]`;
     * null uses the list shipped with @dapkit/training.
     */
    bankHolidays: text(),
    bankHolidaysUpdatedAt: timestamp(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [uniqueIndex("charging_policies_organisation_uq").on(table.organisationId)],
);
