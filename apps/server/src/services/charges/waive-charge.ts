import { and, eq } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { charges } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { chargeRows, type ChargeItem } from "./list-charges";

/** Marks a charge waived by the user now, with the reason, and audits it, in the caller's transaction. */
export function writeWaiver(
  tx: Queryable,
  scope: Scope,
  waiver: { id: string; amountPence: number; reason: string },
): void {
  const waived = {
    waivedAt: scope.now.toISOString(),
    waivedByUserId: scope.user.id,
    waiveReason: waiver.reason,
  };
  tx.update(charges)
    .set(waived)
    .where(and(eq(charges.organisationId, scope.user.organisationId), eq(charges.id, waiver.id)))
    .run();
  recordAudit(tx, {
    actor: actorOf(scope.user),
    at: scope.now,
    action: "waive",
    entity: "charge",
    entityId: waiver.id,
    before: { amountPence: waiver.amountPence, waivedAt: null },
    after: {
      amountPence: waiver.amountPence,
      waivedAt: waived.waivedAt,
      waiveReason: waiver.reason,
    },
  });
}

/**
 * Waives a charge, keeping it in the ledger with who waived it, when and why, and in the audit
 * log. A charge is waived once: waiving it again is refused.
 */
export function waiveCharge(scope: Scope, input: { id: string; reason: string }): ChargeItem {
  return scope.db.transaction((tx) => {
    const mine = and(
      eq(charges.organisationId, scope.user.organisationId),
      eq(charges.id, input.id),
    );
    const before = found(tx.select().from(charges).where(mine).get(), "Charge");
    if (before.waivedAt != null) {
      throw new AppError("conflict", "This charge has already been waived", { field: "id" });
    }
    writeWaiver(tx, scope, { id: input.id, amountPence: before.amountPence, reason: input.reason });
    return found(chargeRows(tx, mine)[0], "Charge");
  });
}
