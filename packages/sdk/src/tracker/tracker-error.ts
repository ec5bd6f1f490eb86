import type { ApiIssue } from "@dapkit/contract";

/**
 * Why a tracker call failed: the tRPC code the tracker answered with (`BAD_REQUEST` for invalid
 * input, `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `CONFLICT`, `TOO_MANY_REQUESTS`, …), or one of the
 * client's own: `NETWORK_ERROR` when no answer came (tracker down, wrong address, connection lost)
 * and `INVALID_RESPONSE` when something other than the tracker's API answered (a proxy's error page).
 */
export const TRACKER_ERROR_CODES = [
  "PARSE_ERROR",
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "PAYMENT_REQUIRED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_SUPPORTED",
  "TIMEOUT",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNPROCESSABLE_CONTENT",
  "PRECONDITION_REQUIRED",
  "TOO_MANY_REQUESTS",
  "CLIENT_CLOSED_REQUEST",
  "INTERNAL_SERVER_ERROR",
  "NOT_IMPLEMENTED",
  "BAD_GATEWAY",
  "SERVICE_UNAVAILABLE",
  "GATEWAY_TIMEOUT",
  "NETWORK_ERROR",
  "INVALID_RESPONSE",
] as const;

/** One of {@link TRACKER_ERROR_CODES}. */
export type TrackerErrorCode = (typeof TRACKER_ERROR_CODES)[number];

/** What a {@link TrackerError} knows besides its message. */
export interface TrackerErrorDetails {
  readonly code: TrackerErrorCode;
  /** The HTTP status of the tracker's answer; null when none came (`NETWORK_ERROR`). */
  readonly httpStatus: number | null;
  /** The procedure called, e.g. `training.sessions.create`. */
  readonly path: string;
  /** The input field at fault (for an update, the field inside `data`), when there is one. */
  readonly field?: string | null;
  /** Every problem with the input, with its path in the input; null when the input was not at fault. */
  readonly issues?: readonly ApiIssue[] | null;
}

/**
 * What a tracker call rejects with. `message` is written for people; `code` says what kind of
 * failure it was; for invalid input, `field` names the field at fault and `issues` lists every
 * problem (`path`, `code`, `message`), as the tracker's web app shows them beside its fields.
 *
 * @example
 * try {
 *   await tracker.training.courses.create.mutate({ title: "", level: 1 });
 * } catch (error) {
 *   if (isTrackerError(error) && error.code === "BAD_REQUEST") console.error(error.field, error.issues);
 * }
 */
export class TrackerError extends Error {
  override readonly name = "TrackerError";
  readonly code: TrackerErrorCode;
  readonly httpStatus: number | null;
  readonly path: string;
  readonly field: string | null;
  readonly issues: readonly ApiIssue[] | null;

  constructor(message: string, details: TrackerErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.code = details.code;
    this.httpStatus = details.httpStatus;
    this.path = details.path;
    this.field = details.field ?? null;
    this.issues = details.issues ?? null;
  }
}

/**
 * Tells a tracker error (refused, invalid input, not signed in, or the tracker unreachable) from
 * any other exception.
 *
 * @example
 * try {
 *   await tracker.staff.list.query();
 * } catch (error) {
 *   if (isTrackerError(error) && error.code === "UNAUTHORIZED") console.error("Sign in first");
 * }
 */
export function isTrackerError(error: unknown): error is TrackerError {
  return error instanceof TrackerError;
}

/**
 * Thrown by `signInToTracker` when the tracker accepted the sign-in but its session cookie could not
 * be read, which is what happens in a browser (the browser keeps the cookie to itself).
 *
 * @example
 * const error = new TrackerSessionError("No session cookie");
 * error.name; // "TrackerSessionError"
 */
export class TrackerSessionError extends Error {
  override readonly name = "TrackerSessionError";
}
