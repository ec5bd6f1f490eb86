import { and, eq, inArray } from "drizzle-orm";

import type { AttendanceOutcome } from "@dapkit/schemas";

import { nominations, staff } from "../../db/schema";
import { AppError } from "../../errors";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";
import { changeNomination } from "./nomination-actions";
import { staffOfNomination, type NominationItem } from "./nomination-items";
import { moveNomination, transitionProblem, WRITE_LOCK } from "./nomination-writes";
import { sessionPlaces } from "./session-places";

/** Marks one booked person's attendance, or corrects a mark; the same mark again changes nothing. */
export function markAttendance(
  scope: Scope,
  input: { nominationId: string; outcome: AttendanceOutcome; note: string },
): NominationItem {
  return changeNomination(scope, input.nominationId, (tx, nomination) => {
    if (nomination.state === input.outcome) return;
    moveNomination(tx, scope, {
      nomination,
      to: input.outcome,
      note: input.note,
      action: "mark_attendance",
    });
  }).nomination;
}

/** One line of a register. */
export interface AttendanceMark {
  nominationId: string;
  outcome: AttendanceOutcome;
}

/**
 * Marks a whole register in one go: every mark or, if any cannot be made, none, with every
 * problem named by person. Marks that repeat what is recorded change nothing.
 */
export function markAttendanceBulk(
  scope: Scope,
  input: { sessionId: string; marks: AttendanceMark[] },
): { updated: number; unchanged: number } {
  const ids = input.marks.map((mark) => mark.nominationId);
  if (new Set(ids).size !== ids.length) {
    throw new AppError("bad_request", "Mark each person once", { field: "marks" });
  }
  return scope.db.transaction((tx) => {
    sessionPlaces(tx, scope, input.sessionId);
    const rows = tx
      .select({ id: nominations.id, state: nominations.state, staffName: staff.name })
      .from(nominations)
      .innerJoin(staff, staffOfNomination)
      .where(
        and(
          visibleStaff(scope.user),
          eq(nominations.sessionId, input.sessionId),
          inArray(nominations.id, ids),
        ),
      )
      .all();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const changes = input.marks.flatMap((mark) => {
      const nomination = byId.get(mark.nominationId);
      if (nomination === undefined) {
        throw new AppError("not_found", "A nomination in the register is not on this session", {
          field: "marks",
        });
      }
      return nomination.state === mark.outcome ? [] : [{ nomination, to: mark.outcome }];
    });
    const problems = changes.flatMap(({ nomination, to }) => {
      const problem = transitionProblem(nomination.state, to);
      return problem == null ? [] : [`${nomination.staffName}: ${problem}`];
    });
    if (problems.length > 0) {
      throw new AppError("conflict", problems.join("\n"), { field: "marks" });
    }
    for (const change of changes) {
      moveNomination(tx, scope, { ...change, note: "", action: "mark_attendance" });
    }
    return { updated: changes.length, unchanged: input.marks.length - changes.length };
  }, WRITE_LOCK);
}
