import { and, eq, inArray } from "drizzle-orm";

import type { Queryable } from "../../db/client";

import type { AttendanceOutcome } from "@dapkit/schemas";

import { nominations, staff } from "../../db/schema";
import { AppError } from "../../errors";
import { chargesAfterCorrection } from "../charges/record-charges";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";
import { changeNomination } from "./nomination-actions";
import { staffOfNomination, type NominationItem } from "./nomination-items";
import { moveNomination, transitionProblem, WRITE_LOCK } from "./nomination-writes";
import { getSessionItem } from "./session-items";
import { assertSessionAction } from "./session-timing";

// Attendance is recorded from the session's start until it is closed; after that a change is a
// correction, which needs a reason (HR and administrators are the only ones who mark at all).
function attendanceAction(
  tx: Queryable,
  scope: Scope,
  input: { sessionId: string; note: string },
): "mark_attendance" | "correct_attendance" {
  if (getSessionItem(tx, scope, input.sessionId).status !== "closed") {
    assertSessionAction(tx, scope, { sessionId: input.sessionId, action: "markAttendance" });
    return "mark_attendance";
  }
  if (input.note === "") {
    throw new AppError(
      "bad_request",
      "Enter the reason for correcting attendance on a closed session",
      { field: "note" },
    );
  }
  return "correct_attendance";
}

/**
 * Marks one booked person's attendance, or corrects a mark (once the session is closed, only with
 * a reason); the same mark again changes nothing.
 */
export function markAttendance(
  scope: Scope,
  input: { nominationId: string; outcome: AttendanceOutcome; note: string },
): NominationItem {
  return changeNomination(scope, input.nominationId, (tx, nomination) => {
    const action = attendanceAction(tx, scope, { sessionId: nomination.sessionId, ...input });
    if (nomination.state === input.outcome) return;
    moveNomination(tx, scope, { nomination, to: input.outcome, note: input.note, action });
    if (action === "correct_attendance") {
      chargesAfterCorrection(tx, scope, {
        nominationId: nomination.id,
        from: nomination.state,
        to: input.outcome,
        note: input.note,
      });
    }
  }).nomination;
}

/** One line of a register. */
export interface AttendanceMark {
  nominationId: string;
  outcome: AttendanceOutcome;
}

/**
 * Marks a whole register in one go, from the session's start until it is closed: every mark or,
 * if any cannot be made, none, with every problem named by person. Marks that repeat what is
 * recorded change nothing.
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
    assertSessionAction(tx, scope, { sessionId: input.sessionId, action: "markAttendance" });
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
