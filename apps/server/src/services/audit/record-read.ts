import type { SessionUser } from "../../auth/session-user";
import type { Queryable } from "../../db/client";
import { actorOf } from "../actor";
import { recordAudit } from "./record-audit";

/** The audit action of a read of sensitive data: a download or an export. */
export const READ_ACTION = "read";

/**
 * Records that `user` read sensitive data (an evidence file, the evidence pack, an export): who,
 * in which organisation, what, when and from which address. Reads change nothing, so this is
 * their only trace; it is written before the data is sent, so a download cut short still shows.
 */
export function recordRead(
  db: Queryable,
  read: { user: SessionUser; at: Date; source: string; entity: string; entityId?: string },
): void {
  recordAudit(db, {
    actor: actorOf(read.user),
    at: read.at,
    action: READ_ACTION,
    entity: read.entity,
    entityId: read.entityId ?? null,
    source: read.source,
  });
}
