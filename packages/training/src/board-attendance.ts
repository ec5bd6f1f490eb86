import { NominationStateSchema, describeValue, type NominationState } from "@dapkit/schemas";

import { isNominationState } from "./nomination-states";
import { requireKind } from "./require-kind";
import { TrainingRuleError } from "./training-rule-error";

/**
 * One nomination as the board's attendance figures count it.
 *
 * @example
 * const record: AttendanceRecord = {
 *   state: "cancelled",
 *   held: true,
 *   unscheduled: false,
 *   substitute: false,
 *   replaced: false,
 *   lateCancellation: true,
 * };
 */
export interface AttendanceRecord {
  readonly state: NominationState;
  /** It held a place at some time: a cancelled nomination that never did is no cancelled booking. */
  readonly held: boolean;
  /** Signed in on the day without a booking (a walk-in). */
  readonly unscheduled: boolean;
  /** Sent in place of another person's booking. */
  readonly substitute: boolean;
  /** A substitute took over its place, so the substitute's booking counts instead of this one. */
  readonly replaced: boolean;
  /** Cancelled inside the charging policy's notice period. */
  readonly lateCancellation: boolean;
}

/**
 * The board's attendance figures for a set of nominations (an agency's, or everyone's).
 *
 * @example
 * const figures: AttendanceFigures = attendanceFigures([]);
 */
export interface AttendanceFigures {
  /** Places booked, including those later cancelled; a substitute's place once, walk-ins never. */
  bookings: number;
  /** Fully or partially attended, walk-ins included. */
  attended: number;
  /** Booked places cancelled (the late ones among them). */
  cancelled: number;
  /** Cancelled places that were cancelled inside the notice period. */
  lateCancellations: number;
  /** Booked people who did not sign in. */
  noShows: number;
  /** People sent in place of someone booked. */
  substitutes: number;
  /** Walk-ins who attended without a booking. */
  unscheduled: number;
  /** attended ÷ bookings as a fraction (above 1 when walk-ins outnumber gaps); null with no bookings. */
  attendanceRate: number | null;
}

const ATTENDED: ReadonlySet<NominationState> = new Set(["fully_attended", "partially_attended"]);
const PLACE_STATES: ReadonlySet<NominationState> = new Set([
  "booked",
  "fully_attended",
  "partially_attended",
  "no_show",
  "unable_to_attend",
]);
const FLAGS = ["held", "unscheduled", "substitute", "replaced", "lateCancellation"] as const;

/**
 * The attendance rate the board reads: attended ÷ bookings as a fraction, or null when nothing was
 * booked (a rate of nothing is no rate). Throws `TrainingRuleError` for counts that are not whole
 * numbers 0 or more.
 *
 * @example
 * attendanceRate(304, 318); // 0.9559748427672956
 * attendanceRate(3, 0); // null
 */
export function attendanceRate(attended: number, bookings: number): number | null {
  for (const [field, value] of [
    ["attended", attended],
    ["bookings", bookings],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new TrainingRuleError(
        "invalid_input",
        `${field} must be a whole number, 0 or more (got ${describeValue(value)})`,
      );
    }
  }
  return bookings === 0 ? null : attended / bookings;
}

function checkRecord(record: AttendanceRecord, index: number): void {
  const at = `records[${String(index)}]`;
  requireKind(record, at, "object");
  if (!isNominationState(record.state)) {
    throw new TrainingRuleError(
      "invalid_input",
      `${at}.state ${describeValue(record.state)} is not a nomination state (${NominationStateSchema.options.join(", ")})`,
    );
  }
  for (const flag of FLAGS) {
    if (typeof record[flag] !== "boolean") {
      throw new TrainingRuleError(
        "invalid_input",
        `${at}.${flag} must be true or false (got ${describeValue(record[flag])})`,
      );
    }
  }
}

/**
 * Counts the board's attendance figures: bookings (places booked, a substituted place once, a
 * cancelled nomination only if it held a place), attended (walk-ins included), cancelled, late
 * cancellations, no-shows, substitutes, unscheduled attendees and the attendance rate,
 * attended ÷ bookings. Throws `TrainingRuleError` (`invalid_input`) naming a record that is not
 * usable.
 *
 * @example
 * const booked = { held: true, unscheduled: false, substitute: false, replaced: false, lateCancellation: false };
 * const figures = attendanceFigures([
 *   { ...booked, state: "fully_attended" },
 *   { ...booked, state: "no_show" },
 *   { ...booked, state: "fully_attended", unscheduled: true },
 * ]);
 * figures.bookings; // 2
 * figures.attendanceRate; // 1
 */
export function attendanceFigures(records: readonly AttendanceRecord[]): AttendanceFigures {
  requireKind(records, "records", "list");
  const figures = {
    bookings: 0,
    attended: 0,
    cancelled: 0,
    lateCancellations: 0,
    noShows: 0,
    substitutes: 0,
    unscheduled: 0,
  };
  records.forEach((record, index) => {
    checkRecord(record, index);
    const attended = ATTENDED.has(record.state);
    if (attended) figures.attended += 1;
    if (record.substitute) figures.substitutes += 1;
    if (record.unscheduled) {
      if (attended) figures.unscheduled += 1;
      return;
    }
    if (record.replaced) return;
    const cancelledBooking = record.state === "cancelled" && record.held;
    if (!cancelledBooking && !PLACE_STATES.has(record.state)) return;
    figures.bookings += 1;
    if (record.state === "no_show") figures.noShows += 1;
    if (!cancelledBooking) return;
    figures.cancelled += 1;
    if (record.lateCancellation) figures.lateCancellations += 1;
  });
  return { ...figures, attendanceRate: attendanceRate(figures.attended, figures.bookings) };
}
