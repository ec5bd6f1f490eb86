import { and, asc, eq } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";

import { nominationEvents, users } from "../../db/schema";
import type { Scope } from "../scope";
import { getNominationItem, type NominationItem } from "./nomination-items";

/** One entry of a nomination's history. */
export interface NominationHistoryItem {
  state: NominationState;
  at: string;
  byUserId: string;
  /** The name of the user who made the change. */
  by: string;
  note: string;
}

/** A nomination the user may see, with its whole history, oldest first. */
export function getNomination(
  scope: Scope,
  id: string,
): NominationItem & { history: NominationHistoryItem[] } {
  const { db, user } = scope;
  const nomination = getNominationItem(db, user, id);
  const history = db
    .select({
      state: nominationEvents.state,
      at: nominationEvents.at,
      byUserId: nominationEvents.byUserId,
      by: users.name,
      note: nominationEvents.note,
    })
    .from(nominationEvents)
    .innerJoin(users, eq(users.id, nominationEvents.byUserId))
    .where(
      and(
        eq(nominationEvents.organisationId, user.organisationId),
        eq(nominationEvents.nominationId, id),
      ),
    )
    .orderBy(asc(nominationEvents.id))
    .all();
  return { ...nomination, history };
}
