import { and, desc, eq, inArray } from "drizzle-orm";

import { RECENT_SIGN_INS } from "@dapkit/contract";

import { auditLog } from "../../db/schema";
import type { Scope } from "../scope";
import type { SignInMethod } from "../auth/start-session";

const METHODS: readonly SignInMethod[] = ["password", "single_sign_on", "link"];

function methodOf(after: unknown): SignInMethod {
  const method = (after as { method?: unknown } | null)?.method;
  return METHODS.find((known) => known === method) ?? "password";
}

/**
 * The signed-in person's latest sign-ins and failed attempts, newest first, from the audit log
 * (which records each with the address it came from).
 */
export function recentSignIns(scope: Scope) {
  const { db, user } = scope;
  return db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      source: auditLog.source,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.userId, user.id),
        eq(auditLog.organisationId, user.organisationId),
        inArray(auditLog.action, ["sign_in", "sign_in_failed"]),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(RECENT_SIGN_INS)
    .all()
    .map((row) => ({
      at: row.at,
      succeeded: row.action === "sign_in",
      source: row.source,
      method: methodOf(row.after),
    }));
}
