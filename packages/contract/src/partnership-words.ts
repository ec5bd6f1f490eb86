/**
 * The kinds of agency that belong to a domestic abuse partnership, in the order a board's report
 * lists them.
 */
export const AGENCY_KINDS = [
  "county_council",
  "district_council",
  "city_council",
  "police",
  "nhs_trust",
  "probation",
  "voluntary_sector",
  "other",
] as const;

/** The kind of a member agency. */
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Each agency kind as people read it, the same on every screen, export and message. */
export const AGENCY_KIND_LABELS: Readonly<Record<AgencyKind, string>> = {
  county_council: "County council",
  district_council: "District council",
  city_council: "City council",
  police: "Police",
  nhs_trust: "NHS trust",
  probation: "Probation",
  voluntary_sector: "Voluntary sector",
  other: "Other",
};

/**
 * Who may book a session: every member agency, or only the agencies chosen for it. Non-member
 * agencies may book a place only when the session has a price for them.
 */
export const SESSION_OPEN_TO = ["all_members", "chosen_agencies"] as const;

/** Who may book a session. */
export type SessionOpenTo = (typeof SESSION_OPEN_TO)[number];

/** Each choice of who may book a session, as people read it. */
export const SESSION_OPEN_TO_LABELS: Readonly<Record<SessionOpenTo, string>> = {
  all_members: "Every member agency",
  chosen_agencies: "Chosen agencies only",
};

/**
 * What an agency can be charged for under its partnership's charging policy: cancelling inside the
 * notice period, a booked person not signing in, and a place for a non-member agency's person.
 */
export const CHARGE_KINDS = ["late_cancellation", "no_show", "non_member_place"] as const;

/** What a charge is for. */
export type ChargeKind = (typeof CHARGE_KINDS)[number];

/** Each charge kind as people read it, the same on every screen, invoice and export. */
export const CHARGE_KIND_LABELS: Readonly<Record<ChargeKind, string>> = {
  late_cancellation: "Late cancellation",
  no_show: "Did not attend",
  non_member_place: "Non-member place",
};
