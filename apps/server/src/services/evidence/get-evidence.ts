import { londonToday } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import type { Scope } from "../scope";
import type { EvidenceDetail } from "@dapkit/contract";
import {
  getStoredEvidence,
  listEvents,
  listRevisions,
  withStatusOn,
  type EvidenceKey,
} from "./evidence-queries";

/** An evidence item with all its files and status history, read through `db` or a transaction. */
export function readEvidence(
  db: Queryable,
  options: { key: EvidenceKey; today: string },
): EvidenceDetail {
  const { key, today } = options;
  return {
    ...withStatusOn(getStoredEvidence(db, key), today),
    revisions: listRevisions(db, key),
    history: listEvents(db, key),
  };
}

/** One of the organisation's evidence items with all its files and status history. */
export function getEvidence(scope: Scope, input: { id: string }): EvidenceDetail {
  return readEvidence(scope.db, {
    key: { organisationId: scope.user.organisationId, id: input.id },
    today: londonToday(scope.now),
  });
}
