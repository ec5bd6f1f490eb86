import { and, eq } from "drizzle-orm";

import { deleteUserSessions } from "../../auth/session-store";
import { users } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { deliverAccountLink, type LinkDelivery } from "./invite-user";
import { getUser } from "./manage-users";

/**
 * Resets a user's password: ends their sessions at once, makes their next sign-in choose a new
 * password first, and gives them a single-use link (valid 72 hours), by email or through the administrator, where they
 * can choose it now.
 */
export function resetPassword(
  scope: Scope,
  input: { id: string; sendBy: LinkDelivery },
  publicUrl: string | undefined,
) {
  const { db, user: admin, now } = scope;
  return db.transaction((tx) => {
    const before = getUser(tx, admin.organisationId, input.id);
    if (!before.active) {
      throw new AppError("bad_request", "Reactivate this user before resetting their password", {
        field: "id",
      });
    }
    tx.update(users)
      .set({ mustChangePassword: true })
      .where(and(eq(users.organisationId, admin.organisationId), eq(users.id, input.id)))
      .run();
    deleteUserSessions(tx, input.id);
    recordAudit(tx, {
      actor: actorOf(admin),
      at: now,
      action: "reset_password",
      entity: "user",
      entityId: input.id,
    });
    const user = getUser(tx, admin.organisationId, input.id);
    const sendBy = input.sendBy;
    return {
      user,
      ...deliverAccountLink(tx, { scope, user, purpose: "reset", sendBy, publicUrl }),
    };
  });
}
