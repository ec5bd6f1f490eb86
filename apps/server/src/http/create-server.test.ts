import type { Server } from "node:http";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";

import {
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganisation,
} from "../test/test-app";
import { callProcedure, close, listen } from "../test/http-client";
import { createHttpServer } from "./create-server";

let app: TestApp;
let org: TestOrganisation;
let server: Server;
let baseUrl: string;

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
  server = createHttpServer(app.deps, { webRoot: "/nonexistent", routes: [], trustProxy: false });
  baseUrl = await listen(server);
});

afterEach(async () => {
  await close(server);
});

async function signIn(email: string): Promise<string> {
  const response = await callProcedure(baseUrl, "auth.signIn", {
    mutation: true,
    input: { email, password: TEST_PASSWORD },
  });
  expect(response.status).toBe(200);
  const cookie = response.setCookie[0] ?? "";
  return cookie.split(";")[0] ?? "";
}

describe("the HTTP server", () => {
  test("signing in sets an httpOnly, SameSite session cookie that later calls use", async () => {
    const response = await callProcedure(baseUrl, "auth.signIn", {
      mutation: true,
      input: { email: org.users.hr.email, password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      result: { data: { email: org.users.hr.email, role: "hr" } },
    });
    expect(response.setCookie).toHaveLength(1);
    const [cookie] = response.setCookie;
    expect(cookie).toMatch(
      /^dapkit_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/,
    );
    // Plain HTTP here, so no Secure flag (the browser would drop the cookie otherwise).
    expect(cookie).not.toContain("Secure");

    const session = (cookie ?? "").split(";")[0];
    const me = await callProcedure(baseUrl, "auth.me", { cookie: session });
    expect(me.body).toMatchObject({ result: { data: { id: org.users.hr.id } } });
    const anonymous = await callProcedure(baseUrl, "auth.me");
    expect(anonymous.body).toMatchObject({ result: { data: null } });
  });

  test("the Secure flag is set behind an HTTPS proxy that the server trusts", async () => {
    await close(server);
    server = createHttpServer(app.deps, { webRoot: "/nonexistent", routes: [], trustProxy: true });
    baseUrl = await listen(server);
    const response = await callProcedure(baseUrl, "auth.signIn", {
      mutation: true,
      input: { email: org.users.hr.email, password: TEST_PASSWORD },
      headers: { "x-forwarded-proto": "https" },
    });
    expect(response.setCookie[0]).toMatch(/; Secure$/);
  });

  test("errors carry the right status codes and readable messages", async () => {
    const wrongPassword = await callProcedure(baseUrl, "auth.signIn", {
      mutation: true,
      input: { email: org.users.hr.email, password: "not the password" },
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.setCookie).toEqual([]);

    const badInput = await callProcedure(baseUrl, "auth.signIn", {
      mutation: true,
      input: { email: "x" },
    });
    expect(badInput.status).toBe(400);
    expect(badInput.body).toMatchObject({
      error: {
        message:
          "email: must be an email address, like name@council.gov.uk\npassword: Enter your password",
        data: {
          code: "BAD_REQUEST",
          field: "email",
        },
      },
    });

    const signedOut = await callProcedure(baseUrl, "users.list");
    expect(signedOut.status).toBe(401);

    const hr = await signIn(org.users.hr.email);
    const forbidden = await callProcedure(baseUrl, "users.list", { cookie: hr });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: { message: "Your role does not allow this" } });

    const missing = await callProcedure(baseUrl, "no.such.procedure");
    expect(missing.status).toBe(404);
  });

  test("signing out ends the session on the server", async () => {
    const cookie = await signIn(org.users.admin.email);
    const out = await callProcedure(baseUrl, "auth.signOut", { mutation: true, cookie });
    expect(out.status).toBe(200);
    expect(out.setCookie[0]).toMatch(
      /^dapkit_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0$/,
    );
    const reused = await callProcedure(baseUrl, "users.list", { cookie });
    expect(reused.status).toBe(401);
  });

  test("a new sign-in replaces the session the browser already had", async () => {
    const first = await signIn(org.users.admin.email);
    const response = await callProcedure(baseUrl, "auth.signIn", {
      mutation: true,
      cookie: first,
      input: { email: org.users.admin.email, password: TEST_PASSWORD },
    });
    expect(response.setCookie[0]?.split(";")[0]).not.toBe(first);
    expect((await callProcedure(baseUrl, "users.list", { cookie: first })).status).toBe(401);
  });

  test("mutations without the request header, or from another site, are refused", async () => {
    const cookie = await signIn(org.users.admin.email);
    const noHeader = await callProcedure(baseUrl, "auth.signOut", {
      mutation: true,
      cookie,
      headers: { [CSRF_HEADER]: "" },
    });
    expect(noHeader.status).toBe(200);
    const forged = await fetch(`${baseUrl}/trpc/auth.signOut`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "null",
    });
    expect(forged.status).toBe(403);
    const crossSite = await callProcedure(baseUrl, "auth.signIn", {
      mutation: true,
      input: { email: org.users.admin.email, password: TEST_PASSWORD },
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
  });

  test("every response carries the security headers", async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const unknown = await fetch(`${baseUrl}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: "not_found", message: "There is no such address", field: null },
    });
  });
});
