import { eq, sql } from "drizzle-orm";

import type { SessionUser } from "../auth/session-user";
import { messages, type UserRole } from "../db/schema";
import { lancashirePlan } from "../seed/lancashire-plan";
import { matrixPaper } from "../services/committee-papers/paper-fixtures";
import { evidenceInput, uploadFile } from "../services/evidence/evidence-fixtures";
import {
  createAgency,
  createBookings,
  createCourse,
  createDepartment,
  createSession,
  createStaff,
  linkAgencyLead,
  linkManager,
  scopeAs,
} from "../test/builders";
import { createTwoOrganisations } from "../test/two-organisations";
import type { TestApp } from "../test/test-app";

/** The ids of one organisation's records, one of each kind the API reads or changes. */
export interface OrganisationRecords {
  id: string;
  name: string;
  users: Record<UserRole, SessionUser>;
  /** A user the users.* procedures may change without touching the role users. */
  spareUserId: string;
  departmentId: string;
  /** The manager user's own staff record. */
  managerStaffId: string;
  /** A member of staff the manager user manages. */
  reportId: string;
  reportEmployeeNumber: string;
  /** The report's agency, which the agency lead user acts for. */
  agencyId: string;
  /** An agency with nobody in it, which the agencies.* procedures may change and archive. */
  spareAgencyId: string;
  courseId: string;
  sessionId: string;
  /** The report's booked nomination on `sessionId`. */
  nominationId: string;
  evidenceId: string;
  revisionId: string;
  recommendationId: string;
  fundingPlanId: string;
  actionId: string;
  committeePaperId: string;
  /** The outbox's message about the report's booking. */
  messageId: string;
  /** A shared programme cost line of 2022/23. */
  programmeCostId: string;
  /** A framework requirement rule (level 1 for everyone). */
  levelRuleId: string;
}

// Every record is named after its organisation, so a leak of one organisation's data into another's
// responses shows up as that name.
async function seedOrganisation(
  app: TestApp,
  organisation: { id: string; users: Record<UserRole, SessionUser> },
  name: string,
): Promise<OrganisationRecords> {
  const { users } = organisation;
  const admin = app.caller(users.admin);
  const adminScope = scopeAs(app, users.admin);
  const department = createDepartment(adminScope, `${name} Housing`);
  const manager = createStaff(adminScope, {
    name: `${name} Manager`,
    departmentId: department.id,
  });
  const agency = createAgency(adminScope, { name: `${name} County Council` });
  const spareAgency = createAgency(adminScope, { name: `${name} Police`, kind: "police" });
  const report = createStaff(adminScope, {
    name: `${name} Report`,
    departmentId: department.id,
    managerId: manager.id,
    agencyId: agency.id,
  });
  const linkedManager = linkManager(adminScope, users.manager, manager.id);
  const linkedLead = linkAgencyLead(adminScope, users.agency_lead, agency.id);
  const course = createCourse(adminScope, { title: `${name} awareness` });
  const session = createSession(adminScope, { courseId: course.id, location: `${name} Hall` });
  const [nomination] = createBookings(adminScope, { sessionId: session.id, staffIds: [report.id] });
  const item = await app
    .caller(users.accreditation_lead)
    .evidence.create(evidenceInput({ title: `${name} policy` }));
  const revision = await uploadFile(app, {
    user: users.accreditation_lead,
    evidenceId: item.id,
    name: `${name} policy.pdf`,
  });
  const recommendation = await app.caller(users.accreditation_lead).recommendations.create({
    reference: "1",
    title: `${name} recommendation`,
    source: `${name} review`,
    owner: `${name} lead`,
  });
  const plan = await admin.funding.create({ name: `${name} plan`, plan: lancashirePlan });
  const action = await app.caller(users.accreditation_lead).actionPlan.create({
    areaId: "partnerships",
    what: `${name} action`,
    owner: `${name} lead`,
    dueDate: "2022-06-30",
    recommendationId: recommendation.id,
    evidenceIds: [item.id],
  });
  const paper = await app
    .caller(users.accreditation_lead)
    .committeePapers.create(matrixPaper(`${name} Scrutiny Committee`, plan.id));
  const cost = await admin.programmeCosts.add({
    financialYearStart: 2022,
    category: "trainers",
    description: `${name} trainer`,
    amountPence: 150_000,
  });
  await admin.trainingFramework.save({
    name: `${name} framework`,
    levels: [{ level: 1, name: `${name} awareness`, defaultRefresherMonths: 36 }],
  });
  const rule = await admin.trainingFramework.addRule({
    scope: "all",
    jobTitleContains: "",
    requiredLevel: 1,
  });
  const spare = await admin.users.create({
    email: `spare@${name.toLowerCase()}.example`,
    name: `${name} spare`,
    role: "viewer",
    password: "a long enough password",
  });
  return {
    id: organisation.id,
    name,
    users: { ...users, manager: linkedManager, agency_lead: linkedLead },
    spareUserId: spare.id,
    departmentId: department.id,
    managerStaffId: manager.id,
    reportId: report.id,
    reportEmployeeNumber: report.employeeNumber,
    agencyId: agency.id,
    spareAgencyId: spareAgency.id,
    courseId: course.id,
    sessionId: session.id,
    nominationId: nomination?.id ?? "",
    evidenceId: item.id,
    revisionId: revision.id,
    recommendationId: recommendation.id,
    fundingPlanId: plan.id,
    actionId: action.id,
    committeePaperId: paper.id,
    messageId: firstMessageId(app, organisation.id),
    programmeCostId: cost.id,
    levelRuleId: rule.id,
  };
}

function firstMessageId(app: TestApp, organisationId: string): string {
  const row = app.db
    .select({ id: messages.id })
    .from(messages)
    .where(eq(messages.organisationId, organisationId))
    .get();
  return row?.id ?? "";
}

/** Two organisations with a record of every kind: "Northshire" (`a`) and "Southshire" (`b`). */
export interface SecurityWorld {
  app: TestApp;
  a: OrganisationRecords;
  b: OrganisationRecords;
}

/** Builds a fresh `SecurityWorld`. */
export async function createSecurityWorld(): Promise<SecurityWorld> {
  const { app, org, other } = await createTwoOrganisations();
  const a = await seedOrganisation(app, org, "Northshire");
  const b = await seedOrganisation(app, other, "Southshire");
  return { app, a, b };
}

/** The tables whose rows belong to an organisation (they have an organisation_id column). */
export function tenantTables(app: TestApp): string[] {
  return app.db
    .all<{ name: string }>(
      sql`select m.name from sqlite_master m where m.type = 'table'
          and exists (select 1 from pragma_table_info(m.name) c where c.name = 'organisation_id')
          order by m.name`,
    )
    .map((row) => row.name);
}

/** Every row an organisation owns, by table: to prove another organisation changed none of it. */
export function rowsOf(app: TestApp, organisationId: string): Record<string, unknown[]> {
  return Object.fromEntries(
    tenantTables(app).map((table) => [
      table,
      app.db.all(
        sql`select * from ${sql.identifier(table)} where organisation_id = ${organisationId} order by rowid`,
      ),
    ]),
  );
}

/** Every text id of an organisation's rows: none may appear in another organisation's responses. */
export function idsOf(app: TestApp, organisationId: string): string[] {
  return Object.values(rowsOf(app, organisationId)).flatMap((rows) =>
    rows.flatMap((row) => {
      const id = (row as { id?: unknown }).id;
      return typeof id === "string" ? [id] : [];
    }),
  );
}
