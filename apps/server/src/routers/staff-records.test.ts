import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { auditLog, nominations, staff } from "../db/schema";
import { LEFT_THE_ORGANISATION } from "../services/staff/cancel-leaver-nominations";
import {
  createBookings,
  createCourse,
  createDepartment,
  createNominations,
  createSession,
  createStaff,
  scopeAs,
} from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const hr = () => t.app.caller(t.org.users.hr);

function stateOf(id: string | undefined) {
  return t.app.db
    .select({ state: nominations.state })
    .from(nominations)
    .where(eq(nominations.id, id ?? ""))
    .get()?.state;
}

describe("adding and editing one person", () => {
  test("HR adds a new starter with every field, dates included, and it is audited", async () => {
    const department = createDepartment(t.hr, "Housing");
    const manager = createStaff(t.hr, { name: "Mo Boss", departmentId: department.id });
    const added = await hr().staff.create({
      employeeNumber: "E900",
      name: "Nia Starter",
      email: "nia.starter@northshire.example",
      jobTitle: "Support worker",
      departmentId: department.id,
      managerId: manager.id,
      startDate: "2022-04-04",
    });
    expect(added).toMatchObject({
      managerName: "Mo Boss",
      startDate: "2022-04-04",
      leavingDate: null,
      active: true,
    });
    const audit = t.app.db.select().from(auditLog).where(eq(auditLog.entityId, added.id)).get();
    expect(audit?.action).toBe("create");
    expect(audit?.after).toMatchObject({ startDate: "2022-04-04" });
  });

  test("each bad field is named, and nothing is saved", async () => {
    const department = createDepartment(t.hr, "Housing");
    const person = { employeeNumber: "E901", name: "Al Date", jobTitle: "Officer" };
    await expect(
      hr().staff.create({ ...person, departmentId: department.id, startDate: "4/4/2022" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "startDate: must be a date in the form YYYY-MM-DD",
    });
    await expect(
      hr().staff.create({
        ...person,
        departmentId: department.id,
        startDate: "2022-04-04",
        leavingDate: "2022-04-01",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The leaving date must not be before the start date",
      cause: { field: "leavingDate" },
    });
    expect(t.app.db.select().from(staff).all()).toEqual([]);
  });

  test("changing someone's manager and job title keeps their dates", async () => {
    const person = createStaff(t.hr, { startDate: "2020-01-06" });
    const boss = createStaff(t.hr, { name: "New Boss" });
    await expect(
      hr().staff.update({ id: person.id, data: { managerId: boss.id, jobTitle: "Team leader" } }),
    ).resolves.toMatchObject({
      managerName: "New Boss",
      jobTitle: "Team leader",
      startDate: "2020-01-06",
    });
  });

  test("another organisation's person is not found", async () => {
    const theirs = createStaff(scopeAs(t.app, t.other.users.hr));
    await expect(
      hr().staff.update({ id: theirs.id, data: { leavingDate: "2022-04-05" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(t.app.db.select().from(staff).where(eq(staff.id, theirs.id)).get()?.leavingDate).toBe(
      null,
    );
  });
});

describe("leavers", () => {
  // A leaver booked into the one place of a session with someone waiting, nominated for another,
  // and booked on a session already held.
  function leaverWithTraining() {
    const leaver = createStaff(t.hr, { name: "Lee Leaver" });
    const waiting = createStaff(t.hr, { name: "Wyn Waiting" });
    const full = createSession(t.hr, { capacity: 1 });
    const [booked, waitlisted] = createBookings(t.hr, {
      sessionId: full.id,
      staffIds: [leaver.id, waiting.id],
    });
    const later = createSession(t.hr, {
      startsAt: "2022-06-01T09:00:00.000Z",
      endsAt: "2022-06-01T12:00:00.000Z",
    });
    const [nominated] = createNominations(t.hr, { sessionId: later.id, staffIds: [leaver.id] });
    const held = createSession(t.hr, {
      startsAt: "2022-03-01T09:00:00.000Z",
      endsAt: "2022-03-01T12:00:00.000Z",
    });
    const [past] = createBookings(t.hr, { sessionId: held.id, staffIds: [leaver.id] });
    return { leaver, booked, waitlisted, nominated, past };
  }

  test("a leaving date of today cancels every open booking and nomination, in the history, and promotes the waiting list", async () => {
    const { leaver, booked, waitlisted, nominated, past } = leaverWithTraining();
    expect(stateOf(waitlisted?.id)).toBe("waitlisted");
    const saved = await hr().staff.update({ id: leaver.id, data: { leavingDate: "2022-04-05" } });
    expect(saved).toMatchObject({ leavingDate: "2022-04-05", active: false });
    expect(stateOf(booked?.id)).toBe("cancelled");
    expect(stateOf(nominated?.id)).toBe("cancelled");
    expect(stateOf(waitlisted?.id)).toBe("booked");
    // A session already held is a record of what happened: left alone.
    expect(stateOf(past?.id)).toBe("booked");
    const history = await t.app
      .caller(t.org.users.admin)
      .training.nominations.get({ id: booked?.id ?? "" });
    expect(history.history.at(-1)).toMatchObject({
      state: "cancelled",
      note: LEFT_THE_ORGANISATION,
    });
    const cancels = t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "cancel"))
      .all()
      .map((row) => row.entityId);
    expect(cancels.sort()).toEqual([booked?.id, nominated?.id].sort());
  });

  test("a leaving date in the past does the same; a future one cancels nothing yet", async () => {
    const first = leaverWithTraining();
    await hr().staff.update({ id: first.leaver.id, data: { leavingDate: "2022-03-31" } });
    expect(stateOf(first.nominated?.id)).toBe("cancelled");

    const second = leaverWithTraining();
    const saved = await hr().staff.update({
      id: second.leaver.id,
      data: { leavingDate: "2022-07-31" },
    });
    expect(saved).toMatchObject({ leavingDate: "2022-07-31", active: true });
    expect(stateOf(second.booked?.id)).toBe("booked");
    expect(stateOf(second.nominated?.id)).toBe("nominated");
  });

  test("when the save is refused, nothing is cancelled", async () => {
    const { leaver, booked } = leaverWithTraining();
    const theirs = createStaff(scopeAs(t.app, t.other.users.hr));
    await expect(
      hr().staff.update({
        id: leaver.id,
        data: { leavingDate: "2022-04-05", managerId: theirs.id },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "managerId" } });
    expect(stateOf(booked?.id)).toBe("booked");
    expect(t.app.db.select().from(staff).where(eq(staff.id, leaver.id)).get()).toMatchObject({
      leavingDate: null,
      active: true,
    });
  });

  test("a staff import that marks someone no longer active cancels their open bookings too", async () => {
    const { leaver, booked, waitlisted } = leaverWithTraining();
    const record = await hr().staff.get({ id: leaver.id });
    const csv = [
      "employee_number,name,email,job_title,department,manager_employee_number,active",
      `${record.employeeNumber},${record.name},,${record.jobTitle},${record.departmentName},,no`,
    ].join("\n");
    await expect(hr().staff.importCsv({ csv, dryRun: false })).resolves.toMatchObject({
      written: true,
      counts: { updated: 1 },
    });
    expect(stateOf(booked?.id)).toBe("cancelled");
    expect(stateOf(waitlisted?.id)).toBe("booked");
  });
});

describe("refresher due dates on the staff record", () => {
  test("each completed course with a refresher shows when it falls due, and overdue once passed", async () => {
    const person = createStaff(t.hr);
    const course = createCourse(t.hr, { title: "Risk assessment", refresherIntervalMonths: 12 });
    const session = createSession(t.hr, {
      courseId: course.id,
      startsAt: "2021-03-01T09:00:00.000Z",
      endsAt: "2021-03-01T12:00:00.000Z",
    });
    const [booking] = createBookings(t.hr, { sessionId: session.id, staffIds: [person.id] });
    t.app.db
      .update(nominations)
      .set({ state: "fully_attended" })
      .where(eq(nominations.id, booking?.id ?? ""))
      .run();
    const record = await hr().staff.get({ id: person.id });
    expect(record.refreshers).toEqual([
      {
        courseId: course.id,
        courseTitle: "Risk assessment",
        lastCompletedOn: "2021-03-01",
        dueOn: "2022-03-01",
        status: "overdue",
        daysUntilDue: -35,
      },
    ]);
  });
});
