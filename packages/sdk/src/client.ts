/**
 * A typed client for a running dapkit tracker, with the tracker's procedures, inputs and outputs.
 * Import it from `@dapkit/sdk/client` (or `@dapkit/sdk`); the other subpaths never load it.
 *
 * @packageDocumentation
 */
export type { AppRouter, TrackerErrorShape, TrackerProcedures } from "./tracker/app-router";
export {
  createTrackerClient,
  type TrackerClient,
  type TrackerClientOptions,
  type TrackerFetch,
  type TrackerHeaders,
} from "./tracker/create-tracker-client";
export {
  signInToTracker,
  type SignInToTrackerOptions,
  type TrackerSession,
} from "./tracker/sign-in-to-tracker";
export { isTrackerError, TrackerSessionError, type TrackerError } from "./tracker/tracker-error";
export type { TrackerInputs, TrackerOutputs } from "./tracker/tracker-io";
