import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";

import { findSession } from "../auth/session-store";
import { auditLog, sessions } from "../db/schema";
import {
  createTestApp,
  recordingCookies,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganisation,
} from "../test/test-app";

let app: TestApp;
let org: TestOrganisation;

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
});

describe("auth.signIn", () => {
  test("a correct email and password start a session and set the cookie", async () => {
    const cookies = recordingCookies();
    const user = await app
      .caller(null, { cookies })
      .auth.signIn({ email: "HR@Northshire.example", password: TEST_PASSWORD });
    expect(user).toEqual({ ...org.users.hr, passwordChangeToken: null });
    const cookie = cookies.values.get("dapkit_session");
    expect(cookie?.maxAgeSeconds).toBe(12 * 60 * 60);
    expect(findSession(app.db, cookie?.value ?? "", app.clock.now)?.user).toEqual(org.users.hr);
    // The database keeps only a hash of the token.
    expect(
      app.db
        .select()
        .from(sessions)
        .all()
        .map((s) => s.id),
    ).not.toContain(cookie?.value);
  });

  test("a wrong password and an unknown email get the same refusal", async () => {
    const caller = app.caller(null);
    const refusal = { code: "UNAUTHORIZED", message: "Enter a correct email address and password" };
    await expect(
      caller.auth.signIn({ email: org.users.hr.email, password: "wrong password!" }),
    ).rejects.toMatchObject(refusal);
    await expect(
      caller.auth.signIn({ email: "nobody@northshire.example", password: "wrong password!" }),
    ).rejects.toMatchObject(refusal);
    expect(app.db.select().from(sessions).all()).toEqual([]);
    const failures = app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "sign_in_failed"))
      .all();
    expect(failures).toHaveLength(2);
    expect(JSON.stringify(failures)).not.toContain("wrong password");
  });

  test("five failures lock the address for 15 minutes, even with the right password", async () => {
    const caller = app.caller(null);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(
        caller.auth.signIn({ email: org.users.hr.email, password: "not it at all" }),
      ).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    await expect(
      caller.auth.signIn({ email: org.users.hr.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many failed attempts to sign in. Try again in 15 minutes.",
    });
    app.clock.now = new Date(app.clock.now.getTime() + 15 * 60_000 + 1);
    await expect(
      caller.auth.signIn({ email: org.users.hr.email, password: TEST_PASSWORD }),
    ).resolves.toMatchObject({
      id: org.users.hr.id,
    });
  });

  test("a deactivated user cannot sign in", async () => {
    await app
      .caller(org.users.admin)
      .users.update({ id: org.users.viewer.id, data: { active: false } });
    await expect(
      app.caller(null).auth.signIn({ email: org.users.viewer.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  test("bad input names the field", async () => {
    await expect(
      app.caller(null).auth.signIn({ email: "not-an-email", password: "" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "email: must be an email address, like name@council.gov.uk\npassword: Enter your password",
    });
  });
});

describe("auth.signOut and auth.me", () => {
  test("signing out deletes the session and clears the cookie", async () => {
    const cookies = recordingCookies();
    await app
      .caller(null, { cookies })
      .auth.signIn({ email: org.users.hr.email, password: TEST_PASSWORD });
    const token = cookies.values.get("dapkit_session")?.value ?? "";
    const session = findSession(app.db, token, app.clock.now);
    expect(session).toBeDefined();
    const { createContextInner } = await import("../context");
    const { createCaller } = await import("../router");
    const signedIn = createCaller(
      createContextInner(app.deps, { session: session ?? null, cookies }),
    );
    await expect(signedIn.auth.me()).resolves.toEqual({
      ...org.users.hr,
      organisationName: "Northshire",
      runsAsPartnership: false,
      permissions: [
        "readTraining",
        "manageStaff",
        "nominate",
        "cancelNomination",
        "requestTraining",
        "decideTrainingRequests",
        "manageTraining",
        "readEvidence",
        "readRecommendations",
        "readFunding",
        "readPartnership",
        "managePartnership",
      ],
    });
    await expect(signedIn.auth.signOut()).resolves.toEqual({ signedOut: true });
    expect(cookies.values.get("dapkit_session")).toEqual({ value: "", maxAgeSeconds: 0 });
    expect(findSession(app.db, token, app.clock.now)).toBeUndefined();
  });

  test("signed out, me is null and sign-out is refused", async () => {
    await expect(app.caller(null).auth.me()).resolves.toBeNull();
    await expect(app.caller(null).auth.signOut()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  test("a session expires after 12 hours", async () => {
    const cookies = recordingCookies();
    await app
      .caller(null, { cookies })
      .auth.signIn({ email: org.users.hr.email, password: TEST_PASSWORD });
    const token = cookies.values.get("dapkit_session")?.value ?? "";
    const later = new Date(app.clock.now.getTime() + 12 * 60 * 60 * 1000);
    expect(findSession(app.db, token, later)).toBeUndefined();
  });
});
