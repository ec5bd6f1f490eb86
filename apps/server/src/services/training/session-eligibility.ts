import { and, eq } from "drizzle-orm";

import { formatCount } from "@dapkit/schemas";
import type { SessionOpenTo } from "@dapkit/contract";

import type { Queryable } from "../../db/client";
import { sessionAgencies, trainingSessions } from "../../db/schema";
import { AppError } from "../../errors";
import type { Scope } from "../scope";
import { runsAsPartnership } from "../partnership/agencies/agency-reference";
import { agenciesById, sessionAgencyRows, sessionRules } from "./agency-places";

/** Who may book a session of a partnership, as people set it. */
export interface SessionEligibilityValues {
  openTo: SessionOpenTo;
  /** The agencies chosen, or (open to all members) those with places held for them. */
  agencies: { agencyId: string; reservedPlaces: number }[];
  /** When places held per agency are released to everyone. */
  reservedUntil: string | null;
  /** The price of a non-member agency's place; null admits no non-members. */
  nonMemberPricePence: number | null;
}

/** A session open to every member agency, with nothing reserved and no non-members. */
export const OPEN_TO_ALL_MEMBERS: SessionEligibilityValues = {
  openTo: "all_members",
  agencies: [],
  reservedUntil: null,
  nonMemberPricePence: null,
};

/** A session's eligibility as stored (not found for another organisation's session). */
export function currentEligibility(
  db: Queryable,
  scope: Scope,
  sessionId: string,
): SessionEligibilityValues {
  const { openTo, reservedUntil, nonMemberPricePence } = sessionRules(db, scope, sessionId);
  return {
    openTo,
    reservedUntil,
    nonMemberPricePence,
    agencies: sessionAgencyRows(db, scope, sessionId),
  };
}

function invalid(message: string, field: keyof SessionEligibilityValues): never {
  throw new AppError("bad_request", message, { field });
}

// An organisation that is not a partnership has no agencies to choose between.
function assertPartnership(db: Queryable, scope: Scope, values: SessionEligibilityValues): void {
  if (runsAsPartnership(db, scope.user.organisationId)) return;
  const changed = (Object.keys(OPEN_TO_ALL_MEMBERS) as (keyof SessionEligibilityValues)[]).find(
    (field) => JSON.stringify(values[field]) !== JSON.stringify(OPEN_TO_ALL_MEMBERS[field]),
  );
  if (changed !== undefined) {
    invalid("Only a partnership chooses which agencies may book a session", changed);
  }
}

function assertAgencies(
  db: Queryable,
  scope: Scope,
  { values, before }: { values: SessionEligibilityValues; before: SessionEligibilityValues },
): void {
  const ids = values.agencies.map((row) => row.agencyId);
  if (new Set(ids).size !== ids.length) invalid("Choose each agency once", "agencies");
  if (values.openTo === "chosen_agencies" && ids.length === 0) {
    invalid("Choose at least one agency the session is open to", "agencies");
  }
  const known = agenciesById(db, scope);
  const already = new Set(before.agencies.map((row) => row.agencyId));
  for (const id of ids) {
    const agency = known.get(id);
    if (agency === undefined) invalid("Choose agencies of your partnership", "agencies");
    // An agency archived since it was chosen stays chosen; nobody chooses it anew.
    if (agency.archived && !already.has(id)) {
      invalid(`${agency.name} is archived, so cannot be chosen`, "agencies");
    }
    if (!agency.member && values.nonMemberPricePence == null) {
      invalid(
        `Enter the price of a place for non-members: ${agency.name} is not a member agency`,
        "nonMemberPricePence",
      );
    }
  }
}

function assertReservations(
  values: SessionEligibilityValues,
  session: { capacity: number; startsAt: string },
): void {
  const reserved = values.agencies.reduce((sum, row) => sum + row.reservedPlaces, 0);
  if (reserved > session.capacity) {
    invalid(
      `Reserved places (${formatCount(reserved)}) must not be more than the session's ${formatCount(session.capacity)} places`,
      "agencies",
    );
  }
  if (reserved > 0 && values.reservedUntil == null) {
    invalid(
      "Enter the date and time reserved places are released to every agency",
      "reservedUntil",
    );
  }
  if (values.reservedUntil != null && values.reservedUntil >= session.startsAt) {
    invalid("Reserved places must be released before the session starts", "reservedUntil");
  }
}

/**
 * Checks who may book a session and its reserved places against the partnership's rules, naming
 * the field at fault: chosen agencies are the organisation's (at least one when the session is for
 * chosen agencies), a non-member agency needs a non-member price, reserved places fit the session
 * and are released, at a set time, before it starts. Returns the values as stored: the release
 * time in UTC and, for a session open to all members, only agencies with places held.
 */
export function checkedEligibility(
  db: Queryable,
  scope: Scope,
  change: {
    values: SessionEligibilityValues;
    before: SessionEligibilityValues;
    session: { capacity: number; startsAt: string };
  },
): SessionEligibilityValues {
  const { values, before, session } = change;
  const stored = {
    ...values,
    agencies:
      values.openTo === "all_members"
        ? values.agencies.filter((row) => row.reservedPlaces > 0)
        : values.agencies,
    reservedUntil:
      values.reservedUntil == null ? null : new Date(values.reservedUntil).toISOString(),
  };
  // The places held must fit the session whatever changed (its capacity, its start).
  assertReservations(stored, session);
  if (JSON.stringify(stored) === JSON.stringify(before)) return stored;
  assertPartnership(db, scope, stored);
  assertAgencies(db, scope, { values: stored, before });
  return stored;
}

/** Writes a session's eligibility: its columns, and its chosen agencies replaced. */
export function saveEligibility(
  tx: Queryable,
  scope: Scope,
  { sessionId, values }: { sessionId: string; values: SessionEligibilityValues },
): void {
  const organisationId = scope.user.organisationId;
  tx.update(trainingSessions)
    .set({
      openTo: values.openTo,
      reservedUntil: values.reservedUntil,
      nonMemberPricePence: values.nonMemberPricePence,
    })
    .where(
      and(eq(trainingSessions.organisationId, organisationId), eq(trainingSessions.id, sessionId)),
    )
    .run();
  tx.delete(sessionAgencies)
    .where(
      and(
        eq(sessionAgencies.organisationId, organisationId),
        eq(sessionAgencies.sessionId, sessionId),
      ),
    )
    .run();
  if (values.agencies.length === 0) return;
  tx.insert(sessionAgencies)
    .values(values.agencies.map((row) => ({ ...row, organisationId, sessionId })))
    .run();
}
