import { assertEvidenceTransition } from "@dapkit/daha";
import { londonToday, type EvidenceStatus } from "@dapkit/schemas";

import { evidenceItems } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { TRANSITION_REASON_REQUIRED, type EvidenceDetail } from "@dapkit/contract";
import {
  getStoredEvidence,
  isEvidenceItem,
  latestRevisionNumber,
  recordEvidenceEvent,
  withStatusOn,
} from "./evidence-queries";
import { readEvidence } from "./get-evidence";
import { assertNotOwnApproval, separationOfDutiesRequired } from "./separation-of-duties";

/**
 * Moves an evidence item to a new status along the DAHA evidence rules, recording who, when and
 * why in its append-only history. It moves from the status it has today, so approved evidence
 * past its expiry date can go straight back to draft to be renewed. Rejecting or expiring needs a
 * reason; approving needs someone other than the item's authors (see `separation-of-duties.ts`).
 */
export function transitionEvidence(
  scope: Scope,
  input: { id: string; to: EvidenceStatus; note: string },
): EvidenceDetail {
  const { db, user, now } = scope;
  const key = { organisationId: user.organisationId, id: input.id };
  const today = londonToday(now);
  const separateApprover = input.to === "approved" && separationOfDutiesRequired(scope);
  return db.transaction((tx) => {
    const before = withStatusOn(getStoredEvidence(tx, key), today);
    assertEvidenceTransition(before.status, input.to);
    if (input.to === "in_review" && latestRevisionNumber(tx, key) === 0) {
      throw new AppError("conflict", "Upload a file before sending this for review", {
        field: "file",
      });
    }
    const reasonNeeded = TRANSITION_REASON_REQUIRED[input.to];
    if (reasonNeeded !== undefined && input.note.trim() === "") {
      throw new AppError("bad_request", reasonNeeded, { field: "note" });
    }
    if (separateApprover) assertNotOwnApproval(tx, { key, approverId: user.id });
    tx.update(evidenceItems)
      .set({ status: input.to, updatedAt: now.toISOString() })
      .where(isEvidenceItem(key))
      .run();
    recordEvidenceEvent(tx, {
      key,
      status: input.to,
      at: now,
      byUserId: user.id,
      note: input.note,
    });
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "transition",
      entity: "evidence",
      entityId: key.id,
      before: { status: before.status },
      after: { status: input.to, note: input.note },
    });
    return readEvidence(tx, { key, today });
  });
}
