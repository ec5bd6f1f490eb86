import { sql } from "drizzle-orm";

import { SESSION_OPEN_TO } from "@dapkit/contract";
import { NOMINATION_STATES } from "@dapkit/schemas";
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
import { agencies } from "./partnership";
import { staff } from "./staff";
import { users } from "./users";

export const courses = sqliteTable(
  "courses",
  {
    ...tenantColumns,
    title: text().notNull(),
    level: integer().notNull(),
    refresherIntervalMonths: integer(),
    description: text().notNull().default(""),
    createdAt: timestamp().notNull(),
    // Archived courses are offered for no new sessions; their sessions and history stay.
    archivedAt: timestamp(),
  },
  (table) => [
    uniqueIndex("courses_title_uq").on(table.organisationId, table.title),
    uniqueIndex("courses_tenant_uq").on(table.organisationId, table.id),
  ],
);

export const trainingSessions = sqliteTable(
  "training_sessions",
  {
    ...tenantColumns,
    courseId: text().notNull(),
    startsAt: timestamp().notNull(),
    endsAt: timestamp().notNull(),
    capacity: integer().notNull(),
    location: text().notNull(),
    trainer: text().notNull(),
    createdAt: timestamp().notNull(),
    // Open, full and held are worked out from the clock and the places taken; closing (every
    // booking has an outcome) and cancelling are decisions, so they are stored.
    closedAt: timestamp(),
    cancelledAt: timestamp(),
    cancelReason: text().notNull().default(""),
    /** Who may book: every member agency, or only those listed in session_agencies. */
    openTo: text({ enum: SESSION_OPEN_TO }).notNull().default("all_members"),
    /** Until this moment places reserved per agency (session_agencies) are held for that agency. */
    reservedUntil: timestamp(),
    /** The price of a place for a non-member agency's person; null admits no non-members. */
    nonMemberPricePence: integer(),
  },
  (table) => [
    uniqueIndex("training_sessions_tenant_uq").on(table.organisationId, table.id),
    index("training_sessions_starts_idx").on(table.organisationId, table.startsAt),
    index("training_sessions_course_idx").on(table.organisationId, table.courseId),
    foreignKey({
      columns: [table.organisationId, table.courseId],
      foreignColumns: [courses.organisationId, courses.id],
    }),
  ],
);

export const nominations = sqliteTable(
  "nominations",
  {
    ...tenantColumns,
    staffId: text().notNull(),
    sessionId: text().notNull(),
    nominatedBy: text()
      .notNull()
      .references(() => users.id),
    reason: text().notNull().default(""),
    mandatory: integer({ mode: "boolean" }).notNull().default(false),
    // The latest entry of nomination_events, kept here so reports need not replay history.
    state: text({ enum: NOMINATION_STATES }).notNull(),
    stateChangedAt: timestamp().notNull(),
    createdAt: timestamp().notNull(),
    /** The booking this one took over when a manager sent a substitute (free until the start). */
    substitutedForId: text(),
    /** Signed in on the day without a booking (a walk-in), added to the register by the trainer. */
    unscheduled: integer({ mode: "boolean" }).notNull().default(false),
  },
  (table) => [
    // One live nomination per person per session: once cancelled or declined (kept, with its
    // history) the person may be nominated for the session again.
    uniqueIndex("nominations_staff_session_uq")
      .on(table.organisationId, table.sessionId, table.staffId)
      .where(sql`${table.state} not in ('cancelled', 'declined')`),
    // Covering, like the staff index below: without statistics SQLite prefers any index that
    // covers a query to one it must leave for the table, so both must cover a page's columns.
    index("nominations_session_state_idx").on(
      table.organisationId,
      table.sessionId,
      table.state,
      table.staffId,
      table.id,
    ),
    // Covering: a page of a department's nominations is found without reading a nomination's row.
    index("nominations_staff_idx").on(
      table.organisationId,
      table.staffId,
      table.state,
      table.sessionId,
      table.id,
    ),
    index("nominations_state_idx").on(table.organisationId, table.state),
    foreignKey({
      columns: [table.organisationId, table.staffId],
      foreignColumns: [staff.organisationId, staff.id],
    }),
    foreignKey({
      columns: [table.organisationId, table.sessionId],
      foreignColumns: [trainingSessions.organisationId, trainingSessions.id],
    }),
  ],
);

/**
 * The agencies a session is open to (when `openTo` is `chosen_agencies`) and the places held for
 * each until the session's `reservedUntil`. One waiting list serves every agency.
 */
export const sessionAgencies = sqliteTable(
  "session_agencies",
  {
    organisationId: text().notNull(),
    sessionId: text().notNull(),
    agencyId: text().notNull(),
    reservedPlaces: integer().notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.sessionId, table.agencyId] }),
    foreignKey({
      columns: [table.organisationId, table.sessionId],
      foreignColumns: [trainingSessions.organisationId, trainingSessions.id],
    }),
    foreignKey({
      columns: [table.organisationId, table.agencyId],
      foreignColumns: [agencies.organisationId, agencies.id],
    }),
  ],
);

/** Append-only: a trigger refuses UPDATE and DELETE. */
export const nominationEvents = sqliteTable(
  "nomination_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: text().notNull(),
    nominationId: text().notNull(),
    state: text({ enum: NOMINATION_STATES }).notNull(),
    at: timestamp().notNull(),
    byUserId: text()
      .notNull()
      .references(() => users.id),
    note: text().notNull().default(""),
  },
  (table) => [
    index("nomination_events_nomination_idx").on(table.nominationId),
    foreignKey({
      columns: [table.nominationId],
      foreignColumns: [nominations.id],
    }),
  ],
);

/**
 * How many nominations are in each state for each department and line manager, kept up to date by
 * triggers on nominations and staff (see the migrations), so the uptake report reads thousands of
 * counts instead of every nomination. `managerKey` is the manager's staff id, or '' for people
 * with no manager: a key column cannot be NULL and still match itself.
 */
export const nominationTallies = sqliteTable(
  "nomination_tallies",
  {
    organisationId: text().notNull(),
    departmentId: text().notNull(),
    managerKey: text().notNull(),
    state: text({ enum: NOMINATION_STATES }).notNull(),
    nominations: integer().notNull(),
  },
  (table) => [
    primaryKey({
      columns: [table.organisationId, table.departmentId, table.managerKey, table.state],
    }),
    // A manager's own report reads only their team's rows.
    index("nomination_tallies_manager_idx").on(table.organisationId, table.managerKey),
  ],
);

/**
 * nomination_tallies added up over managers: nominations in each state per department, kept up to
 * date by triggers on nomination_tallies, so the organisation's dashboard reads a few hundred rows
 * rather than a row for every manager.
 */
export const departmentTallies = sqliteTable(
  "department_tallies",
  {
    organisationId: text().notNull(),
    departmentId: text().notNull(),
    state: text({ enum: NOMINATION_STATES }).notNull(),
    nominations: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.departmentId, table.state] })],
);

/**
 * While an organisation has a row here, the triggers on nominations leave its running counts
 * alone: a bulk write (an import) adjusts them itself, once per department, manager and state,
 * rather than paying for a trigger on every row. The row is inserted and deleted inside the bulk
 * write's transaction, so no other connection ever sees one and a failure rolls it back.
 */
export const tallyDeferrals = sqliteTable("tally_deferrals", {
  organisationId: text().primaryKey(),
});
