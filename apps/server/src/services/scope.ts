import type { SessionUser } from "../auth/session-user";
import type { Db } from "../db/client";

/**
 * What a service needs to act for someone: the database, the signed-in user (whose organisation
 * scopes every query) and the time of the request.
 */
export interface Scope {
  db: Db;
  user: SessionUser;
  now: Date;
}

/** The scope of a signed-in procedure call. */
export function scopeOf(ctx: { db: Db; user: SessionUser; now: () => Date }): Scope {
  return { db: ctx.db, user: ctx.user, now: ctx.now() };
}
