import { and, eq } from "drizzle-orm";

import { organisations, users } from "../../db/schema";
import { found } from "../../errors";
import type { Scope } from "../scope";

/** The signed-in person's own account, as "My account" shows it. */
export function getAccount(scope: Scope) {
  const { db, user } = scope;
  const row = found(
    db
      .select({
        lastSignInAt: users.lastSignInAt,
        passwordHash: users.passwordHash,
        organisationName: organisations.name,
        passwordSignInAllowed: organisations.passwordSignInAllowed,
      })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(users.organisationId, user.organisationId), eq(users.id, user.id)))
      .get(),
    "Account",
  );
  const { passwordHash, ...account } = row;
  return { ...user, ...account, hasPassword: passwordHash != null };
}
