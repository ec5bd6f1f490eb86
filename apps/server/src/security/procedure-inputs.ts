import type * as z from "zod";

import type { Contract, ProcedureAt, ProcedurePath } from "@dapkit/contract";

import { lancashirePlan } from "../seed/lancashire-plan";
import { matrixPaper } from "../services/committee-papers/paper-fixtures";
import { evidenceInput } from "../services/evidence/evidence-fixtures";
import { STAFF_COLUMNS } from "../services/imports/import-staff";
import { TEST_PASSWORD } from "../test/test-app";
import type { OrganisationRecords } from "./security-world";

// A well-formed input for every procedure, aimed at one organisation's records. An allowed call
// may still be refused as a conflict or not found (records change as the matrix runs): the role
// tests care only whether the role check let it through, the tenancy tests only that nothing of
// the other organisation comes back or changes.

const SESSION_TIMES = { startsAt: "2022-06-01T09:00:00Z", endsAt: "2022-06-01T12:00:00Z" };
const NEW_PASSWORD = "a different long password";

/** Builds a procedure's input from the records of the organisation it aims at. */
export type InputFor = (r: OrganisationRecords) => unknown;

// What the contract says a procedure takes, so each input below is checked against it.
type ContractInput<Path extends string> =
  ProcedureAt<Contract, Path> extends { input: infer Input }
    ? Input extends z.ZodType
      ? z.input<Input>
      : undefined
    : never;

const inputs = {
  "account.get": () => undefined,
  // A wrong current password: refused after the role check, and the user keeps theirs.
  "account.changePassword": () => ({
    currentPassword: "not the current password",
    newPassword: NEW_PASSWORD,
  }),
  "account.signOutEverywhere": () => undefined,
  "account.recentSignIns": () => undefined,
  "account.tokens.list": () => undefined,
  "account.tokens.create": () => ({ name: "Matrix script", expiresInDays: 30 }),
  "account.tokens.revoke": (r) => ({ id: r.spareUserId }),
  "actionPlan.list": () => ({}),
  "actionPlan.create": (r) => ({
    areaId: "partnerships",
    what: "Matrix action",
    owner: "Matrix owner",
    dueDate: "2022-06-30",
    recommendationId: r.recommendationId,
    evidenceIds: [r.evidenceId],
  }),
  "actionPlan.update": (r) => ({
    id: r.actionId,
    data: { status: "in_progress", evidenceIds: [r.evidenceId] },
  }),
  "audit.list": (r) => ({ userId: r.users.admin.id, from: "2022-04-01", to: "2022-04-30" }),
  "audit.facets": () => undefined,
  "auth.signIn": (r) => ({ email: r.users.viewer.email, password: TEST_PASSWORD }),
  "auth.signOut": () => undefined,
  "auth.me": () => undefined,
  "auth.setPassword": () => ({ token: "matrix-link-token", password: NEW_PASSWORD }),
  "auth.accountLink": () => ({ token: "matrix-link-token" }),
  "auth.setupStatus": () => undefined,
  "charges.policy.get": () => undefined,
  "charges.policy.update": () => ({
    enabled: true,
    noticeWorkingDays: 3,
    halfDayMaxMinutes: 240,
    lateCancellation: { halfDayPence: 5000, fullDayPence: 9000 },
    noShow: { halfDayPence: 5000, fullDayPence: 9000 },
    chargeMemberAgencies: true,
  }),
  "charges.policy.uploadBankHolidays": () => ({
    file: JSON.stringify({
      "england-and-wales": {
        division: "england-and-wales",
        events: [{ title: "Christmas Day", date: "2028-12-25", notes: "", bunting: true }],
      },
    }),
  }),
  "charges.list": (r) => ({ financialYearStart: 2022, agencyId: r.agencyId }),
  // No charge is written in the matrix's world, so a waive is refused as not found after the role check.
  "charges.waive": (r) => ({ id: r.nominationId, reason: "Matrix waiver" }),
  "boardReport.get": () => ({ financialYear: "2022/23" }),
  "committeePapers.list": () => undefined,
  "committeePapers.get": (r) => ({ id: r.committeePaperId }),
  "committeePapers.create": (r) => matrixPaper("Matrix committee", r.fundingPlanId),
  "committeePapers.update": (r) => ({
    id: r.committeePaperId,
    version: 1,
    data: matrixPaper("Matrix committee", r.fundingPlanId),
  }),
  "evaluation.outcomes.get": (r) => ({ courseId: r.courseId }),
  "evaluation.outcomes.set": (r) => ({ courseId: r.courseId, outcomes: ["Matrix outcome"] }),
  "evaluation.questionnaires.list": () => undefined,
  "evaluation.questionnaires.get": (r) => ({ nominationId: r.nominationId, stage: "before" }),
  "evaluation.questionnaires.submit": (r) => ({
    nominationId: r.nominationId,
    stage: "before",
    ratings: [{ outcomeId: r.courseId, confidence: 3 }],
    comment: "Matrix comment",
  }),
  "evaluation.results.get": (r) => ({ courseId: r.courseId }),
  "evidence.framework": () => undefined,
  "evidence.list": () => ({}),
  "evidence.get": (r) => ({ id: r.evidenceId }),
  "evidence.create": () => evidenceInput({ title: "Matrix policy" }),
  "evidence.update": (r) => ({ id: r.evidenceId, data: { owner: "Matrix owner" } }),
  "evidence.transition": (r) => ({ id: r.evidenceId, to: "in_review" }),
  "evidence.readiness": () => ({}),
  "funding.list": () => undefined,
  "funding.get": (r) => ({ id: r.fundingPlanId }),
  "funding.create": () => ({ name: "Matrix plan", plan: lancashirePlan }),
  "funding.update": (r) => ({ id: r.fundingPlanId, data: { name: "Matrix plan renamed" } }),
  "funding.copy": (r) => ({
    id: r.fundingPlanId,
    name: "Matrix scenario",
    scenario: "A partner leaves",
  }),
  "funding.checkTable": () => ({ format: "text", text: "Area,Allocation,Forecast\nA,2,1\n" }),
  "myTraining.overview": () => undefined,
  "myTraining.openSessions": () => ({}),
  "myTraining.request": (r) => ({ sessionId: r.sessionId, reason: "Matrix request" }),
  "myTraining.teamRequests": () => ({}),
  "myTraining.approve": (r) => ({ id: r.nominationId }),
  "myTraining.decline": (r) => ({ id: r.nominationId, note: "Matrix reason" }),
  "organisation.settings.get": () => undefined,
  "organisation.settings.update": () => ({ attendanceTargetPercent: 85 }),
  "partnership.agencies.list": () => ({ includeArchived: true }),
  "partnership.agencies.create": () => ({ name: "Matrix Probation", kind: "probation" }),
  "partnership.agencies.update": (r) => ({ id: r.spareAgencyId, data: { member: false } }),
  // Archiving is refused once done (a conflict): the role check comes first either way.
  "partnership.agencies.archive": (r) => ({ id: r.spareAgencyId }),
  "partnership.settings.get": () => undefined,
  "partnership.settings.update": () => ({ runsAsPartnership: false }),
  "programmeCosts.get": () => ({ financialYearStart: 2022 }),
  "programmeCosts.fundingPlans.list": () => undefined,
  "programmeCosts.add": () => ({
    financialYearStart: 2022,
    category: "venues",
    description: "Matrix venue",
    amountPence: 25_000,
  }),
  "programmeCosts.update": (r) => ({ id: r.programmeCostId, data: { amountPence: 160_000 } }),
  // Removing is refused once done (not found): the role check comes first either way.
  "programmeCosts.remove": (r) => ({ id: r.programmeCostId }),
  "programmeCosts.setYear": (r) => ({
    financialYearStart: 2022,
    basis: "equal",
    fundingPlanId: r.fundingPlanId,
    workstreamKey: "workforce",
  }),
  "recommendations.list": () => undefined,
  "recommendations.get": (r) => ({ id: r.recommendationId }),
  "recommendations.create": () => ({
    reference: "M1",
    title: "Matrix recommendation",
    source: "Matrix review",
    owner: "Matrix owner",
  }),
  "recommendations.update": (r) => ({
    id: r.recommendationId,
    data: { owner: "Matrix owner", areaIds: ["partnerships"] },
  }),
  "recommendations.startFromTemplate": () => ({ template: "oxfordshire-2017" }),
  "recommendations.addUpdate": (r) => ({
    id: r.recommendationId,
    date: "2022-04-01",
    note: "Matrix progress",
  }),
  "reports.uptake": () => ({}),
  "reports.uptakeByManager": () => ({}),
  "reports.refreshersDue": () => ({}),
  "reports.neverTrained": () => undefined,
  "staff.departments.list": () => undefined,
  "staff.departments.create": () => ({ name: "Matrix department" }),
  "staff.departments.update": (r) => ({ id: r.departmentId, data: { name: "Matrix renamed" } }),
  "staff.list": () => ({}),
  "staff.get": (r) => ({ id: r.reportId }),
  "staff.create": (r) => ({
    employeeNumber: "M1",
    name: "Matrix person",
    jobTitle: "Officer",
    departmentId: r.departmentId,
    managerId: r.managerStaffId,
  }),
  "staff.update": (r) => ({ id: r.reportId, data: { jobTitle: "Senior Officer" } }),
  "staff.importCsv": (r) => ({
    csv: `${STAFF_COLUMNS.join(",")}\nM2,Matrix Import,,Officer,Matrix,${r.reportEmployeeNumber},yes,\n`,
  }),
  "training.courses.list": () => undefined,
  "training.courses.create": () => ({ title: "Matrix course", level: 1 }),
  "training.courses.update": (r) => ({ id: r.courseId, data: { level: 2 } }),
  "training.courses.archive": (r) => ({ id: r.courseId }),
  "training.courses.unarchive": (r) => ({ id: r.courseId }),
  "training.sessions.list": () => ({}),
  "training.sessions.get": (r) => ({ id: r.sessionId }),
  "training.sessions.candidates": (r) => ({ sessionId: r.sessionId }),
  "training.sessions.create": (r) => ({
    courseId: r.courseId,
    ...SESSION_TIMES,
    capacity: 10,
    location: "Matrix room",
    trainer: "Matrix trainer",
  }),
  "training.sessions.update": (r) => ({ id: r.sessionId, data: { capacity: 30 } }),
  "training.sessions.cancel": (r) => ({ id: r.sessionId, reason: "Trainer unavailable" }),
  "training.sessions.move": (r) => ({ id: r.sessionId, ...SESSION_TIMES }),
  "training.sessions.close": (r) => ({ id: r.sessionId }),
  "training.nominations.create": (r) => ({ sessionId: r.sessionId, staffIds: [r.reportId] }),
  "training.nominations.list": () => ({}),
  "training.nominations.get": (r) => ({ id: r.nominationId }),
  "training.nominations.approve": (r) => ({ id: r.nominationId }),
  "training.nominations.decline": (r) => ({ id: r.nominationId, note: "Not this time" }),
  "training.nominations.book": (r) => ({ id: r.nominationId }),
  "training.nominations.cancel": (r) => ({ id: r.nominationId, note: "Rota clash" }),
  "training.nominations.applyMany": (r) => ({
    sessionId: r.sessionId,
    action: "book",
    ids: [r.nominationId],
  }),
  "training.nominations.cancelMany": (r) => ({
    sessionId: r.sessionId,
    ids: [r.nominationId],
    note: "Rota clash",
  }),
  "training.attendance.mark": (r) => ({ nominationId: r.nominationId, outcome: "fully_attended" }),
  "training.attendance.markMany": (r) => ({
    sessionId: r.sessionId,
    marks: [{ nominationId: r.nominationId, outcome: "fully_attended" }],
  }),
  "training.attendance.undo": (r) => ({ sessionId: r.sessionId }),
  "training.attendance.addUnscheduled": (r) => ({ sessionId: r.sessionId, staffId: r.reportId }),
  "training.nominations.substitute": (r) => ({
    nominationId: r.nominationId,
    staffId: r.reportId,
    reason: "Off sick",
  }),
  "training.nominations.importCsv": (r) => ({
    csv: `employee_number,session_id,reason,mandatory\n${r.reportEmployeeNumber},${r.sessionId},,no\n`,
  }),
  "training.attendance.importCsv": (r) => ({
    csv: `employee_number,session_id,outcome\n${r.reportEmployeeNumber},${r.sessionId},fully_attended\n`,
  }),
  "trainingFramework.get": () => undefined,
  "trainingFramework.save": () => ({
    name: "Matrix framework",
    levels: [{ level: 1, name: "Matrix awareness", defaultRefresherMonths: 36 }],
  }),
  "trainingFramework.addRule": () => ({
    scope: "agency_kind",
    agencyKind: "police",
    jobTitleContains: "officer",
    requiredLevel: 1,
  }),
  // Removing is refused once done (not found): the role check comes first either way.
  "trainingFramework.removeRule": (r) => ({ id: r.levelRuleId }),
  "trainingFramework.compliance.list": () => ({ asOf: "2022-06-30" }),
  "messages.settings.get": () => undefined,
  "messages.settings.update": () => ({ reminderDays: [7, 1], senderName: "Training team" }),
  "messages.previews": () => undefined,
  "messages.list": (r) => ({ sessionId: r.sessionId }),
  "messages.resend": (r) => ({ id: r.messageId }),
  "users.list": () => undefined,
  "users.create": () => ({
    email: "matrix-user@example.org",
    name: "Matrix user",
    role: "viewer",
    password: NEW_PASSWORD,
  }),
  "users.update": (r) => ({ id: r.spareUserId, data: { name: "Matrix spare" } }),
  "users.invite": () => ({
    email: "matrix-invite@example.org",
    name: "Matrix invite",
    role: "viewer",
  }),
  "users.resetPassword": (r) => ({ id: r.spareUserId }),
  "users.setPassword": (r) => ({ id: r.spareUserId, password: NEW_PASSWORD }),
} satisfies {
  [Path in ProcedurePath<Contract>]: (r: OrganisationRecords) => ContractInput<Path>;
};

/** A well-formed input for every procedure of the contract, by its path. */
export const PROCEDURE_INPUTS: Readonly<Record<string, InputFor>> = inputs;
