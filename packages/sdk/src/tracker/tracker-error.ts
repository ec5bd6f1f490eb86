import { TRPCClientError } from "@trpc/client";

import type { AppRouter } from "./app-router";

/**
 * What a tracker call rejects with: `message` says what went wrong, `data.code` is the tRPC code
 * (`UNAUTHORIZED`, `FORBIDDEN`, `BAD_REQUEST`, `NOT_FOUND`, …) and `data.field` the field at fault.
 *
 * @example
 * const code: NonNullable<TrackerError["data"]>["code"] = "UNAUTHORIZED";
 */
export type TrackerError = TRPCClientError<AppRouter>;

/**
 * Tells a tracker error (refused, invalid input, not signed in, or the tracker unreachable) from
 * any other exception, and types its `data`.
 *
 * @example
 * try {
 *   await tracker.staff.list.query();
 * } catch (error) {
 *   if (isTrackerError(error) && error.data?.code === "UNAUTHORIZED") console.error("Sign in first");
 * }
 */
export function isTrackerError(error: unknown): error is TrackerError {
  return error instanceof TRPCClientError;
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
