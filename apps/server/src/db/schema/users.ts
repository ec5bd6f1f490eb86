import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { ACCOUNT_LINK_PURPOSES, USER_ROLES } from "@dapkit/contract";

import { tenantColumns, timestamp } from "./columns";
import { organisations } from "./organisations";
import { agencies } from "./partnership";

export { USER_ROLES, type UserRole } from "@dapkit/contract";

export const users = sqliteTable(
  "users",
  {
    ...tenantColumns,
    // Sign-in is by email alone, so an address is unique across every organisation.
    email: text().notNull().unique(),
    name: text().notNull(),
    role: text({ enum: USER_ROLES }).notNull(),
    // Null for a user who has not yet set one (invited) or signs in only with single sign-on.
    passwordHash: text(),
    /** Set by an administrator's reset: the next sign-in must choose a new password first. */
    mustChangePassword: integer({ mode: "boolean" }).notNull().default(false),
    lastSignInAt: timestamp(),
    /** The identity provider's subject (`sub`) once the user has signed in with single sign-on. */
    ssoSubject: text(),
    // A manager's own staff record: their reports are the staff whose manager this is.
    staffId: text(),
    /** An agency lead's agency: they nominate for, and see the figures of, its people only. */
    // A plain reference: a composite (organisation, agency) key would need the table rebuilt, losing
    // its triggers; the partnership services check an agency is the organisation's before using it.
    agencyId: text().references(() => agencies.id),
    active: integer({ mode: "boolean" }).notNull().default(true),
    createdAt: timestamp().notNull(),
  },
  (table) => [
    index("users_organisation_idx").on(table.organisationId),
    uniqueIndex("users_sso_subject_idx").on(table.organisationId, table.ssoSubject),
  ],
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

/** What a single-use account link lets its holder do. */
export { ACCOUNT_LINK_PURPOSES } from "@dapkit/contract";

/**
 * Single-use links to set a password: the first admin's (setup), an invitation, a reset. Only the
 * sha256 of the link's token is stored, so a leaked database holds no usable link.
 */
export const accountLinks = sqliteTable(
  "account_links",
  {
    tokenHash: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text({ enum: ACCOUNT_LINK_PURPOSES }).notNull(),
    createdAt: timestamp().notNull(),
    expiresAt: timestamp().notNull(),
    usedAt: timestamp(),
  },
  (table) => [index("account_links_user_idx").on(table.userId)],
);

/**
 * Personal API tokens for scripts and the SDK. Only the sha256 of the token is stored; a token
 * acts as its owner, with their role and organisation as they are at each request.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    ...tenantColumns,
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp().notNull(),
    expiresAt: timestamp().notNull(),
    lastUsedAt: timestamp(),
    /** When a use was last audited: uses are audited at most once a minute per token. */
    useAuditedAt: timestamp(),
    revokedAt: timestamp(),
  },
  (table) => [index("api_tokens_user_idx").on(table.userId)],
);
