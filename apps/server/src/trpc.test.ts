import type { Server } from "node:http";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { ApiErrorData } from "@dapkit/contract";

import { auditLog } from "./db/schema";
import { createHttpServer } from "./http/create-server";
import { callProcedure, close, listen } from "./test/http-client";
import { createTestApp, TEST_PASSWORD, type TestApp, type TestOrganisation } from "./test/test-app";

const ANY_TEXT = expect.any(String) as unknown;

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
  return (response.setCookie[0] ?? "").split(";")[0] ?? "";
}

// The error of a failed call as a client sees it over HTTP.
async function errorOf(
  path: string,
  options: { cookie?: string; input?: unknown; mutation?: boolean },
): Promise<{ status: number; message: string; data: ApiErrorData }> {
  const response = await callProcedure(baseUrl, path, options);
  const { error } = response.body as { error: { message: string; data: ApiErrorData } };
  return { status: response.status, message: error.message, data: error.data };
}

describe("the data of an API error", () => {
  test("a refused input lists zod's issues, each where it is and in the schema's words", async () => {
    const admin = await signIn(org.users.admin.email);
    const course = await app.caller(org.users.admin).training.courses.create({
      title: "Domestic abuse awareness",
      level: 1,
    });
    const error = await errorOf("training.courses.update", {
      cookie: admin,
      mutation: true,
      input: { id: course.id, data: { title: "", level: 9 } },
    });
    expect(error.status).toBe(400);
    expect(error.data).toEqual({
      code: "BAD_REQUEST",
      httpStatus: 400,
      path: "training.courses.update",
      // The field of a change `{ id, data }` is the one inside data, as the form names it.
      field: "title",
      issues: [
        { path: ["data", "title"], code: "too_small", message: "must not be empty" },
        { path: ["data", "level"], code: ANY_TEXT, message: ANY_TEXT },
      ],
    });
    // The message stays for people; programs read the issues.
    expect(error.message).toContain("must not be empty");
  });

  test("an input that is not even an object has an issue at the root and no field", async () => {
    const admin = await signIn(org.users.admin.email);
    const error = await errorOf("training.courses.create", {
      cookie: admin,
      mutation: true,
      input: "a course",
    });
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", field: null });
    expect(error.data.issues).toEqual([{ path: [], code: "invalid_type", message: ANY_TEXT }]);
    expect(error.message).toMatch(/^input: /);
  });

  test("a service's error about one field is an issue at that field", async () => {
    const admin = await signIn(org.users.admin.email);
    const course = { title: "Domestic abuse awareness", level: 1 };
    await app.caller(org.users.admin).training.courses.create(course);
    const error = await errorOf("training.courses.create", {
      cookie: admin,
      mutation: true,
      input: course,
    });
    expect(error.status).toBe(409);
    expect(error.data).toEqual({
      code: "CONFLICT",
      httpStatus: 409,
      path: "training.courses.create",
      field: "title",
      issues: [{ path: ["title"], code: "custom", message: error.message }],
    });
  });

  test("a refusal has no issues, and a refused role is audited", async () => {
    const hr = await signIn(org.users.hr.email);
    const error = await errorOf("users.list", { cookie: hr });
    expect(error).toEqual({
      status: 403,
      message: "Your role does not allow this",
      data: { code: "FORBIDDEN", httpStatus: 403, path: "users.list", field: null, issues: null },
    });
    expect(app.db.select().from(auditLog).all()).toContainEqual(
      expect.objectContaining({
        action: "access_refused",
        userId: org.users.hr.id,
        organisationId: org.users.hr.organisationId,
        after: { what: "users.list", needs: "administer", role: "hr" },
        source: "127.0.0.1",
      }),
    );
  });

  test("signed out, a protected procedure asks for sign-in and writes nothing", async () => {
    const before = app.db.select().from(auditLog).all().length;
    const error = await errorOf("users.list", {});
    expect(error.data).toMatchObject({ code: "UNAUTHORIZED", field: null, issues: null });
    expect(app.db.select().from(auditLog).all()).toHaveLength(before);
  });
});
