import type { SessionUser } from "../auth/session-user";
import type { AuditActor } from "./audit/record-audit";

/** The audit actor for a signed-in user. */
export function actorOf(user: SessionUser): AuditActor {
  return { userId: user.id, organisationId: user.organisationId };
}
