import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { MESSAGE_STATES } from "@dapkit/contract";

import { tenantColumns, timestamp } from "./columns";
import { organisations } from "./organisations";

/**
 * The outbox: every message the service sends, written in the same transaction as the change that
 * causes it and delivered afterwards by the sender, so a crash loses none. Rows are kept as the
 * record of what was sent. `kind` is one of @dapkit/contract's MESSAGE_KINDS, stored as text so a
 * new kind needs no migration.
 */
export const messages = sqliteTable(
  "messages",
  {
    ...tenantColumns,
    kind: text().notNull(),
    /** Null when the person has no email address: the message is kept, marked not sent. */
    recipientEmail: text(),
    recipientName: text().notNull(),
    /** The staff record or user account the message went to, when it is one. */
    recipientStaffId: text(),
    recipientUserId: text(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    /** An iCalendar attachment (a booking's invitation or cancellation), with its UID and SEQUENCE. */
    ics: text(),
    calendarUid: text(),
    calendarSequence: integer(),
    /** What the message is about, for the session's and the person's message lists. */
    sessionId: text(),
    nominationId: text(),
    staffId: text(),
    /**
     * Unique per organisation: writing the same message twice (a scheduler pass after a restart,
     * a repeated change) adds nothing. Also the message's Message-ID, so a delivery repeated after
     * a crash is recognised as the same message by the receiving mail system.
     */
    idempotencyKey: text().notNull(),
    state: text({ enum: MESSAGE_STATES }).notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp().notNull(),
    /** Why the last attempt failed, in the mail server's terms: never the message's content. */
    lastError: text(),
    sentAt: timestamp(),
    createdAt: timestamp().notNull(),
    /** The user who asked for a message to be sent again, for a resend. */
    requestedBy: text(),
  },
  (table) => [
    uniqueIndex("messages_idempotency_uq").on(table.organisationId, table.idempotencyKey),
    // The sender's query: what is due, oldest first.
    index("messages_due_idx").on(table.state, table.nextAttemptAt),
    index("messages_session_idx").on(table.organisationId, table.sessionId, table.createdAt),
    index("messages_staff_idx").on(table.organisationId, table.staffId, table.createdAt),
    index("messages_nomination_idx").on(table.organisationId, table.nominationId),
  ],
);

/**
 * An organisation's message settings; an organisation without a row uses the defaults, so
 * every kind is on until someone turns it off.
 */
export const messageSettings = sqliteTable("message_settings", {
  organisationId: text()
    .primaryKey()
    .references(() => organisations.id),
  /** Kinds turned off (JSON array): a kind added later starts on. */
  disabledKinds: text({ mode: "json" }).$type<string[]>().notNull().default([]),
  /** Days before a session that reminders go, largest first (JSON array). */
  reminderDays: text({ mode: "json" }).$type<number[]>().notNull().default([7, 1]),
  senderName: text().notNull().default(""),
  replyTo: text().notNull().default(""),
  updatedAt: timestamp().notNull(),
});
