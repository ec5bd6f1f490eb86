import { eq } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { organisations } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";

/** The changes `organisation.settings.update` takes (see its contract entry). */
export interface SettingsChanges {
  name?: string | undefined;
  dahaFrameworkId?: "daha-2022" | "daha-legacy" | undefined;
  attendanceTargetPercent?: number | undefined;
  defaultRefresherMonths?: number | null | undefined;
  evidenceReviewMonths?: number | undefined;
  passwordSignInAllowed?: boolean | undefined;
  separateEvidenceApproval?: boolean | undefined;
  maxEvidenceFileMegabytes?: number | undefined;
  sso?:
    | {
        enabled?: boolean | undefined;
        issuerUrl?: string | null | undefined;
        clientId?: string | null | undefined;
        clientSecret?: string | null | undefined;
        allowedDomains?: string[] | undefined;
        roleClaim?: string | null | undefined;
        roleMapping?:
          | Record<string, (typeof organisations.$inferSelect)["ssoDefaultRole"] & string>
          | undefined;
        defaultRole?: (typeof organisations.$inferSelect)["ssoDefaultRole"] | undefined;
        createUnknownUsers?: boolean | undefined;
      }
    | undefined;
}

type OrganisationRow = typeof organisations.$inferSelect;

/** An organisation's settings as the API shows them: the client secret only as "set" or not. */
function settingsOf(row: OrganisationRow) {
  return {
    name: row.name,
    dahaFrameworkId: row.dahaFrameworkId as "daha-2022" | "daha-legacy",
    attendanceTargetPercent: row.attendanceTargetPercent,
    defaultRefresherMonths: row.defaultRefresherMonths,
    evidenceReviewMonths: row.evidenceReviewMonths,
    passwordSignInAllowed: row.passwordSignInAllowed,
    separateEvidenceApproval: row.separateEvidenceApproval,
    maxEvidenceFileMegabytes: row.maxEvidenceFileMegabytes,
    sso: {
      enabled: row.ssoEnabled,
      issuerUrl: row.ssoIssuerUrl,
      clientId: row.ssoClientId,
      clientSecretSet: row.ssoClientSecret != null,
      allowedDomains: row.ssoAllowedDomains,
      roleClaim: row.ssoRoleClaim,
      roleMapping: row.ssoRoleMapping,
      defaultRole: row.ssoDefaultRole,
      createUnknownUsers: row.ssoCreateUnknownUsers,
    },
  };
}

/** The settings, as the API shows them. */
export type OrganisationSettings = ReturnType<typeof settingsOf>;

function organisationRow(db: Queryable, organisationId: string): OrganisationRow {
  return found(
    db.select().from(organisations).where(eq(organisations.id, organisationId)).get(),
    "Organisation",
  );
}

/** The signed-in administrator's organisation's settings. */
export function getSettings(scope: Scope): OrganisationSettings {
  return settingsOf(organisationRow(scope.db, scope.user.organisationId));
}

// A field sent as undefined is left as it is, like one left out.
function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** Single sign-on can be enabled only with an issuer, a client id and at least one domain. */
function assertSsoComplete(row: OrganisationRow): void {
  if (!row.ssoEnabled) return;
  const missing = (
    [
      ["sso.issuerUrl", row.ssoIssuerUrl == null],
      ["sso.clientId", row.ssoClientId == null],
      ["sso.allowedDomains", row.ssoAllowedDomains.length === 0],
    ] as const
  ).find(([, absent]) => absent);
  if (missing !== undefined) {
    throw new AppError(
      "bad_request",
      "To turn on single sign-on, give the issuer address, the client id and at least one " +
        "allowed email domain",
      { field: missing[0] },
    );
  }
}

/**
 * Changes the settings and audits what changed (the client secret only as "changed", never its
 * value). Refuses to turn password sign-in off unless single sign-on is on and complete: the
 * organisation would otherwise have no way in.
 */
export function updateSettings(scope: Scope, input: SettingsChanges): OrganisationSettings {
  const { db, user, now } = scope;
  return db.transaction((tx) => {
    const beforeRow = organisationRow(tx, user.organisationId);
    const { sso, ...general } = input;
    const changes = defined({
      ...general,
      ssoEnabled: sso?.enabled,
      ssoIssuerUrl: sso?.issuerUrl,
      ssoClientId: sso?.clientId,
      ssoClientSecret: sso?.clientSecret,
      ssoAllowedDomains: sso?.allowedDomains,
      ssoRoleClaim: sso?.roleClaim,
      ssoRoleMapping: sso?.roleMapping,
      ssoDefaultRole: sso?.defaultRole,
      ssoCreateUnknownUsers: sso?.createUnknownUsers,
    });
    if (Object.keys(changes).length > 0) {
      tx.update(organisations).set(changes).where(eq(organisations.id, user.organisationId)).run();
    }
    const afterRow = organisationRow(tx, user.organisationId);
    assertSsoComplete(afterRow);
    if (!afterRow.passwordSignInAllowed && !afterRow.ssoEnabled) {
      throw new AppError(
        "bad_request",
        "Turn on single sign-on before turning password sign-in off, or nobody could sign in",
        { field: "passwordSignInAllowed" },
      );
    }
    const before = settingsOf(beforeRow);
    const after = settingsOf(afterRow);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "update",
      entity: "organisation",
      entityId: user.organisationId,
      before,
      after: {
        ...after,
        sso: { ...after.sso, clientSecretChanged: sso?.clientSecret !== undefined },
      },
    });
    return after;
  });
}
