import type { SessionUser } from "../auth/session-user";
import type { Db } from "../db/client";
import { scopeOf, type Scope } from "../services/scope";
import {
  createDepartment as saveDepartment,
  listDepartments,
  type DepartmentItem,
} from "../services/staff/departments";
import { createStaff as saveStaff, type NewStaffValues } from "../services/staff/save-staff";
import type { StaffItem } from "../services/staff/staff-items";
import {
  createCourse as saveCourse,
  type CourseValues,
  type CourseItem,
} from "../services/training/courses";
import { bookNomination } from "../services/training/nomination-actions";
import type { NominationItem } from "../services/training/nomination-items";
import { nominate } from "../services/training/nominate";
import { sessionStart } from "../services/training/session-timing";
import {
  createSession as saveSession,
  type SessionValues,
} from "../services/training/save-session";
import type { SessionItem } from "../services/training/session-items";
import { updateUser } from "../services/users/manage-users";
import type { AgencyItem } from "../services/partnership/agencies/agency-items";
import {
  createAgency as saveAgency,
  type AgencyValues,
} from "../services/partnership/agencies/save-agency";

// Test data builders that go through the services, so what they make obeys every rule the API
// does (and is audited). Tests, the demo seed and benchmarks share them. Each takes the scope of
// the user acting (an HR or admin user) and overrides for the fields the caller cares about.

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

/** The scope of `user` on a database whose clock may move (a TestApp, or the seed's own). */
export function scopeAs(app: { db: Db; clock: { now: Date } }, user: SessionUser): Scope {
  return scopeOf({ db: app.db, user, now: () => app.clock.now });
}

/** A department; named "Department N" unless a name is given. */
export function createDepartment(scope: Scope, name = `Department ${next()}`): DepartmentItem {
  return saveDepartment(scope, { name });
}

// Staff built without a department go to one shared department per organisation.
function defaultDepartmentId(scope: Scope): string {
  const name = "Corporate Services";
  return (
    listDepartments(scope).find((department) => department.name === name)?.id ??
    saveDepartment(scope, { name }).id
  );
}

/** An active member of staff with a unique employee number. */
export function createStaff(scope: Scope, overrides: Partial<NewStaffValues> = {}): StaffItem {
  const n = next();
  return saveStaff(scope, {
    employeeNumber: `E${String(n).padStart(5, "0")}`,
    name: `Staff Member ${n}`,
    email: null,
    jobTitle: "Officer",
    departmentId: overrides.departmentId ?? defaultDepartmentId(scope),
    managerId: null,
    active: true,
    ...overrides,
  });
}

/** A level 1 course with a three-year refresher. */
export function createCourse(scope: Scope, overrides: Partial<CourseValues> = {}): CourseItem {
  return saveCourse(scope, {
    title: `Domestic abuse awareness ${next()}`,
    level: 1,
    refresherIntervalMonths: 36,
    description: "",
    ...overrides,
  });
}

/** A three-hour session with 20 places (of a new course unless one is given). */
export function createSession(scope: Scope, overrides: Partial<SessionValues> = {}): SessionItem {
  return saveSession(scope, {
    courseId: overrides.courseId ?? createCourse(scope).id,
    startsAt: "2022-05-10T09:00:00.000Z",
    endsAt: "2022-05-10T12:00:00.000Z",
    capacity: 20,
    location: "Town Hall, Committee Room 2",
    trainer: "Refuge trainer",
    ...overrides,
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The scope as it was the day before a session: tests build a past session's history as it
 * happened, because the service refuses nominations and bookings once a session has started.
 */
export function dayBeforeSession(scope: Scope, sessionId: string): Scope {
  const startsAt = sessionStart(scope.db, scope, sessionId);
  return scope.now < startsAt ? scope : { ...scope, now: new Date(startsAt.getTime() - DAY_MS) };
}

/**
 * Moves a test app's clock to the moment a session starts: attendance can be recorded from then
 * until the session is closed. Builders' scopes keep their own time.
 */
export function startSession(
  app: { db: Db; clock: { now: Date } },
  scope: Scope,
  sessionId: string,
): void {
  app.clock.now = sessionStart(app.db, scope, sessionId);
}

/** Nominates people for a session (as HR would, before it starts). */
export function createNominations(
  scope: Scope,
  input: { sessionId: string; staffIds: string[]; reason?: string; mandatory?: boolean },
): NominationItem[] {
  return nominate(dayBeforeSession(scope, input.sessionId), {
    reason: "",
    mandatory: false,
    ...input,
  });
}

/** Nominates people and books each (into a place or, when full, onto the waiting list). */
export function createBookings(
  scope: Scope,
  input: { sessionId: string; staffIds: string[] },
): NominationItem[] {
  const before = dayBeforeSession(scope, input.sessionId);
  return createNominations(scope, input).map((nomination) =>
    bookNomination(before, { id: nomination.id, note: "" }),
  );
}

/** Links a manager user to their staff record (their reports are the staff they manage). */
export function linkManager(adminScope: Scope, manager: SessionUser, staffId: string): SessionUser {
  updateUser(adminScope, { id: manager.id, data: { staffId } });
  return { ...manager, staffId };
}

/** A member agency of the partnership, "Agency N" unless named. */
export function createAgency(scope: Scope, overrides: Partial<AgencyValues> = {}): AgencyItem {
  return saveAgency(scope, {
    name: `Agency ${next()}`,
    kind: "county_council",
    member: true,
    ...overrides,
  });
}

/** Makes `lead` (an agency lead user) act for `agencyId`, as an administrator would. */
export function linkAgencyLead(
  adminScope: Scope,
  lead: SessionUser,
  agencyId: string,
): SessionUser {
  updateUser(adminScope, { id: lead.id, data: { agencyId } });
  return { ...lead, agencyId };
}
