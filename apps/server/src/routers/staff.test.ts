import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { auditLog, staff } from "../db/schema";
import {
  createBookings,
  createDepartment,
  createSession,
  createStaff,
  linkManager,
  scopeAs,
} from "../test/builders";
import { READ_ONLY_ROLES, useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function auditRows(entity: string) {
  return t.app.db.select().from(auditLog).where(eq(auditLog.entity, entity)).all();
}

describe("staff departments", () => {
  test("HR adds and renames departments; everyone signed in lists them by name", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const housing = await caller.staff.departments.create({ name: " Housing " });
    await caller.staff.departments.create({ name: "Adult Social Care" });
    expect(housing).toEqual({ id: housing.id, name: "Housing" });
    await expect(
      caller.staff.departments.update({ id: housing.id, data: { name: "Housing Options" } }),
    ).resolves.toEqual({ id: housing.id, name: "Housing Options" });
    const listed = await t.app.caller(t.org.users.viewer).staff.departments.list();
    expect(listed.map((department) => department.name)).toEqual([
      "Adult Social Care",
      "Housing Options",
    ]);
    expect(auditRows("department").map((row) => row.action)).toEqual([
      "create",
      "create",
      "update",
    ]);
  });

  test("a name differing only in case is a conflict on the name field", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const housing = await caller.staff.departments.create({ name: "Housing" });
    const revenues = await caller.staff.departments.create({ name: "Revenues" });
    await expect(caller.staff.departments.create({ name: "HOUSING" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A department called HOUSING already exists",
      cause: { field: "name" },
    });
    await expect(
      caller.staff.departments.update({ id: revenues.id, data: { name: "housing" } }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "name" } });
    // Renaming to its own name, or a change of case of its own name, is fine.
    await expect(
      caller.staff.departments.update({ id: housing.id, data: { name: "HOUSING" } }),
    ).resolves.toMatchObject({ name: "HOUSING" });
  });

  test("roles, sign-in, tenancy and bad input", async () => {
    const theirs = createDepartment(scopeAs(t.app, t.other.users.hr), "Their department");
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).staff.departments.create({ name: "X" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        t.app
          .caller(t.org.users[role])
          .staff.departments.update({ id: theirs.id, data: { name: "X" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(t.app.caller(null).staff.departments.list()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      t.app
        .caller(t.org.users.hr)
        .staff.departments.update({ id: theirs.id, data: { name: "Mine" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Department not found" });
    expect(await t.app.caller(t.org.users.hr).staff.departments.list()).toEqual([]);
    await expect(
      t.app.caller(t.org.users.hr).staff.departments.create({ name: "  " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "name: must not be empty" });
    expect(auditRows("department")).toHaveLength(1);
  });
});

describe("staff.create and staff.update", () => {
  test("HR adds a member of staff with a manager; the change is audited", async () => {
    const housing = createDepartment(t.hr, "Housing");
    const manager = createStaff(t.hr, { departmentId: housing.id, name: "Mo Manager" });
    const created = await t.app.caller(t.org.users.hr).staff.create({
      employeeNumber: "N1001",
      name: "Asha Patel",
      email: "Asha.Patel@northshire.example",
      jobTitle: "Housing Officer",
      departmentId: housing.id,
      managerId: manager.id,
    });
    expect(created).toMatchObject({
      employeeNumber: "N1001",
      email: "asha.patel@northshire.example",
      departmentName: "Housing",
      managerName: "Mo Manager",
      active: true,
    });
    const audit = auditRows("staff").find((row) => row.entityId === created.id);
    expect(audit).toMatchObject({ action: "create", userId: t.org.users.hr.id });
  });

  test("unknown department, unknown or own manager and a used employee number name the field", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const housing = createDepartment(t.hr, "Housing");
    const theirDepartment = createDepartment(scopeAs(t.app, t.other.users.hr));
    const theirStaff = createStaff(scopeAs(t.app, t.other.users.hr));
    const asha = createStaff(t.hr, { departmentId: housing.id, employeeNumber: "N1" });
    const base = { employeeNumber: "N2", name: "Ben Ode", jobTitle: "Officer" };
    await expect(
      caller.staff.create({ ...base, departmentId: theirDepartment.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose a department",
      cause: { field: "departmentId" },
    });
    await expect(
      caller.staff.create({ ...base, departmentId: housing.id, managerId: theirStaff.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "managerId" } });
    await expect(
      caller.staff.create({ ...base, employeeNumber: "N1", departmentId: housing.id }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A member of staff with employee number N1 already exists",
      cause: { field: "employeeNumber" },
    });
    await expect(
      caller.staff.update({ id: asha.id, data: { managerId: asha.id } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A member of staff cannot be their own manager",
      cause: { field: "managerId" },
    });
    await expect(
      caller.staff.create({ ...base, departmentId: housing.id, email: "not an email" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "email: must be an email address, like name@council.gov.uk",
    });
    expect(t.app.db.select().from(staff).all()).toHaveLength(2);
  });

  test("update changes only the fields given; the same values again are not audited", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const asha = createStaff(t.hr, { name: "Asha Patel", email: "asha@northshire.example" });
    const updated = await caller.staff.update({
      id: asha.id,
      data: { jobTitle: "Senior Officer", active: false },
    });
    expect(updated).toMatchObject({
      name: "Asha Patel",
      email: "asha@northshire.example",
      jobTitle: "Senior Officer",
      active: false,
    });
    await caller.staff.update({ id: asha.id, data: { jobTitle: "Senior Officer" } });
    const audits = auditRows("staff").filter((row) => row.entityId === asha.id);
    expect(audits.map((row) => row.action)).toEqual(["create", "update"]);
    expect(audits[1]?.before).toMatchObject({ jobTitle: "Officer", active: true });
  });

  test("only admin and HR add or change staff; nobody touches another organisation's", async () => {
    const theirs = createStaff(scopeAs(t.app, t.other.users.hr));
    const departmentId = createDepartment(t.hr).id;
    const input = { employeeNumber: "N9", name: "X", jobTitle: "Y", departmentId };
    for (const role of READ_ONLY_ROLES) {
      await expect(t.app.caller(t.org.users[role]).staff.create(input)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        t.app.caller(t.org.users[role]).staff.update({ id: theirs.id, data: { name: "Z" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(t.app.caller(null).staff.create(input)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      t.app.caller(t.org.users.admin).staff.update({ id: theirs.id, data: { name: "Mine now" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Staff member not found" });
    await expect(
      t.app.caller(t.org.users.admin).staff.get({ id: theirs.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("staff.list", () => {
  test("filters by department, manager, active and name or number, a page at a time", async () => {
    const housing = createDepartment(t.hr, "Housing");
    const revenues = createDepartment(t.hr, "Revenues");
    const boss = createStaff(t.hr, { name: "Zed Boss", departmentId: revenues.id });
    createStaff(t.hr, { name: "Asha Patel", departmentId: housing.id, employeeNumber: "H-100" });
    createStaff(t.hr, { name: "Ben Ode", departmentId: housing.id, active: false });
    createStaff(t.hr, { name: "Cat 50% Lee", departmentId: revenues.id, managerId: boss.id });
    createStaff(scopeAs(t.app, t.other.users.hr), { name: "Asha Other" });
    const caller = t.app.caller(t.org.users.viewer);
    const names = async (input: Parameters<typeof caller.staff.list>[0]) =>
      (await caller.staff.list(input)).items.map((item) => item.name);

    expect(await names({})).toEqual(["Asha Patel", "Ben Ode", "Cat 50% Lee", "Zed Boss"]);
    expect(await names({ departmentId: housing.id })).toEqual(["Asha Patel", "Ben Ode"]);
    expect(await names({ managerId: boss.id })).toEqual(["Cat 50% Lee"]);
    expect(await names({ active: false })).toEqual(["Ben Ode"]);
    expect(await names({ search: "h-10" })).toEqual(["Asha Patel"]);
    expect(await names({ search: "50%" })).toEqual(["Cat 50% Lee"]);
    expect(await names({ search: "%" })).toEqual(["Cat 50% Lee"]);
    const page = await caller.staff.list({ page: 2, pageSize: 3 });
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items).toEqual([
      expect.objectContaining({
        name: "Zed Boss",
        departmentName: "Revenues",
        managerName: null,
      }),
    ]);
    const withManager = (await caller.staff.list({ managerId: boss.id })).items[0];
    expect(withManager).toMatchObject({ managerId: boss.id, managerName: "Zed Boss" });
  });

  test("a manager sees only the staff they manage; a manager with no staff record sees nobody", async () => {
    const boss = createStaff(t.hr, { name: "Mo Manager" });
    const report = createStaff(t.hr, { name: "Asha Patel", managerId: boss.id });
    const stranger = createStaff(t.hr, { name: "Ben Ode" });
    const unlinked = t.app.caller(t.org.users.manager);
    expect((await unlinked.staff.list({})).items).toEqual([]);
    const manager = t.app.caller(
      linkManager(scopeAs(t.app, t.org.users.admin), t.org.users.manager, boss.id),
    );
    const listed = await manager.staff.list({});
    expect(listed).toMatchObject({ total: 1, items: [{ id: report.id }] });
    await expect(manager.staff.get({ id: report.id })).resolves.toMatchObject({ id: report.id });
    await expect(manager.staff.get({ id: stranger.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("page sizes over 200 and pages below 1 are refused", async () => {
    const caller = t.app.caller(t.org.users.hr);
    // @ts-expect-error 201 is outside PageSize; the server must refuse it all the same
    await expect(caller.staff.list({ pageSize: 201 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "pageSize: must be at most 200",
    });
    await expect(caller.staff.list({ page: 0 })).rejects.toMatchObject({
      message: "page: must be at least 1",
    });
    await expect(t.app.caller(null).staff.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("staff.get", () => {
  test("shows every nomination and the latest full attendance of each course", async () => {
    const asha = createStaff(t.hr, { name: "Asha Patel" });
    const first = createSession(t.hr, {
      startsAt: "2021-03-01T09:00:00Z",
      endsAt: "2021-03-01T12:00:00Z",
    });
    const again = createSession(t.hr, {
      courseId: first.courseId,
      startsAt: "2022-03-01T09:00:00Z",
      endsAt: "2022-03-01T12:00:00Z",
    });
    const elsewhere = createSession(t.hr);
    const caller = t.app.caller(t.org.users.hr);
    for (const session of [first, again]) {
      const [booked] = createBookings(t.hr, { sessionId: session.id, staffIds: [asha.id] });
      await caller.training.attendance.mark({
        nominationId: booked?.id ?? "",
        outcome: "fully_attended",
      });
    }
    createBookings(t.hr, { sessionId: elsewhere.id, staffIds: [asha.id] });

    const record = await t.app.caller(t.org.users.viewer).staff.get({ id: asha.id });
    expect(record.nominations.map((entry) => [entry.sessionId, entry.state])).toEqual([
      [elsewhere.id, "booked"],
      [again.id, "fully_attended"],
      [first.id, "fully_attended"],
    ]);
    expect(record.completions).toEqual([
      {
        courseId: first.courseId,
        courseTitle: first.courseTitle,
        sessionId: again.id,
        completedOn: "2022-03-01",
      },
    ]);
  });
});
