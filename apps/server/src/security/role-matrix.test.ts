import { describe, expect, test } from "vitest";

import {
  contract,
  contractEntries,
  PERMISSIONS,
  SSO_PATHS,
  USER_ROLES,
  type Access,
  type UserRole,
} from "@dapkit/contract";

import type { SessionUser } from "../auth/session-user";
import { auditLog } from "../db/schema";
import { EXPORTS } from "../exports/registry";
import { routes } from "../http/routes";
import {
  callAs,
  ROUTE_REQUESTS,
  exportRequest,
  procedureTypes,
  sendAs,
  type RouteRequest,
} from "./http-calls";
import { PROCEDURE_INPUTS } from "./procedure-inputs";
import { serveSecurityWorld } from "./served-world";

// Who may call what comes from the contract: each procedure's `access` and the role table in
// @dapkit/contract's roles.ts, the one place the policy is written. This matrix proves that the
// running server, over HTTP, enforces exactly that for every role and every procedure and route.
type Who = UserRole | "signed_out";
const WHO: readonly Who[] = [...USER_ROLES, "signed_out"];

function allowed(access: Access): readonly Who[] {
  if (access === "public") return WHO;
  if (access === "signedIn") return USER_ROLES;
  return PERMISSIONS[access];
}

const PROCEDURE_POLICY: Record<string, readonly Who[]> = Object.fromEntries(
  contractEntries(contract).map(([path, entry]) => [path, allowed(entry.access)]),
);

const ROUTE_POLICY: Record<string, readonly Who[]> = {
  "upload an evidence file": allowed("manageEvidence"),
  "download an evidence file": allowed("readEvidence"),
  "download the evidence pack": allowed("readEvidence"),
  "print a sign-in sheet": allowed("readTraining"),
  "download a certificate": allowed("readTraining"),
  "download a committee paper": allowed("readRecommendations"),
};

// An export is exactly as open as the lists it is made of.
const EXPORT_POLICY: Record<string, readonly Who[]> = {
  staff: allowed("readTraining"),
  nominations: allowed("readTraining"),
  sessions: allowed("readTraining"),
  courses: allowed("readTraining"),
  reports: allowed("readTraining"),
  "never-trained": allowed("readTraining"),
  "refreshers-due": allowed("readTraining"),
  evidence: allowed("readEvidence"),
  "action-plan": allowed("readEvidence"),
  recommendations: allowed("readRecommendations"),
  "funding-years": allowed("readFunding"),
  "funding-plan": allowed("readFunding"),
  users: allowed("administer"),
  audit: allowed("administer"),
  "agency-attendance": allowed("readPartnership"),
  charges: allowed("readPartnership"),
};

const served = serveSecurityWorld();

function userOf(who: Who): SessionUser | null {
  return who === "signed_out" ? null : served.world.a.users[who];
}

/** "allowed", or how the call was refused: 401 for the signed out, 403 for a role without access. */
function outcome(status: number): "allowed" | "401" | "403" {
  return status === 401 ? "401" : status === 403 ? "403" : "allowed";
}

// The audit log's refusals of this user's requests (none for the signed out: no one to name).
function refusalRows(user: SessionUser | null) {
  return served.world.app.db
    .select()
    .from(auditLog)
    .all()
    .filter((row) => row.action === "access_refused" && row.userId === (user?.id ?? null));
}

function refusalsOf(user: SessionUser | null): number {
  return refusalRows(user).length;
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
      ...Object.values(ROUTE_REQUESTS).map((request) => request(served.world.a)),
      exportRequest("staff", "csv"),
      // Single sign-on's routes come before any session; http/sso-routes.test.ts tests them.
      ...Object.values(SSO_PATHS).map((path): RouteRequest => ({ method: "GET", path })),
      // Anyone may verify a certificate; http/training-document-routes.test.ts tests the answers.
      { method: "GET", path: "/verify/not-a-code" },
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
    // Each refusal of a signed-in user's role is in the audit log: who, where, and what.
    const user = userOf(who);
    const refused = Object.keys(wanted).filter((path) => wanted[path] === "403");
    const audited = refusalRows(user);
    expect(audited.map((row) => (row.after as { what: string }).what).sort()).toEqual(
      [...refused].sort(),
    );
    for (const row of audited) expect(row.organisationId).toBe(user?.organisationId);
  });

  test.each(WHO)(
    "%s: every evidence route and export is allowed or refused as the policy says",
    async (who) => {
      const results: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      const requests: [string, RouteRequest, readonly Who[]][] = [
        ...Object.entries(ROUTE_REQUESTS).map(
          ([name, request]) =>
            [name, request(served.world.a), ROUTE_POLICY[name] ?? []] as [
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
      const refusalsSoFar = () => refusalsOf(userOf(who));
      const before = refusalsSoFar();
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
      // One audit row for each request refused for the role, whichever route it came by.
      const forbidden = Object.values(wanted).filter((result) => result === "403").length;
      expect(refusalsSoFar() - before).toBe(forbidden);
    },
  );
});
