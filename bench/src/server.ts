// The parts of the tracker server the benchmarks drive. The server publishes only its router
// type, so the benchmarks reach its modules by path; this file is the one place that does, and
// everything the data generator writes goes through these same services and migrations.
export { openApp } from "../../apps/server/src/app";
export { hashPassword } from "../../apps/server/src/auth/passwords";
export type { SessionUser } from "../../apps/server/src/auth/session-user";
export { createContextInner, type AppDeps } from "../../apps/server/src/context";
export type { Db } from "../../apps/server/src/db/client";
export { newId } from "../../apps/server/src/db/ids";
export * as tables from "../../apps/server/src/db/schema";
export { MIGRATIONS_FOLDER } from "../../apps/server/src/paths";
export { createCaller } from "../../apps/server/src/router";
export { writeEvidencePack } from "../../apps/server/src/evidence-pack/write-evidence-pack";
export { addEvidenceRevision } from "../../apps/server/src/services/evidence/add-evidence-revision";
export { createEvidence } from "../../apps/server/src/services/evidence/create-evidence";
export { loadEvidencePack } from "../../apps/server/src/services/evidence/load-evidence-pack";
export { transitionEvidence } from "../../apps/server/src/services/evidence/transition-evidence";
export { importAttendanceCsv } from "../../apps/server/src/services/imports/import-attendance";
export { importNominationsCsv } from "../../apps/server/src/services/imports/import-nominations";
export { importStaffCsv } from "../../apps/server/src/services/imports/import-staff";
export { refreshersDue } from "../../apps/server/src/services/reports/refreshers-due";
export type { Scope } from "../../apps/server/src/services/scope";
export {
  getMessageSettings,
  updateMessageSettings,
} from "../../apps/server/src/services/notifications/message-settings";
export { updateUser } from "../../apps/server/src/services/users/manage-users";
export { createCourse } from "../../apps/server/src/services/training/courses";
export { applyToMany, type ApplyMany } from "../../apps/server/src/services/training/apply-many";
export { createSession } from "../../apps/server/src/services/training/save-session";
export { writeCsv } from "@dapkit/csv";
export { nominate } from "../../apps/server/src/services/training/nominate";
export { withBulkTallies } from "../../apps/server/src/services/training/bulk-tallies";
export {
  insertNominations,
  WRITE_LOCK,
  type NewNomination,
} from "../../apps/server/src/services/training/nomination-writes";
export type { FileStore } from "../../apps/server/src/files/file-store";
export { BUILT_MAIN_ARGS, runServer } from "../../apps/server/src/test/run-server";
