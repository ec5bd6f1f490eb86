/**
 * The tracker's API contract: one entry per procedure with its input and output schemas and the
 * permission it needs. The server builds its procedures from it, the web app validates forms with
 * it and the SDK's client takes its types from it, so the three cannot drift apart.
 *
 * @packageDocumentation
 */
export { issueField, type ApiErrorData, type ApiIssue } from "./api-error";
export * from "./account";
export * from "./action-plan";
export * from "./partnership-words";
export * from "./evaluation-words";
export * from "./evaluation";
export * from "./programme-words";
export * from "./agencies";
export * from "./account-words";
export * from "./message-words";
export * from "./messages";
export * from "./audit";
export * from "./auth";
export * from "./board-report";
export * from "./by-id";
export * from "./charges";
export * from "./committee-papers";
export { contract, type Contract } from "./contract";
export { contractEntries, type ProcedureAt, type ProcedurePath } from "./contract-entries";
export * from "./evidence";
export * from "./funding";
export * from "./imports";
export * from "./my-training";
export * from "./organisation";
export * from "./programme-costs";
export * from "./pagination";
export * from "./recommendations";
export * from "./reports";
export * from "./single-sign-on";
export * from "./staff";
export * from "./training";
export * from "./training-framework";
export * from "./users";
export { CSRF_HEADER, CSRF_HEADERS } from "./csrf";
export {
  isProcedure,
  mutation,
  query,
  type Access,
  type ContractTree,
  type ProcedureContract,
} from "./define-procedure";
export {
  PERMISSION_NAMES,
  PERMISSIONS,
  ROLE_LABELS,
  USER_ROLES,
  permissionsOf,
  roleCan,
  type Permission,
  type UserRole,
} from "./roles";
