import { and, eq, isNotNull, sql } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { organisations } from "../../db/schema";
import type { RoleRules } from "./choose-role";

/** An organisation's single sign-on settings, complete enough to use. */
export interface SsoOrganisation extends RoleRules {
  id: string;
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string[];
  createUnknownUsers: boolean;
}

/** The part of an address after the last @, in lower case. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

function complete(row: typeof organisations.$inferSelect): SsoOrganisation | undefined {
  const { ssoIssuerUrl, ssoClientId, ssoClientSecret } = row;
  if (!row.ssoEnabled || ssoIssuerUrl == null || ssoClientId == null || ssoClientSecret == null) {
    return undefined;
  }
  return {
    id: row.id,
    issuerUrl: ssoIssuerUrl,
    clientId: ssoClientId,
    clientSecret: ssoClientSecret,
    allowedDomains: row.ssoAllowedDomains,
    roleClaim: row.ssoRoleClaim,
    roleMapping: row.ssoRoleMapping,
    defaultRole: row.ssoDefaultRole,
    createUnknownUsers: row.ssoCreateUnknownUsers,
  };
}

/** An organisation's settings, if it has single sign-on turned on and complete. */
export function ssoOrganisation(
  db: Queryable,
  organisationId: string,
): SsoOrganisation | undefined {
  const row = db.select().from(organisations).where(eq(organisations.id, organisationId)).get();
  return row === undefined ? undefined : complete(row);
}

/**
 * The organisation whose single sign-on admits addresses at `domain`. None when no organisation
 * lists it, or when more than one does: which one was meant cannot be known, so neither is guessed.
 */
export function ssoOrganisationForDomain(
  db: Queryable,
  domain: string,
): SsoOrganisation | undefined {
  const rows = db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.ssoEnabled, true),
        sql`exists (select 1 from json_each(${organisations.ssoAllowedDomains}) where value = ${domain})`,
      ),
    )
    .limit(2)
    .all();
  return rows.length === 1 && rows[0] !== undefined ? complete(rows[0]) : undefined;
}

/** Whether any organisation signs its people in with single sign-on (the sign-in page asks). */
export function ssoInUse(db: Queryable): boolean {
  const row = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.ssoEnabled, true),
        isNotNull(organisations.ssoIssuerUrl),
        isNotNull(organisations.ssoClientId),
        isNotNull(organisations.ssoClientSecret),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}
