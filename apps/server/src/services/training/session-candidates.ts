import { and, desc, eq, inArray } from "drizzle-orm";

import { BULK_LIMIT, MAX_PAGE_SIZE, type PageSize } from "@dapkit/contract";
import type { NominationState } from "@dapkit/schemas";
import { hasEnded } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { nominations } from "../../db/schema";
import type { Page } from "../pagination";
import type { Scope } from "../scope";
import { listStaff, type StaffFilters } from "../staff/list-staff";
import type { StaffItem } from "../staff/staff-items";
import { agencyPlaceLedger } from "./agency-places";
import { sessionStart } from "./session-timing";

/** Someone who might be nominated, and where their nomination for the session stands. */
export interface Candidate {
  id: string;
  name: string;
  employeeNumber: string;
  jobTitle: string;
  departmentName: string;
  managerName: string | null;
  nominationState: NominationState | null;
  refusal: string | null;
}

/** What the nominate page asks for: a session, the staff list's filters and a page. */
export type CandidatesInput = Omit<StaffFilters, "active"> & {
  sessionId: string;
  page: number;
  pageSize: PageSize;
};

// Each person's latest nomination for the session: the one that says whether they are in play.
function latestStates(
  db: Queryable,
  scope: Scope,
  input: { sessionId: string; staffIds: readonly string[] },
): Map<string, NominationState> {
  const states = new Map<string, NominationState>();
  if (input.staffIds.length === 0) return states;
  const rows = db
    .select({ staffId: nominations.staffId, state: nominations.state })
    .from(nominations)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.sessionId, input.sessionId),
        inArray(nominations.staffId, [...input.staffIds]),
      ),
    )
    .orderBy(desc(nominations.createdAt))
    .all();
  // A nomination still in play wins over an ended one made in the same instant.
  for (const row of rows) {
    const seen = states.get(row.staffId);
    if (seen === undefined || (hasEnded(seen) && !hasEnded(row.state))) {
      states.set(row.staffId, row.state);
    }
  }
  return states;
}

// The first BULK_LIMIT current staff matching, read a full page at a time.
function everyoneMatching(
  scope: Scope,
  filters: Omit<StaffFilters, "active">,
): { items: StaffItem[]; total: number } {
  const items: StaffItem[] = [];
  let total = 0;
  for (let page = 1; items.length < BULK_LIMIT; page += 1) {
    const batch = listStaff(scope, { ...filters, active: true, page, pageSize: MAX_PAGE_SIZE });
    items.push(...batch.items);
    total = batch.total;
    if (batch.items.length < MAX_PAGE_SIZE) break;
  }
  return { items, total };
}

/**
 * A page of the current staff the user may nominate (a manager: their team), with where each
 * stands for the session, and the ids of everyone matching who is not nominated (or whose
 * nomination was declined or cancelled, so may be nominated again), so a page
 * of 1,000 people can "select all that match" without listing them all.
 */
export function sessionCandidates(
  scope: Scope,
  input: CandidatesInput,
): Page<Candidate> & { selectableIds: string[]; truncated: boolean } {
  const { sessionId, page, pageSize, ...filters } = input;
  // Not found for a session of another organisation, before anything is listed.
  sessionStart(scope.db, scope, sessionId);
  const shown = listStaff(scope, { ...filters, active: true, page, pageSize });
  const matching = everyoneMatching(scope, filters);
  // The session's own rule of who may have a place, so nobody is offered who would be refused.
  const places = agencyPlaceLedger(scope.db, scope, sessionId);
  const states = latestStates(scope.db, scope, {
    sessionId,
    staffIds: [...new Set([...shown.items, ...matching.items].map((person) => person.id))],
  });
  return {
    ...shown,
    items: shown.items.map((person) => ({
      id: person.id,
      name: person.name,
      employeeNumber: person.employeeNumber,
      jobTitle: person.jobTitle,
      departmentName: person.departmentName,
      managerName: person.managerName,
      nominationState: states.get(person.id) ?? null,
      refusal: places.refusal(person.agencyId),
    })),
    selectableIds: matching.items
      .filter((person) => {
        const state = states.get(person.id);
        if (places.refusal(person.agencyId) != null) return false;
        return state === undefined || hasEnded(state);
      })
      .map((person) => person.id),
    truncated: matching.total > matching.items.length,
  };
}
