import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { timestamp } from "./columns";

/** Append-only: triggers in the migrations refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: text(),
    userId: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: text({ mode: "json" }),
    after: text({ mode: "json" }),
    at: timestamp().notNull(),
    // The client address a sign-in or a read of sensitive data came from (null for other changes).
    source: text(),
  },
  (table) => [
    index("audit_log_organisation_idx").on(table.organisationId, table.id),
    // One person's entries (their recent sign-ins, the audit viewer's person filter), newest first.
    index("audit_log_user_idx").on(table.userId, table.id),
  ],
);
