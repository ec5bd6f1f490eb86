import { describe, expect, test } from "vitest";
import * as z from "zod";

import { contract } from "./contract";
import { contractEntries } from "./contract-entries";
import { PageInputSchema } from "./pagination";
import { PERMISSION_NAMES } from "./roles";
import { RefreshersInputSchema, UptakeByManagerInputSchema, UptakeInputSchema } from "./reports";
import { NominateInputSchema } from "./training";
import { CreateUserInputSchema, MIN_PASSWORD_LENGTH } from "./users";

const entries = contractEntries(contract);

// The messages people see for an input, by the path of each problem.
function problems(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join("."), issue.message]),
  );
}

describe("the tracker's contract", () => {
  test("names exactly the API's procedures", () => {
    expect(entries.map(([path]) => path)).toMatchInlineSnapshot(`
      [
        "account.get",
        "account.changePassword",
        "account.signOutEverywhere",
        "account.recentSignIns",
        "account.tokens.list",
        "account.tokens.create",
        "account.tokens.revoke",
        "actionPlan.list",
        "actionPlan.create",
        "actionPlan.update",
        "audit.list",
        "audit.facets",
        "auth.signIn",
        "auth.signOut",
        "auth.me",
        "auth.setPassword",
        "auth.accountLink",
        "auth.setupStatus",
        "boardReport.get",
        "charges.policy.get",
        "charges.policy.update",
        "charges.policy.uploadBankHolidays",
        "charges.list",
        "charges.waive",
        "committeePapers.list",
        "committeePapers.get",
        "committeePapers.create",
        "committeePapers.update",
        "evaluation.outcomes.get",
        "evaluation.outcomes.set",
        "evaluation.questionnaires.list",
        "evaluation.questionnaires.get",
        "evaluation.questionnaires.submit",
        "evaluation.results.get",
        "evidence.framework",
        "evidence.list",
        "evidence.get",
        "evidence.create",
        "evidence.update",
        "evidence.transition",
        "evidence.readiness",
        "funding.list",
        "funding.get",
        "funding.create",
        "funding.update",
        "funding.copy",
        "funding.checkTable",
        "messages.settings.get",
        "messages.settings.update",
        "messages.previews",
        "messages.list",
        "messages.resend",
        "myTraining.overview",
        "myTraining.openSessions",
        "myTraining.request",
        "myTraining.teamRequests",
        "myTraining.approve",
        "myTraining.decline",
        "organisation.settings.get",
        "organisation.settings.update",
        "partnership.agencies.list",
        "partnership.agencies.create",
        "partnership.agencies.update",
        "partnership.agencies.archive",
        "partnership.settings.get",
        "partnership.settings.update",
        "programmeCosts.get",
        "programmeCosts.fundingPlans.list",
        "programmeCosts.add",
        "programmeCosts.update",
        "programmeCosts.remove",
        "programmeCosts.setYear",
        "recommendations.list",
        "recommendations.get",
        "recommendations.create",
        "recommendations.update",
        "recommendations.addUpdate",
        "recommendations.startFromTemplate",
        "reports.uptake",
        "reports.uptakeByManager",
        "reports.refreshersDue",
        "reports.neverTrained",
        "staff.departments.list",
        "staff.departments.create",
        "staff.departments.update",
        "staff.list",
        "staff.get",
        "staff.create",
        "staff.update",
        "staff.importCsv",
        "training.courses.list",
        "training.courses.create",
        "training.courses.update",
        "training.courses.archive",
        "training.courses.unarchive",
        "training.sessions.list",
        "training.sessions.get",
        "training.sessions.candidates",
        "training.sessions.create",
        "training.sessions.update",
        "training.sessions.cancel",
        "training.sessions.move",
        "training.sessions.close",
        "training.nominations.list",
        "training.nominations.get",
        "training.nominations.create",
        "training.nominations.approve",
        "training.nominations.decline",
        "training.nominations.book",
        "training.nominations.cancel",
        "training.nominations.applyMany",
        "training.nominations.cancelMany",
        "training.nominations.substitute",
        "training.nominations.importCsv",
        "training.attendance.mark",
        "training.attendance.markMany",
        "training.attendance.undo",
        "training.attendance.addUnscheduled",
        "training.attendance.importCsv",
        "trainingFramework.get",
        "trainingFramework.save",
        "trainingFramework.addRule",
        "trainingFramework.removeRule",
        "trainingFramework.compliance.list",
        "users.list",
        "users.create",
        "users.update",
        "users.invite",
        "users.resetPassword",
        "users.setPassword",
      ]
    `);
  });

  test.each(entries)(
    "%s: a known access, zod schemas, and only signing in, set-up and me are public",
    (path, entry) => {
      const access: readonly string[] = ["public", "signedIn", ...PERMISSION_NAMES];
      expect(access).toContain(entry.access);
      expect(entry.output).toBeInstanceOf(z.ZodType);
      if (entry.input !== undefined) expect(entry.input).toBeInstanceOf(z.ZodType);
      // Signing in, setting a password from a link, and whether the service is set up at all.
      expect(entry.access === "public").toBe(
        /^auth\.(signIn|me|setPassword|accountLink|setupStatus)$/.test(path),
      );
      // Reads are queries and changes are mutations, as their names say.
      expect(entry.kind).toBe(
        /\.(list|get|me|framework|readiness|uptake\w*|refreshersDue|neverTrained|recentSignIns|facets|accountLink|setupStatus|candidates|overview|openSessions|teamRequests|previews)$/.test(
          path,
        )
          ? "query"
          : "mutation",
      );
    },
  );

  test("lists default to the first page of 50 and refuse a page out of range", () => {
    expect(PageInputSchema.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(problems(PageInputSchema, { page: 0, pageSize: 201 })).toEqual({
      page: "must be at least 1",
      pageSize: "must be at most 200",
    });
    expect(problems(PageInputSchema, { page: 1.5 })).toEqual({ page: "must be a whole number" });
  });

  test("report date ranges must run forwards, and refreshers look at most a year ahead", () => {
    expect(UptakeInputSchema.parse(undefined)).toEqual({});
    expect(UptakeInputSchema.parse({ from: "2025-04-01", to: "2025-04-01" })).toEqual({
      from: "2025-04-01",
      to: "2025-04-01",
    });
    expect(problems(UptakeInputSchema, { from: "2025-04-02", to: "2025-04-01" })).toEqual({
      to: "must not be before the from date",
    });
    expect(problems(UptakeByManagerInputSchema, { from: "2025-04-02", to: "2025-04-01" })).toEqual({
      to: "must not be before the from date",
    });
    expect(UptakeByManagerInputSchema.parse({ to: "2025-04-01" })).toMatchObject({ page: 1 });
    expect(problems(RefreshersInputSchema, { withinDays: 367 })).toEqual({
      withinDays: "must be at most 366 days",
    });
  });

  test("the schemas keep their messages for people", () => {
    expect(problems(NominateInputSchema, { sessionId: "s1", staffIds: [] })).toEqual({
      staffIds: "Choose at least one member of staff",
    });
    const user = { email: "a@council.gov.uk", name: "Asha", role: "chief", password: "short" };
    expect(problems(CreateUserInputSchema, user)).toEqual({
      role: "must be one of admin, hr, accreditation_lead, manager, agency_lead, viewer",
      password: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
    });
    expect(problems(contract.auth.signIn.input, { email: "a@council.gov.uk" })).toEqual({
      password: "Enter your password",
    });
  });
});
