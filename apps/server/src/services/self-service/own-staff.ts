import { and, eq } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { staff } from "../../db/schema";
import { AppError } from "../../errors";
import type { Scope } from "../scope";
import { selectStaffItems, type StaffItem } from "../staff/staff-items";

/** Why someone with no linked staff record cannot ask for training, and what to do about it. */
export const NOT_LINKED =
  "Your account is not linked to a staff record, so you cannot ask for training yet: ask an administrator to link it on the users page";

/**
 * The user's own staff record, read by their account's link rather than through visibleStaff (a
 * manager's visible staff are their team, which does not include themselves); null if unlinked.
 */
export function ownStaff(db: Queryable, scope: Scope): StaffItem | null {
  const { staffId, organisationId } = scope.user;
  if (staffId == null) return null;
  return (
    selectStaffItems(db)
      .where(and(eq(staff.organisationId, organisationId), eq(staff.id, staffId)))
      .get() ?? null
  );
}

/**
 * The user's own staff record, or a clear refusal saying why they have none. A conflict, not
 * forbidden: the role may ask; the account is not yet set up to.
 */
export function requireOwnStaff(db: Queryable, scope: Scope): StaffItem {
  const person = ownStaff(db, scope);
  if (person == null) throw new AppError("conflict", NOT_LINKED);
  return person;
}
