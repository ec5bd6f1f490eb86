import { and, asc, eq } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { courses } from "../../db/schema";
import { found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { applyPatch, sameFields } from "../patch";
import type { Scope } from "../scope";
import { savedUniquely } from "../unique";

/** The fields of a course that people set. */
export interface CourseValues {
  title: string;
  level: number;
  refresherIntervalMonths: number | null;
  description: string;
}

const COURSE_FIELDS = [
  "title",
  "level",
  "refresherIntervalMonths",
  "description",
] as const satisfies readonly (keyof CourseValues)[];

const courseColumns = {
  id: courses.id,
  title: courses.title,
  level: courses.level,
  refresherIntervalMonths: courses.refresherIntervalMonths,
  description: courses.description,
  createdAt: courses.createdAt,
  archivedAt: courses.archivedAt,
};

/** A course as the API returns it. */
export type CourseItem = CourseValues & {
  id: string;
  createdAt: string;
  archivedAt: string | null;
};

/** Every course of the organisation, by level then title. */
export function listCourses(scope: Scope): CourseItem[] {
  return scope.db
    .select(courseColumns)
    .from(courses)
    .where(eq(courses.organisationId, scope.user.organisationId))
    .orderBy(asc(courses.level), asc(courses.title))
    .all();
}

function getCourse(db: Queryable, scope: Scope, id: string): CourseItem {
  return found(
    db
      .select(courseColumns)
      .from(courses)
      .where(and(eq(courses.organisationId, scope.user.organisationId), eq(courses.id, id)))
      .get(),
    "Course",
  );
}

function titleConflict(title: string | undefined) {
  return { field: "title", message: `A course called ${title ?? "this"} already exists` };
}

/** Adds a course. */
export function createCourse(scope: Scope, input: CourseValues): CourseItem {
  const course = { ...input, id: newId(), createdAt: scope.now.toISOString(), archivedAt: null };
  return savedUniquely(
    () =>
      scope.db.transaction((tx) => {
        tx.insert(courses)
          .values({ ...course, organisationId: scope.user.organisationId })
          .run();
        recordAudit(tx, {
          actor: actorOf(scope.user),
          at: scope.now,
          action: "create",
          entity: "course",
          entityId: course.id,
          after: course,
        });
        return course;
      }),
    titleConflict(input.title),
  );
}

/** Changes a course; saving the same values changes nothing and is not audited. */
export function updateCourse(
  scope: Scope,
  input: { id: string; data: Partial<CourseValues> },
): CourseItem {
  return savedUniquely(
    () =>
      scope.db.transaction((tx) => {
        const before = getCourse(tx, scope, input.id);
        const after = applyPatch(before, input.data);
        if (sameFields(before, after, COURSE_FIELDS)) return before;
        const { id, createdAt: _createdAt, archivedAt: _archivedAt, ...values } = after;
        tx.update(courses)
          .set(values)
          .where(and(eq(courses.organisationId, scope.user.organisationId), eq(courses.id, id)))
          .run();
        recordAudit(tx, {
          actor: actorOf(scope.user),
          at: scope.now,
          action: "update",
          entity: "course",
          entityId: id,
          before,
          after,
        });
        return after;
      }),
    titleConflict(input.data.title),
  );
}

/**
 * Archives a course (its sessions are offered for no new ones, and it leaves the choices for new
 * sessions) or brings it back; its sessions, nominations and history stay as they are. Doing
 * either twice changes nothing the second time.
 */
export function setCourseArchived(
  scope: Scope,
  input: { id: string; archived: boolean },
): CourseItem {
  return scope.db.transaction((tx) => {
    const before = getCourse(tx, scope, input.id);
    if ((before.archivedAt != null) === input.archived) return before;
    const archivedAt = input.archived ? scope.now.toISOString() : null;
    tx.update(courses)
      .set({ archivedAt })
      .where(and(eq(courses.organisationId, scope.user.organisationId), eq(courses.id, input.id)))
      .run();
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: input.archived ? "archive" : "unarchive",
      entity: "course",
      entityId: input.id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt },
    });
    return { ...before, archivedAt };
  });
}
