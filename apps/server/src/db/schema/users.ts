import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { USER_ROLES } from "@dapkit/contract";

import { tenantColumns, timestamp } from "./columns";
import { organisations } from "./organisations";

export { USER_ROLES, type UserRole } from "@dapkit/contract";

export const users = sqliteTable(
  "users",
  {
    ...tenantColumns,
    // Sign-in is by email alone, so an address is unique across every organisation.
    email: text().notNull().unique(),
    name: text().notNull(),
    role: text({ enum: USER_ROLES }).notNull(),
    passwordHash: text().notNull(),
    // A manager's own staff record: their reports are the staff whose manager this is.
    staffId: text(),
    active: integer({ mode: "boolean" }).notNull().default(true),
    createdAt: timestamp().notNull(),
  },
  (table) => [index("users_organisation_idx").on(table.organisationId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    // The sha256 of the cookie token, so a leaked database does not leak live sessions.
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp().notNull(),
    expiresAt: timestamp().notNull(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);
