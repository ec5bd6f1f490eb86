import { beforeEach, describe, expect, test } from "vitest";

import { recordAudit } from "../services/audit/record-audit";
import { TEST_PASSWORD } from "../test/test-app";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

beforeEach(async () => {
  const admin = t.app.caller(t.org.users.admin);
  await admin.users.update({ id: t.org.users.viewer.id, data: { name: "Vic Viewer" } });
  await admin.users.setPassword({ id: t.org.users.hr.id, password: "a brand new password" });
  // Both fail: the old password, and an address with no account (so no organisation).
  for (const email of [t.org.users.hr.email, "nobody@nowhere.example"]) {
    await expect(
      t.app.caller(null).auth.signIn({ email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  }
  await t.app.caller(t.other.users.admin).users.update({
    id: t.other.users.viewer.id,
    data: { name: "Southshire secret" },
  });
});

describe("audit.list", () => {
  test("an admin sees their organisation's log, newest first, with who acted", async () => {
    const page = await t.app.caller(t.org.users.admin).audit.list({ page: 1, pageSize: 50 });
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    expect(page.items.map((entry) => [entry.action, entry.entity, entry.userName])).toEqual([
      ["sign_in_failed", "session", t.org.users.hr.name],
      ["set_password", "user", t.org.users.admin.name],
      ["update", "user", t.org.users.admin.name],
    ]);
    expect(page.items[2]).toMatchObject({
      entityId: t.org.users.viewer.id,
      userId: t.org.users.admin.id,
      at: "2022-04-05T09:00:00.000Z",
      before: { name: "Northshire viewer" },
      after: { name: "Vic Viewer" },
    });
    // Another organisation's entries and failed sign-ins for unknown addresses are never shown.
    expect(JSON.stringify(page)).not.toContain("Southshire");
    expect(JSON.stringify(page)).not.toContain("nobody@nowhere.example");
  });

  test("pages, and filters by kind of record and by user", async () => {
    const admin = t.app.caller(t.org.users.admin);
    const second = await admin.audit.list({ page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((entry) => entry.action)).toEqual(["update"]);
    const byEntity = await admin.audit.list({ entity: "session" });
    expect(byEntity.items.map((entry) => entry.action)).toEqual(["sign_in_failed"]);
    const byUser = await admin.audit.list({ userId: t.org.users.admin.id });
    expect(byUser.items.map((entry) => entry.action)).toEqual(["set_password", "update"]);
    expect(await admin.audit.list()).toMatchObject({ page: 1, pageSize: 50, total: 3 });
  });

  test("another organisation's user is refused as a filter, not searched for", async () => {
    await expect(
      t.app.caller(t.org.users.admin).audit.list({ userId: t.other.users.admin.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose a person from your organisation",
    });
  });

  test("filters by action and by London days, both ends included", async () => {
    const admin = t.app.caller(t.org.users.admin);
    // The entries so far are at 09:00 UTC on 5 April 2022 (10:00 in London, summer time). One
    // more at 23:30 UTC on 5 April is 00:30 on 6 April in London.
    t.app.clock.now = new Date("2022-04-05T23:30:00.000Z");
    await admin.users.update({ id: t.org.users.viewer.id, data: { name: "Vic Late" } });
    const actions = (page: { items: { action: string; at: string }[] }) =>
      page.items.map((entry) => `${entry.action} ${entry.at}`);
    expect(actions(await admin.audit.list({ action: "update" }))).toEqual([
      "update 2022-04-05T23:30:00.000Z",
      "update 2022-04-05T09:00:00.000Z",
    ]);
    expect(actions(await admin.audit.list({ action: "update", to: "2022-04-05" }))).toEqual([
      "update 2022-04-05T09:00:00.000Z",
    ]);
    expect(actions(await admin.audit.list({ from: "2022-04-06", to: "2022-04-06" }))).toEqual([
      "update 2022-04-05T23:30:00.000Z",
    ]);
    expect((await admin.audit.list({ from: "2022-04-07" })).total).toBe(0);
    await expect(admin.audit.list({ from: "2022-04-07", to: "2022-04-06" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await admin.audit.facets()).toEqual({
      actions: ["set_password", "sign_in_failed", "update"],
      entities: ["session", "user"],
    });
    await expect(t.app.caller(t.org.users.hr).audit.facets()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("never shows password hashes, tokens or secrets, even if a service recorded one", async () => {
    recordAudit(t.app.db, {
      actor: { userId: t.org.users.admin.id, organisationId: t.org.id },
      at: t.app.clock.now,
      action: "update",
      entity: "user",
      after: {
        name: "Ok",
        passwordHash: "scrypt$1$2",
        nested: [{ sessionToken: "abc" }],
        passwordSignInAllowed: false,
      },
    });
    const [entry] = (await t.app.caller(t.org.users.admin).audit.list({ pageSize: 1 })).items;
    // A yes/no setting named like a secret stays readable: it cannot hold one.
    expect(entry?.after).toEqual({
      name: "Ok",
      passwordHash: "[redacted]",
      nested: [{ sessionToken: "[redacted]" }],
      passwordSignInAllowed: false,
    });
    const everything = JSON.stringify(await t.app.caller(t.org.users.admin).audit.list());
    expect(everything).not.toContain("scrypt");
    expect(everything).not.toContain("a brand new password");
  });

  test("only admins may read the log; signing in comes first", async () => {
    for (const role of ["hr", "accreditation_lead", "manager", "viewer"] as const) {
      await expect(t.app.caller(t.org.users[role]).audit.list()).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(t.app.caller(null).audit.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  test("bad paging is refused naming the field", async () => {
    const admin = t.app.caller(t.org.users.admin);
    // @ts-expect-error 1000 is outside PageSize; the server must refuse it all the same
    await expect(admin.audit.list({ pageSize: 1000 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "pageSize: must be at most 200",
    });
    await expect(admin.audit.list({ page: 0 })).rejects.toMatchObject({
      message: "page: must be at least 1",
    });
  });
});
