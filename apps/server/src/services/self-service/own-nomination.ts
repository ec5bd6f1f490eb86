import { and, eq } from "drizzle-orm";

import type { SessionUser } from "../../auth/session-user";
import type { Queryable } from "../../db/client";
import { nominations } from "../../db/schema";
import {
  getNominationItem,
  selectNominationItems,
  type NominationItem,
} from "../training/nomination-items";

/**
 * A nomination the user may see: one of their own (through their account's staff record), or one
 * of the staff their role lets them see. A manager's visible staff are their team, not themselves,
 * so without the first a manager could not download their own certificate from My training.
 */
export function ownOrVisibleNomination(
  db: Queryable,
  user: SessionUser,
  id: string,
): NominationItem {
  const own =
    user.staffId == null
      ? undefined
      : selectNominationItems(db)
          .where(
            and(
              eq(nominations.organisationId, user.organisationId),
              eq(nominations.staffId, user.staffId),
              eq(nominations.id, id),
            ),
          )
          .get();
  return own ?? getNominationItem(db, user, id);
}
