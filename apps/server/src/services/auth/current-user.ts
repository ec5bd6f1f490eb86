import { eq } from "drizzle-orm";

import { permissionsOf, type Permission } from "@dapkit/contract";

import type { SessionUser } from "../../auth/session-user";
import type { Db } from "../../db/client";
import { organisations } from "../../db/schema";

/**
 * The signed-in user as the web app sees them: with their organisation's name, whether it runs as a
 * partnership, and their permissions.
 */
export interface CurrentUser extends SessionUser {
  organisationName: string;
  runsAsPartnership: boolean;
  permissions: Permission[];
}

/** Who is signed in and what their role may do (the web app shows only those parts); null if nobody. */
export function currentUser(db: Db, user: SessionUser | null): CurrentUser | null {
  if (user == null) return null;
  const organisation = db
    .select({ name: organisations.name, runsAsPartnership: organisations.runsAsPartnership })
    .from(organisations)
    .where(eq(organisations.id, user.organisationId))
    .get();
  return {
    ...user,
    organisationName: organisation?.name ?? "",
    runsAsPartnership: organisation?.runsAsPartnership ?? false,
    permissions: permissionsOf(user.role),
  };
}
