import { users } from "../../db/schema";

/** The user fields that may leave the server (never the password hash). */
export const publicUserColumns = {
  id: users.id,
  organisationId: users.organisationId,
  email: users.email,
  name: users.name,
  role: users.role,
  staffId: users.staffId,
  active: users.active,
  createdAt: users.createdAt,
};
