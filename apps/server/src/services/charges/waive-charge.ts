import { and, eq } from "drizzle-orm";

import { charges } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { chargeRows, type ChargeItem } from "./list-charges";

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
    const waivedAt = scope.now.toISOString();
    tx.update(charges)
      .set({ waivedAt, waivedByUserId: scope.user.id, waiveReason: input.reason })
      .where(mine)
      .run();
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "waive",
      entity: "charge",
      entityId: input.id,
      before: { amountPence: before.amountPence, waivedAt: null },
      after: { amountPence: before.amountPence, waivedAt, waiveReason: input.reason },
    });
    return found(chargeRows(tx, mine)[0], "Charge");
  });
}
