import type { NominationState } from "@dapkit/schemas";

import type { Scope } from "../scope";
import { personRefreshers, type PersonRefresher } from "../staff/person-refreshers";
import { myNominations, type MyNomination } from "./my-nominations";
import { ownStaff } from "./own-staff";

// A nomination still heading for its session: asked for, approved, on the waiting list or booked.
const IN_PLAY: readonly NominationState[] = ["nominated", "approved", "waitlisted", "booked"];

/** The signed-in user's own training; every list empty when they have no linked staff record. */
export interface MyTraining {
  staff: {
    id: string;
    name: string;
    jobTitle: string;
    departmentName: string;
    managerName: string | null;
  } | null;
  upcoming: MyNomination[];
  history: MyNomination[];
  refreshers: PersonRefresher[];
  certificates: MyNomination[];
}

/**
 * What My training shows: sessions to come (soonest first), everything else as history (latest
 * first), refreshers due and the fully attended sessions that have certificates.
 */
export function myTraining(scope: Scope): MyTraining {
  const { db } = scope;
  const person = ownStaff(db, scope);
  if (person == null) {
    return { staff: null, upcoming: [], history: [], refreshers: [], certificates: [] };
  }
  const now = scope.now.toISOString();
  const all = myNominations(db, scope, person.id);
  const isUpcoming = (entry: MyNomination) => IN_PLAY.includes(entry.state) && entry.endsAt > now;
  return {
    staff: {
      id: person.id,
      name: person.name,
      jobTitle: person.jobTitle,
      departmentName: person.departmentName,
      managerName: person.managerName,
    },
    upcoming: all.filter(isUpcoming).reverse(),
    history: all.filter((entry) => !isUpcoming(entry)),
    refreshers: personRefreshers(db, scope, person.id),
    certificates: all.filter((entry) => entry.state === "fully_attended"),
  };
}
