import { createServer, type Server } from "node:http";

import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { SESSION_COOKIE } from "../auth/cookie";
import { createSession, deleteSession, hashToken } from "../auth/session-store";
import type { SessionUser } from "../auth/session-user";
import { auditLog, users } from "../db/schema";
import { appRouter } from "../router";
import { close, listen } from "../test/http-client";
import { createTestApp, type TestApp, type TestOrganisation } from "../test/test-app";
import { createHttpServer, MAX_BATCH_SIZE } from "./create-server";
import { contextFromRequest } from "./request-context";

let app: TestApp;
let org: TestOrganisation;
let servers: Server[];
let direct: string;
let throughTrpc: string;

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
  const options = { trustProxy: false };
  // The tracker's server, and tRPC's own handler alone on the same data: every answer must match.
  const ours = createHttpServer(app.deps, { ...options, webRoot: "/nonexistent", routes: [] });
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: (http) => contextFromRequest(app.deps, http, options),
  });
  const theirs = createServer((req, res) => {
    trpc(req, res);
  });
  servers = [ours, theirs];
  direct = await listen(ours);
  throughTrpc = await listen(theirs);
});

afterEach(async () => {
  await Promise.all(servers.map(close));
});

function cookieOf(user: SessionUser): { cookie: string; token: string } {
  const { token } = createSession(app.db, user, app.clock.now);
  return { cookie: `${SESSION_COOKIE}=${token}`, token };
}

async function answer(baseUrl: string, path: string, headers: Record<string, string>) {
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    vary: response.headers.get("vary"),
    body: await response.text(),
  };
}

function uptake(input?: unknown): string {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return `/trpc/reports.uptake${query}`;
}

function batch(paths: string[], inputs?: Record<number, unknown>): string {
  const input = inputs === undefined ? "" : `&input=${encodeURIComponent(JSON.stringify(inputs))}`;
  return `/trpc/${paths.join(",")}?batch=1${input}`;
}

describe("a GET query, alone or in a batch", () => {
  test("is answered exactly as tRPC's own handler answers it, success or failure", async () => {
    const hr = cookieOf(org.users.hr).cookie;
    const viewer = cookieOf(org.users.viewer).cookie;
    const cases: [string, Record<string, string>][] = [
      [uptake({}), { cookie: hr }],
      [uptake(), { cookie: hr }],
      [uptake({ from: "2022-01-01", to: "2022-12-31" }), { cookie: hr }],
      // Signed out, refused for the role, a refused input, a refused API token.
      [uptake({}), {}],
      [`/trpc/audit.list?input=${encodeURIComponent("{}")}`, { cookie: viewer }],
      [uptake({ from: "yesterday" }), { cookie: hr }],
      [uptake({ from: "2022-12-31", to: "2022-01-01" }), { cookie: hr }],
      [uptake("not an object"), { cookie: hr }],
      [uptake({}), { authorization: "Bearer not-a-token" }],
      // A public query, signed out and in.
      ["/trpc/auth.me", {}],
      ["/trpc/auth.me", { cookie: hr }],
      // Batches, as the web app sends them: all answered, some refused (207), all refused.
      [batch(["reports.uptake", "auth.me"], { 0: {} }), { cookie: hr }],
      [batch(["reports.uptake", "auth.me"], {}), { cookie: hr }],
      [batch(["reports.uptake", "auth.me"]), { cookie: hr }],
      [batch(["reports.uptake", "audit.list"], { 0: {}, 1: {} }), { cookie: viewer }],
      [batch(["reports.uptake", "reports.uptake"], { 1: { from: "soon" } }), { cookie: hr }],
      [batch(["reports.uptake", "auth.me"], { 0: {} }), {}],
      [batch(["reports.uptake", "auth.me"], { 0: {} }), { authorization: "Bearer not-a-token" }],
      // What tRPC's handler still answers: input that is not JSON, a batch whose input is not an
      // object, a mutation, no such procedure.
      ["/trpc/reports.uptake?input=%7Bnot-json", { cookie: hr }],
      [`/trpc/reports.uptake,auth.me?batch=1&input=${encodeURIComponent("[{}]")}`, { cookie: hr }],
      [`/trpc/reports.uptake,auth.me?input=${encodeURIComponent("{}")}`, { cookie: hr }],
      ["/trpc/auth.signOut", { cookie: hr }],
      [batch(["auth.me", "auth.signOut"]), { cookie: hr }],
      ["/trpc/reports.nothing", { cookie: hr }],
      [batch(["auth.me", "reports.nothing"]), { cookie: hr }],
      ["/trpc/constructor", { cookie: hr }],
    ];
    for (const [path, headers] of cases) {
      const ours = await answer(direct, path, headers);
      const theirs = await answer(throughTrpc, path, headers);
      expect({ path, ...ours }).toEqual({ path, ...theirs });
    }
    const first = await answer(direct, uptake({}), { cookie: hr });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ result: { data: { overall: {} } } });
    const mixed = await answer(direct, batch(["reports.uptake", "audit.list"], { 1: {} }), {
      cookie: viewer,
    });
    expect(mixed.status).toBe(207);
  });

  test("is refused for the role once, with one audit entry", async () => {
    const viewer = cookieOf(org.users.viewer).cookie;
    const refusals = () =>
      app.db
        .select()
        .from(auditLog)
        .all()
        .filter((row) => row.action === "access_refused").length;
    const before = refusals();
    const response = await answer(direct, `/trpc/audit.list?input=${encodeURIComponent("{}")}`, {
      cookie: viewer,
    });
    expect(response.status).toBe(403);
    expect(refusals()).toBe(before + 1);
  });

  test("checks the session every time: refused as soon as it is ended or its user deactivated", async () => {
    const { cookie, token } = cookieOf(org.users.hr);
    expect((await answer(direct, uptake({}), { cookie })).status).toBe(200);
    deleteSession(app.db, hashToken(token));
    expect((await answer(direct, uptake({}), { cookie })).status).toBe(401);

    const again = cookieOf(org.users.hr).cookie;
    expect((await answer(direct, uptake({}), { cookie: again })).status).toBe(200);
    app.db.update(users).set({ active: false }).where(eq(users.id, org.users.hr.id)).run();
    expect((await answer(direct, uptake({}), { cookie: again })).status).toBe(401);
  });
});
