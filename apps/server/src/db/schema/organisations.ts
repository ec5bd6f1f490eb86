import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { USER_ROLES } from "@dapkit/contract";

/**
 * An organisation and its settings. Settings are columns with defaults, so an organisation made
 * before a setting existed (or by a path that does not know it) behaves as the default says.
 */
export const organisations = sqliteTable("organisations", {
  id: text().primaryKey(),
  name: text().notNull(),
  createdAt: text().notNull(),
  /** The DAHA framework the organisation's evidence follows (an id from `@dapkit/daha`). */
  dahaFrameworkId: text().notNull().default("daha-2022"),
  /** The Staff Development attendance target, a whole percentage. */
  attendanceTargetPercent: integer().notNull().default(80),
  /** The refresher interval a new course starts with; null for no refresher. */
  defaultRefresherMonths: integer().default(36),
  /** How long after approval a piece of evidence is due for review. */
  evidenceReviewMonths: integer().notNull().default(12),
  passwordSignInAllowed: integer({ mode: "boolean" }).notNull().default(true),
  /** Evidence cannot be approved by the person who sent it for review. */
  separateEvidenceApproval: integer({ mode: "boolean" }).notNull().default(true),
  /** The largest evidence file the organisation accepts, up to the service's own ceiling. */
  maxEvidenceFileMegabytes: integer().notNull().default(20),
  /**
   * Runs as a partnership of member agencies: every person belongs to an agency, agency leads
   * act for their agency, and the board's report counts by agency.
   */
  runsAsPartnership: integer({ mode: "boolean" }).notNull().default(false),
  // Single sign-on (OpenID Connect). The client secret is write-only: no API output includes it.
  ssoEnabled: integer({ mode: "boolean" }).notNull().default(false),
  ssoIssuerUrl: text(),
  ssoClientId: text(),
  ssoClientSecret: text(),
  /** Email domains whose people may sign in with single sign-on (JSON array, lower case). */
  ssoAllowedDomains: text({ mode: "json" }).$type<string[]>().notNull().default([]),
  /** The ID-token claim (such as `roles` or `groups`) whose values choose a role. */
  ssoRoleClaim: text(),
  /** Claim value (an app role or group id) → role; the first match in role order wins. */
  ssoRoleMapping: text({ mode: "json" })
    .$type<Record<string, (typeof USER_ROLES)[number]>>()
    .notNull()
    .default({}),
  /** The role when no claim value maps to one; null refuses such a sign-in. */
  ssoDefaultRole: text({ enum: USER_ROLES }),
  ssoCreateUnknownUsers: integer({ mode: "boolean" }).notNull().default(false),
});
