import type { SessionUser } from "./session-user";
import type { Context } from "../context";
import type { UserRole } from "../db/schema";
import { AppError } from "../errors";
import { PERMISSIONS, type Permission } from "./permissions";

/**
 * The signed-in user of a plain HTTP route, if their role has `permission`; the same rule the
 * tRPC role procedures apply, for routes that stream bytes instead of JSON.
 */
export function authorise(ctx: Context, permission: Permission): SessionUser {
  const roles: readonly UserRole[] = PERMISSIONS[permission];
  if (ctx.session == null) throw new AppError("unauthorised", "Sign in to continue");
  if (!roles.includes(ctx.session.user.role)) {
    throw new AppError("forbidden", "Your role does not allow this");
  }
  return ctx.session.user;
}

/** Every role: reading is open to all signed-in users (managers see only their own team). */
export const ALL_ROLES: readonly UserRole[] = [
  "admin",
  "hr",
  "accreditation_lead",
  "manager",
  "viewer",
];
