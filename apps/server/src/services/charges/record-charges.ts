import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";

import { financialYearOf } from "@dapkit/funding";
import { londonWallClock, type NominationState } from "@dapkit/schemas";
import { chargeFor, type ChargeEvent } from "@dapkit/training";

import type { ChargeKind } from "@dapkit/contract";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { agencies, charges, nominations, staff, trainingSessions } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { sessionOfNomination, staffOfNomination } from "../training/nomination-items";
import { activePolicy } from "./charging-policy";
import { writeWaiver } from "./waive-charge";

const replacement = sql`exists (select 1 from nominations as later where later.organisation_id = ${nominations.organisationId} and later.substituted_for_id = ${nominations.id})`;

/** What the policy needs to know about a booking: its agency, its session and any substitute. */
function bookingFacts(tx: Queryable, organisationId: string, ids: readonly string[]) {
  return tx
    .select({
      nominationId: nominations.id,
      staffId: nominations.staffId,
      state: nominations.state,
      sessionId: nominations.sessionId,
      agencyId: agencies.id,
      member: agencies.member,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      nonMemberPricePence: trainingSessions.nonMemberPricePence,
      substitutedForId: nominations.substitutedForId,
      substituted: sql<number>`${replacement}`.mapWith(Boolean),
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .innerJoin(
      agencies,
      and(eq(agencies.organisationId, staff.organisationId), eq(agencies.id, staff.agencyId)),
    )
    .innerJoin(trainingSessions, sessionOfNomination)
    .where(
      and(
        eq(nominations.organisationId, organisationId),
        isNotNull(staff.agencyId),
        inArray(nominations.id, [...ids]),
      ),
    )
    .all();
}

type BookingFacts = ReturnType<typeof bookingFacts>[number];

function minutesOf(booking: BookingFacts): number {
  return Math.round((Date.parse(booking.endsAt) - Date.parse(booking.startsAt)) / 60_000);
}

/** What happened to a booking, in the terms of @dapkit/training's chargeFor. */
export type ChargedEvent = "cancelled" | "not_attended" | "booked";

const KIND_OF: Record<ChargedEvent, ChargeKind> = {
  cancelled: "late_cancellation",
  not_attended: "no_show",
  booked: "non_member_place",
};

function eventOf(what: ChargedEvent, booking: BookingFacts, today: string): ChargeEvent {
  const common = { member: booking.member, substituted: booking.substituted };
  switch (what) {
    case "cancelled":
      return {
        kind: what,
        ...common,
        sessionMinutes: minutesOf(booking),
        sessionDate: londonWallClock(booking.startsAt).date,
        cancelledOn: today,
      };
    case "not_attended":
      return { kind: what, ...common, sessionMinutes: minutesOf(booking) };
    case "booked":
      return {
        kind: what,
        member: booking.member,
        nonMemberPricePence: booking.nonMemberPricePence,
      };
  }
}

/** A booking's place charge, if one is owed (not waived). */
function owedPlaceCharge(tx: Queryable, scope: Scope, nominationId: string) {
  return tx
    .select({ id: charges.id, amountPence: charges.amountPence })
    .from(charges)
    .where(
      and(
        eq(charges.organisationId, scope.user.organisationId),
        eq(charges.nominationId, nominationId),
        eq(charges.kind, "non_member_place"),
        isNull(charges.waivedAt),
      ),
    )
    .get();
}

/**
 * A non-member agency pays for its place when booking, so giving the place up late or not coming
 * costs nothing more; giving it up with enough notice (or to a substitute) waives the place's
 * charge. True when the booking had an owed place charge, which settles the event.
 */
function settledByPlace(
  tx: Queryable,
  scope: Scope,
  facts: { booking: BookingFacts; late: boolean },
): boolean {
  const place = owedPlaceCharge(tx, scope, facts.booking.nominationId);
  if (place === undefined) return false;
  if (!facts.late && facts.booking.state === "cancelled") {
    writeWaiver(tx, scope, { ...place, reason: "Place given up with enough notice" });
  }
  return true;
}

/**
 * Writes to the charges ledger what the organisation's charging policy charges for `what`
 * happening to each of these bookings, in the caller's transaction: nothing unless the
 * organisation runs as a partnership with its policy on, and only for people with an agency.
 * A booking is charged once for each kind at most (the ledger's unique index), so recording an
 * event again charges nothing more. Returns how many charges were written.
 */
export function recordCharges(
  tx: Queryable,
  scope: Scope,
  event: { what: ChargedEvent; nominationIds: readonly string[] },
): number {
  const { what, nominationIds } = event;
  if (nominationIds.length === 0) return 0;
  const active = activePolicy(tx, scope.user.organisationId);
  if (active == null) return 0;
  const today = londonWallClock(scope.now).date;
  let written = 0;
  for (const booking of bookingFacts(tx, scope.user.organisationId, nominationIds)) {
    const charge = chargeFor(active.policy, eventOf(what, booking, today), active.holidays);
    if (what !== "booked" && settledByPlace(tx, scope, { booking, late: charge != null })) {
      continue;
    }
    // A substitute takes over a place already paid for.
    const takesOver = booking.substitutedForId;
    if (what === "booked" && takesOver != null && owedPlaceCharge(tx, scope, takesOver)) continue;
    if (charge == null) continue;
    const sessionDate = londonWallClock(booking.startsAt).date;
    const id = newId();
    const result = tx
      .insert(charges)
      .values({
        id,
        organisationId: scope.user.organisationId,
        agencyId: booking.agencyId,
        kind: KIND_OF[what],
        nominationId: booking.nominationId,
        sessionId: booking.sessionId,
        staffId: booking.staffId,
        amountPence: charge.amountPence,
        financialYearStart: financialYearOf(sessionDate).startYear,
        chargedOn: what === "not_attended" ? sessionDate : today,
        basis: charge.basis,
        createdAt: scope.now.toISOString(),
      })
      .onConflictDoNothing()
      .run();
    if (result.changes === 0) continue;
    written += 1;
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "create",
      entity: "charge",
      entityId: id,
      after: { kind: KIND_OF[what], nominationId: booking.nominationId, ...charge },
    });
  }
  return written;
}

/** The no-shows of a session being closed: its bookings marked as not attended. */
export function noShowsOf(tx: Queryable, scope: Scope, sessionId: string): string[] {
  return tx
    .select({ id: nominations.id })
    .from(nominations)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.sessionId, sessionId),
        eq(nominations.state, "no_show"),
      ),
    )
    .all()
    .map((row) => row.id);
}

/**
 * Keeps the ledger true to a closed session's corrected register: a no-show corrected to
 * attended no longer owes its charge (waived, with the correction's reason, and audited), and a
 * person corrected to a no-show is charged as one, in the caller's transaction.
 */
export function chargesAfterCorrection(
  tx: Queryable,
  scope: Scope,
  correction: { nominationId: string; from: NominationState; to: NominationState; note: string },
): void {
  const { nominationId, from, to, note } = correction;
  if (to === "no_show") {
    recordCharges(tx, scope, { what: "not_attended", nominationIds: [nominationId] });
    return;
  }
  if (from !== "no_show") return;
  const owed = and(
    eq(charges.organisationId, scope.user.organisationId),
    eq(charges.nominationId, nominationId),
    eq(charges.kind, "no_show"),
    isNull(charges.waivedAt),
  );
  const charge = tx
    .select({ id: charges.id, amountPence: charges.amountPence })
    .from(charges)
    .where(owed)
    .get();
  if (charge === undefined) return;
  writeWaiver(tx, scope, { ...charge, reason: `Attendance corrected: ${note}` });
}
