/**
 * A typed client for a running dapkit tracker, with the tracker's procedures, inputs and outputs
 * taken from its API contract (`@dapkit/contract`). Import it from `@dapkit/sdk/client` (or
 * `@dapkit/sdk`); the other subpaths never load it.
 *
 * @packageDocumentation
 */
export type { ApiIssue } from "@dapkit/contract";
export type { CallArgs, ContractClient, MutationCall, QueryCall } from "./tracker/contract-client";
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
export {
  isTrackerError,
  TRACKER_ERROR_CODES,
  TrackerError,
  TrackerSessionError,
  type TrackerErrorCode,
  type TrackerErrorDetails,
} from "./tracker/tracker-error";
export type {
  ContractInputs,
  ContractOutputs,
  TrackerInputs,
  TrackerOutputs,
} from "./tracker/tracker-io";
