import { londonToday, type EvidenceKind } from "@dapkit/schemas";

import { evidenceItems } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { activeFramework, assertAreaOf } from "./active-framework";
import { assertDatesInOrder, assertEditable } from "./evidence-rules";
import type { EvidenceDetail } from "@dapkit/contract";
import { getStoredEvidence, isEvidenceItem, withStatusOn } from "./evidence-queries";
import { readEvidence } from "./get-evidence";

/** Changes the details of a draft or rejected evidence item (never its status). */
export function updateEvidence(
  scope: Scope,
  input: {
    id: string;
    data: {
      areaId?: string | undefined;
      title?: string | undefined;
      kind?: EvidenceKind | undefined;
      owner?: string | undefined;
      effectiveDate?: string | undefined;
      reviewDate?: string | null | undefined;
      expiryDate?: string | null | undefined;
    };
  },
): EvidenceDetail {
  const { db, user, now } = scope;
  const key = { organisationId: user.organisationId, id: input.id };
  const today = londonToday(now);
  if (input.data.areaId !== undefined) {
    assertAreaOf(activeFramework(user.organisationId), input.data.areaId);
  }
  return db.transaction((tx) => {
    const before = withStatusOn(getStoredEvidence(tx, key), today);
    assertEditable(before.status);
    const { data } = input;
    assertDatesInOrder({
      effectiveDate: data.effectiveDate ?? before.effectiveDate,
      reviewDate: data.reviewDate === undefined ? before.reviewDate : data.reviewDate,
      expiryDate: data.expiryDate === undefined ? before.expiryDate : data.expiryDate,
    });
    tx.update(evidenceItems)
      .set({ ...data, updatedAt: now.toISOString() })
      .where(isEvidenceItem(key))
      .run();
    const after = withStatusOn(getStoredEvidence(tx, key), today);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "update",
      entity: "evidence",
      entityId: key.id,
      before,
      after,
    });
    return readEvidence(tx, { key, today });
  });
}
