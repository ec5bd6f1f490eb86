import { sql } from "drizzle-orm";

import type { UserStatus } from "@dapkit/contract";

import { users } from "../../db/schema";

/** The user fields that may leave the server (never the password hash). */
export const publicUserColumns = {
  id: users.id,
  organisationId: users.organisationId,
  email: users.email,
  name: users.name,
  role: users.role,
  staffId: users.staffId,
  agencyId: users.agencyId,
  active: users.active,
  // Invited: never signed in and no password yet (a single-sign-on user is active from their
  // first sign-in).
  status: sql<UserStatus>`case
    when ${users.active} = 0 then 'deactivated'
    when ${users.lastSignInAt} is null and ${users.passwordHash} is null then 'invited'
    else 'active' end`,
  lastSignInAt: users.lastSignInAt,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};
