import { and, eq } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { hasEnded, sessionRefusal, type SessionAction } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { inIds } from "../../db/id-list";
import { nominations, trainingSessions } from "../../db/schema";
import type { Scope } from "../scope";
import { allStaffRecords, type StaffRecord } from "../staff/save-staff";
import { selectSessionRows, withPlaces } from "../training/session-items";

/** Every member of staff of the organisation, by employee number. */
export function staffByEmployeeNumber(tx: Queryable, scope: Scope): Map<string, StaffRecord> {
  return new Map(allStaffRecords(tx, scope).map((record) => [record.employeeNumber, record]));
}

/** Which of these session ids are sessions of the organisation. */
export function knownSessionIds(tx: Queryable, scope: Scope, ids: readonly string[]): Set<string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = tx
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.organisationId, scope.user.organisationId),
        inIds(trainingSessions.id, unique),
      ),
    )
    .all();
  return new Set(rows.map((row) => row.id));
}

/**
 * For each of these sessions of the organisation, why its status refuses `action` now (the
 * message the API gives, naming its start in UK time), or null when it allows it.
 */
export function sessionRefusals(
  tx: Queryable,
  scope: Scope,
  input: { ids: ReadonlySet<string>; action: SessionAction },
): Map<string, string | null> {
  if (input.ids.size === 0) return new Map();
  const rows = selectSessionRows(tx)
    .where(
      and(
        eq(trainingSessions.organisationId, scope.user.organisationId),
        inIds(trainingSessions.id, [...input.ids]),
      ),
    )
    .all();
  return new Map(
    withPlaces(tx, scope, rows).map((session) => [
      session.id,
      sessionRefusal(session, input.action, scope.now),
    ]),
  );
}

/** The key of one person's nomination for one session. */
export function nominationKey(staffId: string, sessionId: string): string {
  return `${sessionId}\u0000${staffId}`;
}

/** A nomination as the imports compare it. */
export interface ExistingNomination {
  id: string;
  staffId: string;
  sessionId: string;
  state: NominationState;
  reason: string;
  mandatory: boolean;
}

/** The nominations for these sessions, by `nominationKey` (the one in play, if any). */
export function nominationsOfSessions(
  tx: Queryable,
  scope: Scope,
  sessionIds: Set<string>,
): Map<string, ExistingNomination> {
  const rows =
    sessionIds.size === 0
      ? []
      : tx
          .select({
            id: nominations.id,
            staffId: nominations.staffId,
            sessionId: nominations.sessionId,
            state: nominations.state,
            reason: nominations.reason,
            mandatory: nominations.mandatory,
          })
          .from(nominations)
          .where(
            and(
              eq(nominations.organisationId, scope.user.organisationId),
              inIds(nominations.sessionId, [...sessionIds]),
            ),
          )
          .all();
  // Someone nominated again after a decline or cancellation has several: the one in play counts.
  const byKey = new Map<string, ExistingNomination>();
  for (const row of rows) {
    const key = nominationKey(row.staffId, row.sessionId);
    const seen = byKey.get(key);
    if (seen === undefined || hasEnded(seen.state)) byKey.set(key, row);
  }
  return byKey;
}
