import { and, asc, eq, isNull } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { courses, learningOutcomes } from "../../db/schema";
import { found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";

/** A course's current learning outcomes, in order. */
export interface CourseOutcomes {
  courseId: string;
  courseTitle: string;
  outcomes: { id: string; statement: string }[];
}

/** The current (not archived) learning outcomes of one of the organisation's courses, in order. */
export function currentOutcomes(
  db: Queryable,
  organisationId: string,
  courseId: string,
): { id: string; statement: string }[] {
  return db
    .select({ id: learningOutcomes.id, statement: learningOutcomes.statement })
    .from(learningOutcomes)
    .where(
      and(
        eq(learningOutcomes.organisationId, organisationId),
        eq(learningOutcomes.courseId, courseId),
        isNull(learningOutcomes.archivedAt),
      ),
    )
    .orderBy(asc(learningOutcomes.position))
    .all();
}

function courseTitle(db: Queryable, organisationId: string, courseId: string): string {
  const course = db
    .select({ title: courses.title })
    .from(courses)
    .where(and(eq(courses.organisationId, organisationId), eq(courses.id, courseId)))
    .get();
  return found(course, "Course").title;
}

/** One course's learning outcomes (not found for another organisation's course). */
export function courseOutcomes(scope: Scope, input: { courseId: string }): CourseOutcomes {
  const { organisationId } = scope.user;
  return {
    courseId: input.courseId,
    courseTitle: courseTitle(scope.db, organisationId, input.courseId),
    outcomes: currentOutcomes(scope.db, organisationId, input.courseId),
  };
}

/**
 * Replaces a course's learning outcomes with `outcomes`, in that order. A statement kept word for
 * word keeps its id, so its answers still count; one left out is archived (its answers stay in
 * the results, and no questionnaire asks about it again). Audited.
 */
export function setCourseOutcomes(
  scope: Scope,
  input: { courseId: string; outcomes: string[] },
): CourseOutcomes {
  const { organisationId } = scope.user;
  return scope.db.transaction((tx) => {
    const title = courseTitle(tx, organisationId, input.courseId);
    const before = currentOutcomes(tx, organisationId, input.courseId);
    const kept = new Map(before.map((outcome) => [outcome.statement, outcome.id]));
    const at = scope.now.toISOString();
    for (const outcome of before) {
      if (input.outcomes.includes(outcome.statement)) continue;
      tx.update(learningOutcomes)
        .set({ archivedAt: at })
        .where(
          and(
            eq(learningOutcomes.organisationId, organisationId),
            eq(learningOutcomes.id, outcome.id),
          ),
        )
        .run();
    }
    input.outcomes.forEach((statement, position) => {
      const id = kept.get(statement);
      if (id === undefined) {
        tx.insert(learningOutcomes)
          .values({
            id: newId(),
            organisationId,
            courseId: input.courseId,
            position,
            statement,
            createdAt: at,
          })
          .run();
      } else {
        tx.update(learningOutcomes)
          .set({ position })
          .where(
            and(eq(learningOutcomes.organisationId, organisationId), eq(learningOutcomes.id, id)),
          )
          .run();
      }
    });
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "set_learning_outcomes",
      entity: "course",
      entityId: input.courseId,
      before: { outcomes: before.map((outcome) => outcome.statement) },
      after: { outcomes: input.outcomes },
    });
    return {
      courseId: input.courseId,
      courseTitle: title,
      outcomes: currentOutcomes(tx, organisationId, input.courseId),
    };
  });
}
