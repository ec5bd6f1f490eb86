import { and, count, eq } from "drizzle-orm";

import { agencyRefusal, holdsPlace, placesFreeFor, type BookingAgency } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { agencies, nominations, sessionAgencies, staff, trainingSessions } from "../../db/schema";
import { found } from "../../errors";
import { runsAsPartnership } from "../partnership/agencies/agency-reference";
import type { Scope } from "../scope";
import { staffOfNomination } from "./nomination-items";

/**
 * A session's places as the rules of a partnership see them, read once in the caller's
 * transaction and kept up to date as places are taken: who may book (see @dapkit/training's
 * `agencyRefusal`) and how many places each agency's people may still book (`placesFreeFor`). In
 * an organisation that is not a partnership everyone may book and every free place is shared.
 */
export interface AgencyPlaceLedger {
  /** Why the person cannot have a place on this session, or null when they may. */
  refusal(agencyId: string | null): string | null;
  /** Places the agency's people may book now. */
  free(agencyId: string | null): number;
  /** Places free to anyone at all (reserved or not). */
  freeAtAll(): number;
  /** Counts a place as taken by the agency's person. */
  take(agencyId: string | null): void;
}

/** The organisation's agencies (archived ones too: their people keep their bookings), by id. */
export function agenciesById(db: Queryable, scope: Scope): Map<string, BookingAgency> {
  return new Map(
    db
      .select({
        id: agencies.id,
        name: agencies.name,
        member: agencies.member,
        archivedAt: agencies.archivedAt,
      })
      .from(agencies)
      .where(eq(agencies.organisationId, scope.user.organisationId))
      .all()
      .map(({ archivedAt, ...agency }) => [agency.id, { ...agency, archived: archivedAt != null }]),
  );
}

/** The agencies a session is chosen for, with the places held for each. */
export function sessionAgencyRows(db: Queryable, scope: Scope, sessionId: string) {
  return db
    .select({ agencyId: sessionAgencies.agencyId, reservedPlaces: sessionAgencies.reservedPlaces })
    .from(sessionAgencies)
    .where(
      and(
        eq(sessionAgencies.organisationId, scope.user.organisationId),
        eq(sessionAgencies.sessionId, sessionId),
      ),
    )
    .all();
}

// Places taken on the session by each agency's people (key null: people in no agency).
function bookedByAgency(
  db: Queryable,
  scope: Scope,
  sessionId: string,
): Map<string | null, number> {
  const taken = new Map<string | null, number>();
  const rows = db
    .select({ agencyId: staff.agencyId, state: nominations.state, n: count() })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.sessionId, sessionId),
      ),
    )
    .groupBy(staff.agencyId, nominations.state)
    .all();
  for (const row of rows) {
    if (holdsPlace(row.state)) taken.set(row.agencyId, (taken.get(row.agencyId) ?? 0) + row.n);
  }
  return taken;
}

/** A session's capacity and who may book it (not found for another organisation's session). */
export function sessionRules(db: Queryable, scope: Scope, sessionId: string) {
  return found(
    db
      .select({
        capacity: trainingSessions.capacity,
        openTo: trainingSessions.openTo,
        reservedUntil: trainingSessions.reservedUntil,
        nonMemberPricePence: trainingSessions.nonMemberPricePence,
      })
      .from(trainingSessions)
      .where(
        and(
          eq(trainingSessions.organisationId, scope.user.organisationId),
          eq(trainingSessions.id, sessionId),
        ),
      )
      .get(),
    "Training session",
  );
}

/** Reads a session's places and booking rules for places about to be taken in `db`'s transaction. */
export function agencyPlaceLedger(
  db: Queryable,
  scope: Scope,
  sessionId: string,
): AgencyPlaceLedger {
  const session = sessionRules(db, scope, sessionId);
  const partnership = runsAsPartnership(db, scope.user.organisationId);
  const chosen = partnership ? sessionAgencyRows(db, scope, sessionId) : [];
  const byId = partnership ? agenciesById(db, scope) : new Map<string, BookingAgency>();
  const taken = bookedByAgency(db, scope, sessionId);
  let booked = [...taken.values()].reduce((sum, n) => sum + n, 0);
  // Reserved places are held only until the release date; after it every place is shared.
  const holding = session.reservedUntil != null && scope.now < new Date(session.reservedUntil);
  const reservations = holding ? chosen.filter((row) => row.reservedPlaces > 0) : [];
  const eligibility = { ...session, agencyIds: chosen.map((row) => row.agencyId) };
  return {
    refusal(agencyId) {
      if (!partnership) return null;
      const agency = agencyId == null ? undefined : byId.get(agencyId);
      if (agency === undefined) return "Not in an agency of the partnership";
      return agencyRefusal(eligibility, agency);
    },
    free(agencyId) {
      return placesFreeFor(
        {
          capacity: session.capacity,
          booked,
          reservations: reservations.map((row) => ({
            agencyId: row.agencyId,
            reserved: row.reservedPlaces,
            booked: taken.get(row.agencyId) ?? 0,
          })),
        },
        agencyId,
      );
    },
    freeAtAll() {
      return Math.max(0, session.capacity - booked);
    },
    take(agencyId) {
      booked += 1;
      taken.set(agencyId, (taken.get(agencyId) ?? 0) + 1);
    },
  };
}
