import { and, asc, eq } from "drizzle-orm";

import type { SessionUser } from "../auth/session-user";
import type { AppDeps } from "../context";
import { nominations, staff, users, type UserRole } from "../db/schema";
import { staffOfNomination } from "../services/training/nomination-items";
import { updateUser } from "../services/users/manage-users";

/**
 * Links the demo viewer's account to a member of the demo manager's team who has completed a
 * course, so My training shows history and a certificate, and the manager decides their requests.
 */
export function seedSelfServiceDemo(deps: AppDeps, demoUsers: Record<UserRole, SessionUser>): void {
  const { db } = deps;
  const managerStaffId = db
    .select({ staffId: users.staffId })
    .from(users)
    .where(eq(users.id, demoUsers.manager.id))
    .get()?.staffId;
  if (managerStaffId == null) return;
  const member = db
    .select({ id: staff.id })
    .from(staff)
    .innerJoin(nominations, staffOfNomination)
    .where(
      and(
        eq(staff.managerId, managerStaffId),
        eq(staff.active, true),
        eq(nominations.state, "fully_attended"),
      ),
    )
    .orderBy(asc(staff.employeeNumber))
    .limit(1)
    .get();
  if (member === undefined) return;
  updateUser(
    { db, user: demoUsers.admin, now: deps.now() },
    { id: demoUsers.viewer.id, data: { staffId: member.id } },
  );
}
