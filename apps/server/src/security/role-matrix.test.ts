import { describe, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import type { UserRole } from "../db/schema";
import { EXPORTS } from "../exports/registry";
import { routes } from "../http/routes";
import {
  callAs,
  EVIDENCE_ROUTE_REQUESTS,
  exportRequest,
  procedureTypes,
  sendAs,
  type RouteRequest,
} from "./http-calls";
import { PROCEDURE_INPUTS } from "./procedure-inputs";
import { serveSecurityWorld } from "./served-world";

// The access policy, written out by hand: who may call what. It is deliberately not derived from
// auth/permissions.ts, so that a change to the policy there must be made here too, on purpose.
type Who = UserRole | "signed_out";
const WHO: readonly Who[] = [
  "admin",
  "hr",
  "accreditation_lead",
  "manager",
  "viewer",
  "signed_out",
];

const ANYONE = WHO;
const SIGNED_IN: readonly Who[] = ["admin", "hr", "accreditation_lead", "manager", "viewer"];
const ADMIN: readonly Who[] = ["admin"];
const ADMIN_HR: readonly Who[] = ["admin", "hr"];
const ADMIN_HR_MANAGER: readonly Who[] = ["admin", "hr", "manager"];
const ADMIN_LEAD: readonly Who[] = ["admin", "accreditation_lead"];
/** Evidence, recommendations and funding are not for managers. */
const NOT_MANAGERS: readonly Who[] = ["admin", "hr", "accreditation_lead", "viewer"];

const PROCEDURE_POLICY: Record<string, readonly Who[]> = {
  "audit.list": ADMIN,
  "auth.signIn": ANYONE,
  "auth.signOut": SIGNED_IN,
  "auth.me": ANYONE,
  "evidence.framework": NOT_MANAGERS,
  "evidence.list": NOT_MANAGERS,
  "evidence.get": NOT_MANAGERS,
  "evidence.create": ADMIN_LEAD,
  "evidence.update": ADMIN_LEAD,
  "evidence.transition": ADMIN_LEAD,
  "evidence.readiness": NOT_MANAGERS,
  "funding.list": NOT_MANAGERS,
  "funding.get": NOT_MANAGERS,
  "funding.create": ADMIN,
  "funding.update": ADMIN,
  "recommendations.list": NOT_MANAGERS,
  "recommendations.get": NOT_MANAGERS,
  "recommendations.create": ADMIN_LEAD,
  "recommendations.update": ADMIN_LEAD,
  "recommendations.addUpdate": ADMIN_LEAD,
  "reports.uptake": SIGNED_IN,
  "reports.uptakeByManager": SIGNED_IN,
  "reports.refreshersDue": SIGNED_IN,
  "reports.neverTrained": SIGNED_IN,
  "staff.departments.list": SIGNED_IN,
  "staff.departments.create": ADMIN_HR,
  "staff.departments.update": ADMIN_HR,
  "staff.list": SIGNED_IN,
  "staff.get": SIGNED_IN,
  "staff.create": ADMIN_HR,
  "staff.update": ADMIN_HR,
  "staff.importCsv": ADMIN_HR,
  "training.courses.list": SIGNED_IN,
  "training.courses.create": ADMIN_HR,
  "training.courses.update": ADMIN_HR,
  "training.sessions.list": SIGNED_IN,
  "training.sessions.get": SIGNED_IN,
  "training.sessions.create": ADMIN_HR,
  "training.sessions.update": ADMIN_HR,
  "training.nominations.create": ADMIN_HR_MANAGER,
  "training.nominations.list": SIGNED_IN,
  "training.nominations.get": SIGNED_IN,
  "training.nominations.approve": ADMIN_HR,
  "training.nominations.decline": ADMIN_HR,
  "training.nominations.book": ADMIN_HR,
  "training.nominations.cancel": ADMIN_HR_MANAGER,
  "training.attendance.mark": ADMIN_HR,
  "training.attendance.markMany": ADMIN_HR,
  "training.nominations.importCsv": ADMIN_HR,
  "training.attendance.importCsv": ADMIN_HR,
  "users.list": ADMIN,
  "users.create": ADMIN,
  "users.update": ADMIN,
  "users.setPassword": ADMIN,
};

const EVIDENCE_ROUTE_POLICY: Record<string, readonly Who[]> = {
  "upload an evidence file": ADMIN_LEAD,
  "download an evidence file": NOT_MANAGERS,
  "download the evidence pack": NOT_MANAGERS,
};

// An export is exactly as open as the lists it is made of.
const EXPORT_POLICY: Record<string, readonly Who[]> = {
  staff: SIGNED_IN,
  nominations: SIGNED_IN,
  sessions: SIGNED_IN,
  courses: SIGNED_IN,
  reports: SIGNED_IN,
  evidence: NOT_MANAGERS,
  recommendations: NOT_MANAGERS,
  "funding-years": NOT_MANAGERS,
  users: ADMIN,
  audit: ADMIN,
};

const served = serveSecurityWorld();

function userOf(who: Who): SessionUser | null {
  return who === "signed_out" ? null : served.world.a.users[who];
}

/** "allowed", or how the call was refused: 401 for the signed out, 403 for a role without access. */
function outcome(status: number): "allowed" | "401" | "403" {
  return status === 401 ? "401" : status === 403 ? "403" : "allowed";
}

function expected(policy: readonly Who[], who: Who): "allowed" | "401" | "403" {
  if (policy.includes(who)) return "allowed";
  return who === "signed_out" ? "401" : "403";
}

describe("the role × procedure matrix", () => {
  test("names every procedure, every evidence route and every export", () => {
    expect([...procedureTypes().keys()].sort()).toEqual(Object.keys(PROCEDURE_POLICY).sort());
    expect(Object.keys(PROCEDURE_INPUTS).sort()).toEqual(Object.keys(PROCEDURE_POLICY).sort());
    expect(EXPORTS.map((definition) => definition.name).sort()).toEqual(
      Object.keys(EXPORT_POLICY).sort(),
    );
    // Each plain route answers exactly one row of the tables, so a new route needs a new row.
    const samples: RouteRequest[] = [
      ...Object.values(EVIDENCE_ROUTE_REQUESTS).map((request) => request(served.world.a)),
      exportRequest("staff", "csv"),
    ];
    for (const route of routes) {
      const answered = samples.filter(
        (sample) => sample.method === route.method && route.pattern.test(sample.path),
      );
      expect(answered, route.pattern.source).toHaveLength(1);
    }
  });

  test.each(WHO)("%s: every procedure is allowed or refused as the policy says", async (who) => {
    const results: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const [path, policy] of Object.entries(PROCEDURE_POLICY)) {
      const input = PROCEDURE_INPUTS[path]?.(served.world.a);
      const answer = await callAs(served.baseUrl, served.world.app, {
        user: userOf(who),
        path,
        input,
      });
      // Whatever the outcome, nothing fails inside the server.
      expect(answer.status, `${path}: ${answer.text}`).toBeLessThan(500);
      results[path] = outcome(answer.status);
      wanted[path] = expected(policy, who);
    }
    expect(results).toEqual(wanted);
  });

  test.each(WHO)(
    "%s: every evidence route and export is allowed or refused as the policy says",
    async (who) => {
      const results: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      const requests: [string, RouteRequest, readonly Who[]][] = [
        ...Object.entries(EVIDENCE_ROUTE_REQUESTS).map(
          ([name, request]) =>
            [name, request(served.world.a), EVIDENCE_ROUTE_POLICY[name] ?? []] as [
              string,
              RouteRequest,
              readonly Who[],
            ],
        ),
        ...EXPORTS.flatMap((definition) =>
          (definition.sheets.length === 1 ? (["csv", "xlsx"] as const) : (["xlsx"] as const)).map(
            (format) =>
              [
                `${definition.name}.${format}`,
                exportRequest(definition.name, format),
                EXPORT_POLICY[definition.name] ?? [],
              ] as [string, RouteRequest, readonly Who[]],
          ),
        ),
      ];
      for (const [name, request, policy] of requests) {
        const answer = await sendAs(served.baseUrl, served.world.app, {
          user: userOf(who),
          request,
        });
        expect(answer.status, name).toBeLessThan(500);
        results[name] = outcome(answer.status);
        wanted[name] = expected(policy, who);
      }
      expect(results).toEqual(wanted);
    },
  );
});
