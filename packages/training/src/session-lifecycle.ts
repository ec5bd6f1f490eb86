import {
  describeValue,
  formatCount,
  formatDate,
  formatTime,
  type SessionStatus,
} from "@dapkit/schemas";

import { requireKind } from "./require-kind";
import { TrainingRuleError } from "./training-rule-error";

/**
 * Each session status in words, the same on every screen and export.
 *
 * @example
 * SESSION_STATUS_LABELS.held; // "Held"
 */
export const SESSION_STATUS_LABELS: Readonly<Record<SessionStatus, string>> = Object.freeze({
  open: "Open",
  full: "Full",
  held: "Held",
  closed: "Closed",
  cancelled: "Cancelled",
});

/**
 * What decides a session's status: when it starts (ISO instant), its places, and when it was
 * closed or cancelled (ISO instants, or null).
 */
export interface SessionFacts {
  startsAt: string;
  capacity: number;
  /** Places taken: bookings and attendance outcomes (see `holdsPlace`). */
  booked: number;
  closedAt: string | null;
  cancelledAt: string | null;
}

/**
 * A session's status at `now`. Cancelling and closing are recorded decisions; held follows from
 * the clock (a session is held from the minute it starts); full from its places. Throws
 * `TrainingRuleError` (`invalid_input`) naming a field that is not what `SessionFacts` says.
 *
 * @example
 * sessionStatus(
 *   { startsAt: "2027-04-01T08:30:00Z", capacity: 2, booked: 2, closedAt: null, cancelledAt: null },
 *   new Date("2027-03-01T00:00:00Z"),
 * ); // "full"
 */
export function sessionStatus(session: SessionFacts, now: Date): SessionStatus {
  checkSession(session);
  const at = instantOf(now, "now");
  if (session.cancelledAt != null) return "cancelled";
  if (session.closedAt != null) return "closed";
  if (at >= instantOf(session.startsAt, "session.startsAt")) return "held";
  return session.booked >= session.capacity ? "full" : "open";
}

// Inputs from JavaScript callers are checked, so a wrong one is named rather than misread.
function instantOf(value: unknown, field: string): number {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)
        ? Date.parse(value)
        : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new TrainingRuleError(
      "invalid_input",
      `${field} must be a date and time (got ${describeValue(value)})`,
    );
  }
  return ms;
}

function requireCount(value: unknown, field: string): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new TrainingRuleError(
      "invalid_input",
      `${field} must be a whole number, 0 or more (got ${describeValue(value)})`,
    );
  }
}

function checkSession(session: unknown): asserts session is SessionFacts {
  requireKind(session, "session", "object");
  const facts = session as Record<string, unknown>;
  instantOf(facts.startsAt, "session.startsAt");
  requireCount(facts.capacity, "session.capacity");
  requireCount(facts.booked, "session.booked");
  for (const field of ["closedAt", "cancelledAt"] as const) {
    if (facts[field] != null) instantOf(facts[field], `session.${field}`);
  }
}

/**
 * Something done to a session or its people that depends on where the session is in its life.
 * `correctAttendance` is changing a mark once the session is closed (HR, with a reason).
 */
export type SessionAction =
  | "nominate"
  | "book"
  | "move"
  | "cancel"
  | "markAttendance"
  | "undoAttendance"
  | "close"
  | "correctAttendance";

/**
 * Which actions each status allows. A full session still takes nominations and bookings: they go
 * on the waiting list.
 *
 * @example
 * SESSION_STATUS_ACTIONS.held; // ["markAttendance", "undoAttendance", "close"]
 */
export const SESSION_STATUS_ACTIONS: Readonly<Record<SessionStatus, readonly SessionAction[]>> =
  Object.freeze({
    open: Object.freeze(["nominate", "book", "move", "cancel"] as const),
    full: Object.freeze(["nominate", "book", "move", "cancel"] as const),
    held: Object.freeze(["markAttendance", "undoAttendance", "close"] as const),
    closed: Object.freeze(["correctAttendance"] as const),
    cancelled: Object.freeze([] as const),
  });

/**
 * Says whether a session in this status allows the action.
 *
 * @example
 * sessionAllows("open", "markAttendance"); // false
 */
export function sessionAllows(status: SessionStatus, action: SessionAction): boolean {
  return typeof status === "string" && Object.hasOwn(SESSION_STATUS_ACTIONS, status)
    ? SESSION_STATUS_ACTIONS[status].includes(action)
    : false;
}

// "9:30am on 1 April 2027", in London time.
function startWords(startsAt: string): string {
  return `${formatTime(startsAt)} on ${formatDate(startsAt)}`;
}

// Completes "This session has started at …, so …" and its like for each refused action.
const CONSEQUENCE: Readonly<Record<SessionAction, string>> = {
  nominate: "nobody can be nominated for it",
  book: "nobody can be booked onto it",
  move: "it cannot be moved",
  cancel: "it cannot be cancelled",
  markAttendance: "attendance cannot be recorded",
  undoAttendance: "there is no attendance change to undo",
  close: "it cannot be closed",
  correctAttendance: "attendance cannot be corrected",
};

function explainSessionRefusal(
  session: SessionFacts,
  status: SessionStatus,
  action: SessionAction,
): string {
  const start = startWords(session.startsAt);
  const so = CONSEQUENCE[action];
  if (status === "cancelled") {
    const at = session.cancelledAt == null ? "" : ` on ${formatDate(session.cancelledAt)}`;
    return `This session was cancelled${at}, so ${so}`;
  }
  if (status === "open" || status === "full") {
    if (action === "close") return `This session can be closed once it starts at ${start}`;
    return `Attendance can be recorded from ${start}, when the session starts`;
  }
  if (status === "held") {
    if (action === "correctAttendance")
      return "This session is not closed: record attendance instead";
    return `This session started at ${start}, so ${so}`;
  }
  // Closed: attendance is settled; HR corrects it with a reason instead.
  const closed = session.closedAt == null ? "" : ` on ${formatDate(session.closedAt)}`;
  if (action === "markAttendance" || action === "undoAttendance") {
    return `This session was closed${closed}: HR can correct its attendance, giving a reason`;
  }
  if (action === "close") return `This session was already closed${closed}`;
  return `This session was closed${closed}, so ${so}`;
}

/**
 * Why the session does not allow the action at `now`, in a sentence that names the start date and
 * time in UK time where that is the reason; null when it is allowed.
 *
 * @example
 * sessionRefusal(
 *   { startsAt: "2027-04-01T08:30:00Z", capacity: 20, booked: 3, closedAt: null, cancelledAt: null },
 *   "markAttendance",
 *   new Date("2027-03-01T00:00:00Z"),
 * ); // "Attendance can be recorded from 9:30am on 1 April 2027, when the session starts"
 */
export function sessionRefusal(
  session: SessionFacts,
  action: SessionAction,
  now: Date,
): string | null {
  const status = sessionStatus(session, now);
  if (typeof action !== "string" || !Object.hasOwn(CONSEQUENCE, action)) {
    throw new TrainingRuleError(
      "invalid_input",
      `action must be one of ${Object.keys(CONSEQUENCE).join(", ")} (got ${describeValue(action)})`,
    );
  }
  return sessionAllows(status, action) ? null : explainSessionRefusal(session, status, action);
}

/**
 * Throws `TrainingRuleError` (`invalid_transition`) explaining why the session does not allow the
 * action at `now`; returns its status when it does.
 *
 * @example
 * assertSessionAllows(session, "close", now); // "held"
 */
export function assertSessionAllows(
  session: SessionFacts,
  action: SessionAction,
  now: Date,
): SessionStatus {
  const refusal = sessionRefusal(session, action, now);
  if (refusal != null) throw new TrainingRuleError("invalid_transition", refusal);
  return sessionStatus(session, now);
}

/**
 * Why a session cannot be closed yet: how many bookings still lack an attendance outcome; null
 * when every booking has one.
 *
 * @example
 * closingProblem(3); // "3 bookings have no attendance outcome: record one for each before closing"
 */
export function closingProblem(withoutOutcome: number): string | null {
  requireCount(withoutOutcome, "withoutOutcome");
  if (withoutOutcome === 0) return null;
  const bookings =
    withoutOutcome === 1 ? "1 booking has" : `${formatCount(withoutOutcome)} bookings have`;
  return `${bookings} no attendance outcome: record one for each before closing`;
}
