import { and, eq, inArray, notInArray } from "drizzle-orm";

import { ENDED_STATES } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { nominations, staff } from "../../db/schema";
import { AppError } from "../../errors";
import { queueNominatedMessages } from "../notifications/nomination-messages";
import type { Scope } from "../scope";
import { agencyPlaceLedger } from "./agency-places";
import { nominationItemsById, staffOfNomination, type NominationItem } from "./nomination-items";
import { insertNominations, WRITE_LOCK } from "./nomination-writes";
import { assertNotStarted } from "./session-timing";

/** A request to nominate several people for one session. */
export interface NominateInput {
  sessionId: string;
  staffIds: string[];
  reason: string;
  mandatory: boolean;
}

// "Asha Patel", "Asha Patel and Ben Ode", "Asha Patel, Ben Ode and Cy Dee".
function namesOf(names: readonly string[]): string {
  return names.length <= 1
    ? names.join("")
    : `${names.slice(0, -1).join(", ")} and ${names.slice(-1).join("")}`;
}

function isAre(names: readonly string[]): string {
  return names.length === 1 ? "is" : "are";
}

function assertNominees(
  tx: Queryable,
  scope: Scope,
  { sessionId, staffIds }: { sessionId: string; staffIds: readonly string[] },
): void {
  const { user } = scope;
  const found = tx
    .select({
      id: staff.id,
      name: staff.name,
      active: staff.active,
      managerId: staff.managerId,
      agencyId: staff.agencyId,
    })
    .from(staff)
    .where(and(eq(staff.organisationId, user.organisationId), inArray(staff.id, [...staffIds])))
    .all();
  if (found.length !== staffIds.length) throw new AppError("not_found", "Staff member not found");
  // SQLite returns the rows in index order, which is random for random ids: name people in the
  // order they were asked for, so a message reads the same every time.
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = staffIds.flatMap((id) => byId.get(id) ?? []);
  // A manager not linked to a staff record manages nobody (null must not match a null manager).
  const manages = (managerId: string | null) => user.staffId != null && managerId === user.staffId;
  if (user.role === "manager" && !rows.every((row) => manages(row.managerId))) {
    throw new AppError("forbidden", "You can only nominate staff you manage", {
      field: "staffIds",
    });
  }
  // An agency lead with no agency leads nobody (null must not match a person with no agency).
  const leads = (agencyId: string | null) => user.agencyId != null && agencyId === user.agencyId;
  if (user.role === "agency_lead" && !rows.every((row) => leads(row.agencyId))) {
    throw new AppError("forbidden", "You can only nominate your own agency's people", {
      field: "staffIds",
    });
  }
  const inactive = rows.filter((row) => !row.active).map((row) => row.name);
  if (inactive.length > 0) {
    throw new AppError(
      "bad_request",
      `${namesOf(inactive)} ${isAre(inactive)} no longer active, so cannot be nominated`,
      { field: "staffIds" },
    );
  }
  assertOpenToThem(tx, scope, { sessionId, rows });
}

/**
 * In a partnership, refuses people whose agency the session is not open to, naming them under
 * each reason (see @dapkit/training's agencyRefusal).
 */
function assertOpenToThem(
  tx: Queryable,
  scope: Scope,
  { sessionId, rows }: { sessionId: string; rows: { name: string; agencyId: string | null }[] },
): void {
  const places = agencyPlaceLedger(tx, scope, sessionId);
  const refused = new Map<string, string[]>();
  for (const row of rows) {
    const refusal = places.refusal(row.agencyId);
    if (refusal != null) refused.set(refusal, [...(refused.get(refusal) ?? []), row.name]);
  }
  if (refused.size === 0) return;
  const lines = [...refused].map(([refusal, names]) => `${refusal}: ${namesOf(names)}`);
  throw new AppError("conflict", lines.join("\n"), { field: "staffIds" });
}

function assertNotNominated(tx: Queryable, scope: Scope, input: NominateInput): void {
  const already = tx
    .select({ name: staff.name })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.sessionId, input.sessionId),
        inArray(nominations.staffId, input.staffIds),
        notInArray(nominations.state, [...ENDED_STATES]),
      ),
    )
    .orderBy(staff.name)
    .all()
    .map((row) => row.name);
  if (already.length > 0) {
    // One nomination in play per person per session; once declined or cancelled (its history
    // kept) the person may be nominated again.
    throw new AppError(
      "conflict",
      `${namesOf(already)} ${isAre(already)} already nominated for this session`,
      { field: "staffIds" },
    );
  }
}

/**
 * Nominates several people for one session at once: all of them or, if any cannot be nominated,
 * none. Managers may nominate only the people they manage, agency leads only their agency's.
 */
export function nominate(scope: Scope, input: NominateInput): NominationItem[] {
  const staffIds = [...new Set(input.staffIds)];
  return scope.db.transaction((tx) => {
    // Throws not found for a session of another organisation.
    assertNotStarted(tx, scope, { sessionId: input.sessionId, what: "nominated for it" });
    assertNominees(tx, scope, { sessionId: input.sessionId, staffIds });
    assertNotNominated(tx, scope, { ...input, staffIds });
    const ids = insertNominations(
      tx,
      scope,
      staffIds.map((staffId) => ({
        staffId,
        sessionId: input.sessionId,
        reason: input.reason,
        mandatory: input.mandatory,
      })),
    );
    queueNominatedMessages(tx, scope, ids);
    return nominationItemsById(tx, scope.user, ids);
  }, WRITE_LOCK);
}
