import { describeValue } from "@dapkit/schemas";

import { requireKind } from "./require-kind";
import { TrainingRuleError } from "./training-rule-error";

/** Who may book a session: every member agency, or only the agencies chosen for it. */
export type OpenTo = "all_members" | "chosen_agencies";

/** What decides which agencies a session of a partnership is open to. */
export interface SessionEligibility {
  openTo: OpenTo;
  /** The agencies chosen for the session (read only when `openTo` is `chosen_agencies`). */
  agencyIds: readonly string[];
  /** The price of a place for a non-member agency's person; null admits no non-members. */
  nonMemberPricePence: number | null;
}

/** The agency a person books through. */
export interface BookingAgency {
  id: string;
  name: string;
  member: boolean;
  archived: boolean;
}

/** How a session's places stand in a partnership, agency by agency. */
export interface AgencyPlaces {
  capacity: number;
  /** Places taken, by everyone. */
  booked: number;
  /**
   * The places held for each agency that still has some (none once the session's release date
   * has passed), with how many of that agency's people hold places.
   */
  reservations: readonly { agencyId: string; reserved: number; booked: number }[];
}

function fail(message: string): never {
  throw new TrainingRuleError("invalid_input", message);
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== "string") fail(`${field} must be text (got ${describeValue(value)})`);
}

function requireCount(value: unknown, field: string): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    fail(`${field} must be a whole number, 0 or more (got ${describeValue(value)})`);
  }
}

function checkEligibility(session: unknown): asserts session is SessionEligibility {
  requireKind(session, "session", "object");
  const facts = session as Record<string, unknown>;
  if (facts.openTo !== "all_members" && facts.openTo !== "chosen_agencies") {
    fail(
      `session.openTo must be all_members or chosen_agencies (got ${describeValue(facts.openTo)})`,
    );
  }
  requireKind(facts.agencyIds, "session.agencyIds", "list");
  (facts.agencyIds as unknown[]).forEach((id, at) => requireText(id, `session.agencyIds[${at}]`));
  if (facts.nonMemberPricePence != null) {
    requireCount(facts.nonMemberPricePence, "session.nonMemberPricePence");
  }
}

function checkAgency(agency: unknown): asserts agency is BookingAgency {
  requireKind(agency, "agency", "object");
  const facts = agency as Record<string, unknown>;
  requireText(facts.id, "agency.id");
  requireText(facts.name, "agency.name");
  for (const field of ["member", "archived"] as const) {
    if (typeof facts[field] !== "boolean") {
      fail(`agency.${field} must be true or false (got ${describeValue(facts[field])})`);
    }
  }
}

/**
 * Why a session is not open to an agency's people, in words for the person booking; null when it
 * is. Member agencies may book a session open to all members, or one they are chosen for; a
 * non-member agency only when the session has a price for non-members; an archived agency takes
 * no new places. Throws `TrainingRuleError` (`invalid_input`) naming a field that is wrong.
 *
 * @example
 * agencyRefusal(
 *   { openTo: "chosen_agencies", agencyIds: ["police"], nonMemberPricePence: null },
 *   { id: "nhs", name: "Riverside NHS Trust", member: true, archived: false },
 * ); // "Not open to Riverside NHS Trust"
 */
export function agencyRefusal(session: SessionEligibility, agency: BookingAgency): string | null {
  checkEligibility(session);
  checkAgency(agency);
  if (agency.archived) return `${agency.name} is archived, so takes no new places`;
  if (session.openTo === "chosen_agencies" && !session.agencyIds.includes(agency.id)) {
    return `Not open to ${agency.name}`;
  }
  if (!agency.member && session.nonMemberPricePence == null) {
    return `Not open to ${agency.name}: the session has no places for non-member agencies`;
  }
  return null;
}

function checkPlaces(places: unknown): asserts places is AgencyPlaces {
  requireKind(places, "places", "object");
  const facts = places as Record<string, unknown>;
  requireCount(facts.capacity, "places.capacity");
  requireCount(facts.booked, "places.booked");
  requireKind(facts.reservations, "places.reservations", "list");
  (facts.reservations as unknown[]).forEach((entry, at) => {
    const field = `places.reservations[${at}]`;
    requireKind(entry, field, "object");
    const reservation = entry as Record<string, unknown>;
    requireText(reservation.agencyId, `${field}.agencyId`);
    requireCount(reservation.reserved, `${field}.reserved`);
    requireCount(reservation.booked, `${field}.booked`);
  });
}

/**
 * The places an agency's people may still book. Until the release date, places reserved for an
 * agency and not yet taken by its people are held for it; everyone else shares the rest. An
 * agency's people fill its reserved places first, then the shared ones. `agencyId` null (a
 * person in no agency) may book shared places only. Never negative. Throws `TrainingRuleError`
 * (`invalid_input`) naming a field that is wrong.
 *
 * @example
 * const places = {
 *   capacity: 20,
 *   booked: 12,
 *   reservations: [{ agencyId: "police", reserved: 5, booked: 1 }],
 * };
 * placesFreeFor(places, "police"); // 8: its 4 held places and the 4 shared ones
 * placesFreeFor(places, "nhs"); // 4
 */
export function placesFreeFor(places: AgencyPlaces, agencyId: string | null): number {
  checkPlaces(places);
  if (agencyId != null) requireText(agencyId, "agencyId");
  const heldForOthers = places.reservations
    .filter((reservation) => reservation.agencyId !== agencyId)
    .reduce((sum, reservation) => sum + Math.max(0, reservation.reserved - reservation.booked), 0);
  return Math.max(0, places.capacity - places.booked - heldForOthers);
}
