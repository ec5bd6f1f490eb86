import { eq } from "drizzle-orm";

import { organisations } from "../../../db/schema";
import { actorOf } from "../../actor";
import { recordAudit } from "../../audit/record-audit";
import type { Scope } from "../../scope";
import { runsAsPartnership } from "./agency-reference";

/** Whether the user's organisation runs as a partnership. */
export function getPartnershipSettings(scope: Scope): { runsAsPartnership: boolean } {
  return { runsAsPartnership: runsAsPartnership(scope.db, scope.user.organisationId) };
}

/** Turns running as a partnership on or off; a change is audited, saving the same is not. */
export function updatePartnershipSettings(
  scope: Scope,
  input: { runsAsPartnership: boolean },
): { runsAsPartnership: boolean } {
  return scope.db.transaction((tx) => {
    const before = { runsAsPartnership: runsAsPartnership(tx, scope.user.organisationId) };
    if (before.runsAsPartnership === input.runsAsPartnership) return before;
    tx.update(organisations)
      .set({ runsAsPartnership: input.runsAsPartnership })
      .where(eq(organisations.id, scope.user.organisationId))
      .run();
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "update",
      entity: "partnership_settings",
      entityId: scope.user.organisationId,
      before,
      after: input,
    });
    return { runsAsPartnership: input.runsAsPartnership };
  });
}
