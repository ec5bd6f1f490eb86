import type { AgencyCostShare, SharingBasis } from "@dapkit/contract";
import { allocateByPercent, allocateByWeight, type Allocation } from "@dapkit/funding";

import type { AgencyActivity } from "./agency-activity";

/** An agency as the split needs it. */
export interface SharingAgency {
  id: string;
  name: string;
}

/** What a year's split works from. */
export interface SharingFacts {
  totalPence: number;
  basis: SharingBasis;
  /** The member agencies sharing the costs (not archived). */
  members: readonly SharingAgency[];
  /** Agreed percentages in hundredths of a per cent, by agency (any agency, even archived). */
  agreed: readonly (SharingAgency & { basisPoints: number })[];
  activity: ReadonlyMap<string | null, AgencyActivity>;
  financialYear: string;
}

/** The shares, adding up exactly to the total, or why there are none yet. */
export interface SharingResult {
  shares: AgencyCostShare[];
  problem: string | null;
}

const NO_ACTIVITY: AgencyActivity = { placesBooked: 0, attendees: 0 };

// One row per agency split for, in the order of the parts the allocation gave back.
function rows(
  agencies: readonly SharingAgency[],
  parts: readonly Allocation[],
  detail: Pick<SharingFacts, "activity"> & { percentOf: (id: string) => number | null },
): AgencyCostShare[] {
  return agencies.map((agency, index) => ({
    agencyId: agency.id,
    agencyName: agency.name,
    percent: detail.percentOf(agency.id),
    ...(detail.activity.get(agency.id) ?? NO_ACTIVITY),
    sharePence: parts[index]?.amountPence ?? 0,
  }));
}

/**
 * Splits a year's programme costs across agencies on the year's basis with @dapkit/funding's
 * largest-remainder allocation, so the shares add up to the total to the penny: equally across
 * the member agencies, by the agreed percentages, or in proportion to the places each booked or
 * the people each sent who attended. Says why when there is nothing to split by.
 */
export function shareCosts(facts: SharingFacts): SharingResult {
  const none = (problem: string): SharingResult => ({ shares: [], problem });
  const byWeight = (weightOf: (agency: SharingAgency) => number): SharingResult => {
    const parts = allocateByWeight(
      facts.totalPence,
      facts.members.map((agency) => ({ key: agency.id, weight: weightOf(agency) })),
    );
    return {
      shares: rows(facts.members, parts, { ...facts, percentOf: () => null }),
      problem: null,
    };
  };
  const activityOf = (agency: SharingAgency) => facts.activity.get(agency.id) ?? NO_ACTIVITY;
  if (facts.basis === "agreed_percentages") {
    const sum = facts.agreed.reduce((total, row) => total + row.basisPoints, 0);
    if (facts.agreed.length === 0 || sum !== 10_000) {
      return none(`Agree each agency's percentage for ${facts.financialYear} to share the costs.`);
    }
    const parts = allocateByPercent(
      facts.totalPence,
      facts.agreed.map((row) => ({ key: row.id, percent: row.basisPoints / 100 })),
    );
    const percent = new Map(facts.agreed.map((row) => [row.id, row.basisPoints / 100]));
    return {
      shares: rows(facts.agreed, parts, { ...facts, percentOf: (id) => percent.get(id) ?? null }),
      problem: null,
    };
  }
  if (facts.members.length === 0) {
    return none("Add the partnership's member agencies to share the costs.");
  }
  if (facts.basis === "equal") return byWeight(() => 1);
  if (facts.basis === "places_booked") {
    return facts.members.some((agency) => activityOf(agency).placesBooked > 0)
      ? byWeight((agency) => activityOf(agency).placesBooked)
      : none(
          `No member agency has booked a place in ${facts.financialYear} yet, so there is nothing to share the costs by.`,
        );
  }
  return facts.members.some((agency) => activityOf(agency).attendees > 0)
    ? byWeight((agency) => activityOf(agency).attendees)
    : none(
        `Nobody from a member agency has attended in ${facts.financialYear} yet, so there is nothing to share the costs by.`,
      );
}
