import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { SessionUser } from "../../auth/session-user";
import type { Queryable } from "../../db/client";
import { preparedStatement } from "../../db/prepared";
import { courses, departments, nominations, staff, trainingSessions, users } from "../../db/schema";
import { found } from "../../errors";
import { departmentOfStaff } from "../staff/staff-items";
import { visibleStaff } from "../staff/staff-scope";

const nominator = alias(users, "nominator");

/** Joins a nomination to its member of staff, within the same organisation. */
export const staffOfNomination = and(
  eq(staff.organisationId, nominations.organisationId),
  eq(staff.id, nominations.staffId),
);

/** Joins a nomination to its training session, within the same organisation. */
export const sessionOfNomination = and(
  eq(trainingSessions.organisationId, nominations.organisationId),
  eq(trainingSessions.id, nominations.sessionId),
);

/** Joins a training session to its course, within the same organisation. */
export const courseOfSession = and(
  eq(courses.organisationId, trainingSessions.organisationId),
  eq(courses.id, trainingSessions.courseId),
);

/** A nomination as lists show it: who, which session of which course, where it stands. */
export function selectNominationItems(db: Queryable) {
  return db
    .select({
      id: nominations.id,
      staffId: nominations.staffId,
      staffName: staff.name,
      employeeNumber: staff.employeeNumber,
      departmentId: staff.departmentId,
      departmentName: departments.name,
      sessionId: nominations.sessionId,
      courseId: trainingSessions.courseId,
      courseTitle: courses.title,
      startsAt: trainingSessions.startsAt,
      state: nominations.state,
      reason: nominations.reason,
      mandatory: nominations.mandatory,
      nominatedBy: nominator.name,
      stateChangedAt: nominations.stateChangedAt,
      createdAt: nominations.createdAt,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .innerJoin(departments, departmentOfStaff)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession)
    .innerJoin(nominator, eq(nominator.id, nominations.nominatedBy));
}

/** A nomination with the names a person reads. */
export type NominationItem = ReturnType<ReturnType<typeof selectNominationItems>["all"]>[number];

/** The nominations the user may see (managers: their team's; agency leads: their agency's). */
export function nominationItems(
  db: Queryable,
  user: SessionUser,
  where: SQL | undefined,
): NominationItem[] {
  return selectNominationItems(db)
    .where(and(eq(nominations.organisationId, user.organisationId), visibleStaff(user), where))
    .all();
}

/** A nomination the user may see, or not found. */
export function getNominationItem(db: Queryable, user: SessionUser, id: string): NominationItem {
  return found(nominationItems(db, user, eq(nominations.id, id))[0], "Nomination");
}

// A page's rows are looked up one at a time (see nominationItemsById): compiled once per handle
// rather than once per row.
const itemInOrganisation = and(
  eq(nominations.organisationId, sql.placeholder("organisationId")),
  eq(staff.organisationId, sql.placeholder("organisationId")),
  eq(nominations.id, sql.placeholder("id")),
);
const organisationItemById = preparedStatement((db) =>
  selectNominationItems(db).where(itemInOrganisation).prepare(),
);
const teamItemById = preparedStatement((db) =>
  selectNominationItems(db)
    .where(and(itemInOrganisation, eq(staff.managerId, sql.placeholder("managerId"))))
    .prepare(),
);
const agencyItemById = preparedStatement((db) =>
  selectNominationItems(db)
    .where(and(itemInOrganisation, eq(staff.agencyId, sql.placeholder("agencyId"))))
    .prepare(),
);

// The lookup of one nomination by id that shows only what visibleStaff lets the user see.
function itemLookup(db: Queryable, user: SessionUser) {
  if (user.role === "agency_lead") return agencyItemById(db);
  return user.role === "manager" ? teamItemById(db) : organisationItemById(db);
}

/**
 * The nominations with these ids that the user may see, in the order of `ids`. One lookup by id
 * each: given an IN list of more than a few ids, SQLite (which keeps no statistics here) walks
 * every nomination of the organisation instead, a third of a second at a million nominations.
 */
export function nominationItemsById(
  db: Queryable,
  user: SessionUser,
  ids: readonly string[],
): NominationItem[] {
  // A manager sees their team and an agency lead their agency (visibleStaff); one not linked to a
  // staff record or an agency sees nobody, as `= null` matches nothing.
  const lookup = itemLookup(db, user);
  const values = {
    organisationId: user.organisationId,
    managerId: user.staffId ?? null,
    agencyId: user.agencyId ?? null,
  };
  return ids.flatMap((id) => lookup.all({ ...values, id }));
}
