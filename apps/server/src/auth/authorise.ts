import { roleCan, type Access } from "@dapkit/contract";

import type { Context } from "../context";
import { AppError } from "../errors";
import { actorOf } from "../services/actor";
import { recordAudit } from "../services/audit/record-audit";
import type { SessionUser } from "./session-user";

/** The audit action of a request refused because the user's role does not allow it. */
export const ACCESS_REFUSED = "access_refused";

/**
 * The one check of who may do what, for every tRPC procedure and plain HTTP route: `access` is the
 * contract's (`public`, `signedIn` or a permission), `what` names the procedure or route for the
 * audit log. Returns the signed-in user (null only for a public call made signed out).
 *
 * A signed-in user refused for their role is audited, so an administrator can see who tried what.
 * A call made signed out is not: it has no one to attribute it to, and recording each one would
 * let anybody on the network grow the append-only log at will.
 */
export function authorise(ctx: Context, access: "public", what: string): SessionUser | null;
export function authorise(
  ctx: Context,
  access: Exclude<Access, "public">,
  what: string,
): SessionUser;
export function authorise(ctx: Context, access: Access, what: string): SessionUser | null;
export function authorise(ctx: Context, access: Access, what: string): SessionUser | null {
  const user = ctx.session?.user ?? null;
  if (access === "public") return user;
  if (user == null) throw new AppError("unauthorised", "Sign in to continue");
  if (access !== "signedIn" && !roleCan(user.role, access)) {
    recordAudit(ctx.db, {
      actor: actorOf(user),
      at: ctx.now(),
      action: ACCESS_REFUSED,
      entity: "access",
      after: { what, needs: access, role: user.role },
      source: ctx.request.ip,
    });
    throw new AppError("forbidden", "Your role does not allow this");
  }
  return user;
}
