/** What a shared programme cost pays for, in the order the costs page lists them. */
export const PROGRAMME_COST_CATEGORIES = ["trainers", "venues", "materials", "other"] as const;

/** What a shared programme cost pays for. */
export type ProgrammeCostCategory = (typeof PROGRAMME_COST_CATEGORIES)[number];

/** Each cost category as people read it, the same on every screen and report. */
export const PROGRAMME_COST_CATEGORY_LABELS: Readonly<Record<ProgrammeCostCategory, string>> = {
  trainers: "Trainers",
  venues: "Venues",
  materials: "Materials",
  other: "Other",
};

/**
 * How a year's programme costs are shared across the member agencies: equally, by percentages the
 * agencies agreed (adding up to 100), or in proportion to the places they booked or the people
 * they sent who attended.
 */
export const SHARING_BASES = ["equal", "agreed_percentages", "places_booked", "attendees"] as const;

/** How a year's programme costs are shared across the member agencies. */
export type SharingBasis = (typeof SHARING_BASES)[number];

/** Each sharing basis as people read it. */
export const SHARING_BASIS_LABELS: Readonly<Record<SharingBasis, string>> = {
  equal: "Equal shares",
  agreed_percentages: "Agreed percentages",
  places_booked: "Places booked",
  attendees: "Attendees",
};

/**
 * Which agencies a framework requirement rule covers: every agency, the agencies of one kind, or
 * one agency.
 */
export const REQUIREMENT_SCOPES = ["all", "agency_kind", "agency"] as const;

/** Which agencies a framework requirement rule covers. */
export type RequirementScope = (typeof REQUIREMENT_SCOPES)[number];

/** Each requirement scope as people read it. */
export const REQUIREMENT_SCOPE_LABELS: Readonly<Record<RequirementScope, string>> = {
  all: "Every agency",
  agency_kind: "Agencies of one kind",
  agency: "One agency",
};
