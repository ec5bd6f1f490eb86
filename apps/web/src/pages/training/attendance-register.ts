import { ATTENDANCE_OUTCOMES, type AttendanceOutcome } from "@dapkit/schemas";

import type { FieldError } from "../../lib/api-errors";

/** The attendance outcomes, in the order the register offers them. */
export const OUTCOMES = ATTENDANCE_OUTCOMES;
/** An attendance outcome. */
export type Outcome = AttendanceOutcome;

/** One person on the register. */
export interface RegisterEntry {
  id: string;
  staffName: string;
  state: string;
}

/** Each nomination's chosen outcome; null until someone chooses. */
export type Marks = Readonly<Record<string, Outcome | null>>;

function isOutcome(state: string): state is Outcome {
  return (OUTCOMES as readonly string[]).includes(state);
}

/** Who belongs on a register: those booked, and those already marked (to correct a mark). */
export function registerEntries<T extends RegisterEntry>(nominations: readonly T[]): T[] {
  return nominations.filter(
    (nomination) => nomination.state === "booked" || isOutcome(nomination.state),
  );
}

/** The register as it opens: recorded outcomes filled in, everyone else blank. */
export function initialMarks(entries: readonly RegisterEntry[]): Marks {
  return Object.fromEntries(
    entries.map((entry) => [entry.id, isOutcome(entry.state) ? entry.state : null]),
  );
}

/** One person's outcome changed. */
export function setMark(marks: Marks, id: string, outcome: Outcome): Marks {
  return { ...marks, [id]: outcome };
}

/** The "mark everyone as fully attended" shortcut: everyone, so the exceptions are then changed. */
export function markAll(marks: Marks, outcome: Outcome): Marks {
  return Object.fromEntries(Object.keys(marks).map((id) => [id, outcome]));
}

/** How many people have each outcome, and how many are not marked yet. */
export function tally(marks: Marks): Record<Outcome | "unmarked", number> {
  const counts = {
    fully_attended: 0,
    partially_attended: 0,
    unable_to_attend: 0,
    no_show: 0,
    unmarked: 0,
  };
  for (const outcome of Object.values(marks)) counts[outcome ?? "unmarked"] += 1;
  return counts;
}

/** The id of a person's first radio, which the error summary links to. */
export function markFieldId(nominationId: string): string {
  return `mark-${nominationId}`;
}

/** An error for everyone not yet marked, in register order. */
export function unmarkedErrors(entries: readonly RegisterEntry[], marks: Marks): FieldError[] {
  return entries
    .filter((entry) => marks[entry.id] == null)
    .map((entry) => ({
      field: markFieldId(entry.id),
      message: `Select whether ${entry.staffName} attended`,
    }));
}

/** The marks to send in the one markAttendanceBulk call. */
export function marksToSave(
  entries: readonly RegisterEntry[],
  marks: Marks,
): { nominationId: string; outcome: Outcome }[] {
  return entries.flatMap((entry) => {
    const outcome = marks[entry.id];
    return outcome == null ? [] : [{ nominationId: entry.id, outcome }];
  });
}
