import { beforeEach, describe, expect, test } from "vitest";

import { auditLog } from "../db/schema";
import {
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganisation,
} from "../test/test-app";

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
  other = await app.createOrganisation("Southshire");
});

const newUser = {
  email: "alex.hr@northshire.example",
  name: "Alex Example",
  role: "hr" as const,
  password: "a long enough password",
};

describe("users", () => {
  test("an admin creates a user who can then sign in, and it is audited without the password", async () => {
    const created = await app.caller(org.users.admin).users.create(newUser);
    expect(created).toMatchObject({
      email: newUser.email,
      role: "hr",
      active: true,
      organisationId: org.id,
    });
    await expect(
      app.caller(null).auth.signIn({ email: newUser.email, password: newUser.password }),
    ).resolves.toMatchObject({ id: created.id });
    const audit = app.db
      .select()
      .from(auditLog)
      .all()
      .find((row) => row.entityId === created.id);
    expect(audit).toMatchObject({ action: "create", entity: "user", userId: org.users.admin.id });
    expect(JSON.stringify(audit)).not.toContain(newUser.password);
    expect(JSON.stringify(audit)).not.toContain("scrypt");
  });

  test("only admins manage users", async () => {
    for (const role of ["hr", "accreditation_lead", "manager", "viewer"] as const) {
      await expect(app.caller(org.users[role]).users.list()).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(app.caller(org.users[role]).users.create(newUser)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(app.caller(null).users.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  test("an admin sees and changes only their own organisation's users", async () => {
    const listed = await app.caller(org.users.admin).users.list();
    expect(listed.map((user) => user.organisationId)).toEqual(Array(6).fill(org.id));
    await expect(
      app.caller(org.users.admin).users.update({ id: other.users.hr.id, data: { role: "viewer" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      app
        .caller(org.users.admin)
        .users.setPassword({ id: other.users.hr.id, password: "another long password" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("duplicate email, short password and unknown role are refused with the field named", async () => {
    const admin = app.caller(org.users.admin);
    await expect(
      admin.users.create({ ...newUser, email: org.users.hr.email }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("cannot be used for a new user") as string,
      cause: { field: "email" },
    });
    await expect(admin.users.create({ ...newUser, password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "password: must be at least 12 characters",
    });
    await expect(
      admin.users.create({ ...newUser, role: "superuser" as "hr" }),
    ).rejects.toMatchObject({
      message: "role: must be one of admin, hr, accreditation_lead, manager, agency_lead, viewer",
    });
    expect(await admin.users.list()).toHaveLength(6);
  });

  test("an admin changes a role and can reset a password; they cannot demote themselves", async () => {
    const admin = app.caller(org.users.admin);
    await expect(
      admin.users.update({ id: org.users.viewer.id, data: { role: "hr" } }),
    ).resolves.toMatchObject({
      role: "hr",
    });
    await expect(
      admin.users.update({ id: org.users.admin.id, data: { role: "viewer" } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You cannot change your own role or deactivate yourself",
    });
    await admin.users.setPassword({ id: org.users.viewer.id, password: "a brand new password" });
    await expect(
      app.caller(null).auth.signIn({ email: org.users.viewer.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      app
        .caller(null)
        .auth.signIn({ email: org.users.viewer.email, password: "a brand new password" }),
    ).resolves.toMatchObject({ role: "hr" });
  });

  test("a user can only be linked to a staff record of the same organisation", async () => {
    await expect(
      app.caller(org.users.admin).users.create({ ...newUser, staffId: "no-such-staff" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "staffId" } });
  });
});
