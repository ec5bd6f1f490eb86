import { and, asc, count, eq } from "drizzle-orm";

import { trainingSessions } from "../../db/schema";
import type { PageRequest } from "@dapkit/contract";

import { pageOf, pageWindow, type Page } from "../pagination";
import type { Scope } from "../scope";
import { withinDays, type DateRange } from "./date-range";
import { selectSessionRows, withPlaces, type SessionItem } from "./session-items";

/** One page of sessions, earliest first, optionally of one course and within a date range. */
export function listSessions(
  scope: Scope,
  input: DateRange & PageRequest & { courseId?: string | undefined },
): Page<SessionItem> {
  const { db, user } = scope;
  const where = and(
    eq(trainingSessions.organisationId, user.organisationId),
    input.courseId === undefined ? undefined : eq(trainingSessions.courseId, input.courseId),
    withinDays(trainingSessions.startsAt, input),
  );
  const { limit, offset } = pageWindow(input);
  const total = db.select({ total: count() }).from(trainingSessions).where(where).get()?.total ?? 0;
  const rows = selectSessionRows(db)
    .where(where)
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(limit)
    .offset(offset)
    .all();
  return pageOf(input, { items: withPlaces(db, scope, rows), total });
}
