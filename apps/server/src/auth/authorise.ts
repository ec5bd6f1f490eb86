import type { SessionUser } from "./session-user";
import type { Context } from "../context";
import type { UserRole } from "../db/schema";
import { AppError } from "../errors";

/**
 * The signed-in user of a plain HTTP route, if their role is one of `roles`; the same rule the
 * tRPC role procedures apply, for routes that stream bytes instead of JSON.
 */
export function authorise(ctx: Context, roles: readonly UserRole[]): SessionUser {
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
