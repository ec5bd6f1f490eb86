import type { IssueList } from "@dapkit/csv";

import type { Queryable } from "../../db/client";
import type { Scope } from "../scope";
import type { StaffRecord } from "../staff/save-staff";
import {
  knownSessionIds,
  nominationKey,
  nominationsOfSessions,
  staffByEmployeeNumber,
  type ExistingNomination,
} from "./lookups";
import { repeatedLines, type ImportRows, type ValidRow } from "./run-import";

/** A row of a nominations or attendance file, with the person, and their nomination if any. */
export interface RowTarget<T> {
  row: ValidRow<T>;
  person: StaffRecord;
  nomination: ExistingNomination | undefined;
}

/**
 * Finds the member of staff and the session each row names, and their nomination for it. Rows
 * naming nobody, an unknown session, or the same person and session as an earlier line get an
 * issue and are left out.
 */
export function rowTargets<T extends { employee_number: string; session_id: string }>(
  tx: Queryable,
  scope: Scope,
  input: ImportRows<"employee_number" | "session_id", T> & { issues: IssueList },
): RowTarget<T>[] {
  const { rows, raw, issues } = input;
  const people = staffByEmployeeNumber(tx, scope);
  const sessionIds = rows.map((row) => row.value.session_id);
  const sessions = knownSessionIds(tx, scope, sessionIds);
  const existing = nominationsOfSessions(tx, scope, sessions);
  const refuse = (line: number, column: string, message: string): [] => {
    issues.add({ line, column, message });
    return [];
  };
  // Repeats are found among the rows as written, so a repeated line is reported even when it
  // has other problems as well.
  const repeats = repeatedLines(raw, (values) =>
    [values.employee_number.trim(), values.session_id.trim()].join(" on session "),
  );
  for (const [line, { first, values }] of repeats) {
    const number = values.employee_number.trim();
    const who = people.get(number)?.name ?? `Employee number ${number}`;
    refuse(line, "employee_number", `${who} is also on line ${first} for this session`);
  }
  return rows.flatMap((row) => {
    if (repeats.has(row.line)) return [];
    const { employee_number: number, session_id: sessionId } = row.value;
    const person = people.get(number);
    if (person === undefined) {
      const message = `No member of staff has employee number ${number}`;
      return refuse(row.line, "employee_number", message);
    }
    if (!sessions.has(sessionId)) {
      return refuse(row.line, "session_id", `No training session has the id ${sessionId}`);
    }
    return [{ row, person, nomination: existing.get(nominationKey(person.id, sessionId)) }];
  });
}
