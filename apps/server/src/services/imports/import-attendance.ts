import * as z from "zod";

import { AttendanceOutcomeSchema, IdSchema, type AttendanceOutcome } from "@dapkit/schemas";

import type { IssueList } from "@dapkit/csv";

import type { Queryable } from "../../db/client";
import type { Scope } from "../scope";
import { withBulkTallies } from "../training/bulk-tallies";
import { moveNomination, transitionProblem } from "../training/nomination-writes";
import { choiceCell, EmployeeNumberCell } from "./csv-cells";
import { sessionRefusals, type ExistingNomination } from "./lookups";
import { rowTargets } from "./row-targets";
import {
  runImport,
  type ImportHooks,
  type ImportInput,
  type ImportPlan,
  type ImportResult,
  type ImportRows,
} from "./run-import";

/** The columns of an attendance file (a signed register typed up, or a trainer's export). */
export const ATTENDANCE_COLUMNS = ["employee_number", "session_id", "outcome"] as const;

const AttendanceRowSchema = z.object({
  employee_number: EmployeeNumberCell,
  session_id: IdSchema,
  outcome: choiceCell(AttendanceOutcomeSchema),
});

type AttendanceRow = z.output<typeof AttendanceRowSchema>;

function planAttendance(
  tx: Queryable,
  scope: Scope,
  input: {
    rows: ImportRows<(typeof ATTENDANCE_COLUMNS)[number], AttendanceRow>;
    issues: IssueList;
  },
): ImportPlan {
  const { rows, issues } = input;
  const marks: { nomination: ExistingNomination; to: AttendanceOutcome }[] = [];
  let unchanged = 0;
  const targets = rowTargets(tx, scope, { ...rows, issues });
  // Attendance is recorded from a session's start until it is closed, as on the register.
  const refusals = sessionRefusals(tx, scope, {
    ids: new Set(targets.map((target) => target.row.value.session_id)),
    action: "markAttendance",
  });
  for (const { row, person, nomination } of targets) {
    const { line, value } = row;
    const refusal = refusals.get(value.session_id);
    if (refusal != null) {
      issues.add({ line, column: "session_id", message: refusal });
      continue;
    }
    if (nomination === undefined) {
      const message = `${person.name} was not nominated for this session`;
      issues.add({ line, column: "employee_number", message });
      continue;
    }
    if (nomination.state === value.outcome) {
      unchanged += 1;
      continue;
    }
    const problem = transitionProblem(nomination.state, value.outcome);
    if (problem == null) marks.push({ nomination, to: value.outcome });
    else issues.add({ line, column: "outcome", message: `${person.name}: ${problem}` });
  }
  return {
    counts: { created: 0, updated: marks.length, unchanged },
    extra: {},
    apply(write) {
      const moves = marks.map(({ nomination, to }) => ({
        staffId: nomination.staffId,
        from: nomination.state,
        to,
      }));
      // A mark moves only its own nomination (nothing is promoted from a waiting list), so the
      // moves listed are all the state changes the file makes.
      withBulkTallies(write, scope, {
        changes: moves,
        run() {
          for (const mark of marks) {
            moveNomination(write, scope, {
              ...mark,
              note: "Marked from an attendance file",
              action: "mark_attendance",
            });
          }
        },
      });
    },
  };
}

/**
 * Marks attendance from a CSV file (employee_number, session_id, outcome). Outcomes are Totara's
 * words, in any case or spacing ("Fully attended"). All or nothing; a row repeating what is
 * recorded changes nothing, so importing the same file again changes nothing.
 */
export function importAttendanceCsv(
  scope: Scope,
  input: ImportInput,
  hooks: ImportHooks = {},
): ImportResult {
  return runImport(
    scope,
    {
      entity: "attendance",
      columns: ATTENDANCE_COLUMNS,
      row: AttendanceRowSchema,
      plan: (tx, rows, issues) => planAttendance(tx, scope, { rows, issues }),
      nothing: {},
    },
    { ...input, ...hooks },
  );
}
