import { and, count, eq } from "drizzle-orm";

import { trainingSessions } from "../../db/schema";
import { cachedCount } from "../../db/cached-count";
import type { PageRequest } from "@dapkit/contract";

import { keysetPage, selectWindow, type Page } from "../pagination";
import type { Scope } from "../scope";
import { withinDays, type DateRange } from "./date-range";
import { SESSION_ORDER, selectSessionRows, withPlaces, type SessionItem } from "./session-items";

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
  const total = cachedCount(db, db.select({ total: count() }).from(trainingSessions).where(where));
  const page = keysetPage(input, SESSION_ORDER, {
    total,
    fetch: selectWindow(selectSessionRows(db), where),
  });
  return { ...page, items: withPlaces(db, scope, page.items) };
}
