import { londonToday, type EvidenceKind } from "@dapkit/schemas";

import { newId } from "../../db/ids";
import { evidenceItems } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { activeFramework, assertAreaOf } from "./active-framework";
import { assertDatesInOrder } from "./evidence-rules";
import type { EvidenceDetail } from "@dapkit/contract";
import { recordEvidenceEvent } from "./evidence-queries";
import { readEvidence } from "./get-evidence";

/** Adds a draft evidence item against one of the framework's priority areas. */
export function createEvidence(
  scope: Scope,
  input: {
    areaId: string;
    title: string;
    kind: EvidenceKind;
    owner: string;
    effectiveDate: string;
    reviewDate: string | null;
    expiryDate: string | null;
  },
): EvidenceDetail {
  const { db, user, now } = scope;
  const framework = activeFramework(user.organisationId);
  assertAreaOf(framework, input.areaId);
  assertDatesInOrder(input);
  const key = { organisationId: user.organisationId, id: newId() };
  const at = now.toISOString();
  return db.transaction((tx) => {
    tx.insert(evidenceItems)
      .values({
        ...key,
        ...input,
        frameworkId: framework.id,
        status: "draft",
        createdBy: user.id,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    recordEvidenceEvent(tx, { key, status: "draft", at: now, byUserId: user.id, note: "" });
    const created = readEvidence(tx, { key, today: londonToday(now) });
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "create",
      entity: "evidence",
      entityId: key.id,
      after: created,
    });
    return created;
  });
}
