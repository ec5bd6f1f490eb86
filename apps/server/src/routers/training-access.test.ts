import { describe, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { auditLog } from "../db/schema";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const id = "00000000-0000-4000-8000-000000000000";
const csv = { csv: "employee_number\n" };

// Every staff, training and report procedure, called with input of the right shape.
function calls(user: SessionUser | null) {
  const { staff, training, reports } = t.app.caller(user);
  return {
    "staff.listDepartments": () => staff.listDepartments(),
    "staff.createDepartment": () => staff.createDepartment({ name: "Housing" }),
    "staff.updateDepartment": () => staff.updateDepartment({ id, data: { name: "Housing" } }),
    "staff.list": () => staff.list({}),
    "staff.get": () => staff.get({ id }),
    "staff.create": () =>
      staff.create({ employeeNumber: "N1", name: "A", jobTitle: "B", departmentId: id }),
    "staff.update": () => staff.update({ id, data: { name: "A" } }),
    "staff.importCsv": () => staff.importCsv(csv),
    "training.listCourses": () => training.listCourses(),
    "training.createCourse": () => training.createCourse({ title: "A", level: 1 }),
    "training.updateCourse": () => training.updateCourse({ id, data: { level: 2 } }),
    "training.listSessions": () => training.listSessions(),
    "training.getSession": () => training.getSession({ id }),
    "training.createSession": () =>
      training.createSession({
        courseId: id,
        startsAt: "2022-05-10T09:00:00Z",
        endsAt: "2022-05-10T12:00:00Z",
        capacity: 1,
        location: "A",
        trainer: "B",
      }),
    "training.updateSession": () => training.updateSession({ id, data: { capacity: 2 } }),
    "training.nominate": () => training.nominate({ sessionId: id, staffIds: [id] }),
    "training.listNominations": () => training.listNominations(),
    "training.getNomination": () => training.getNomination({ id }),
    "training.approve": () => training.approve({ id }),
    "training.decline": () => training.decline({ id }),
    "training.book": () => training.book({ id }),
    "training.cancel": () => training.cancel({ id }),
    "training.markAttendance": () =>
      training.markAttendance({ nominationId: id, outcome: "no_show" }),
    "training.markAttendanceBulk": () =>
      training.markAttendanceBulk({
        sessionId: id,
        marks: [{ nominationId: id, outcome: "no_show" }],
      }),
    "training.importNominationsCsv": () => training.importNominationsCsv(csv),
    "training.importAttendanceCsv": () => training.importAttendanceCsv(csv),
    "reports.uptake": () => reports.uptake(),
    "reports.uptakeByManager": () => reports.uptakeByManager(),
    "reports.refreshersDue": () => reports.refreshersDue(),
    "reports.neverTrained": () => reports.neverTrained(),
  };
}

const READS = [
  "staff.listDepartments",
  "staff.list",
  "staff.get",
  "training.listCourses",
  "training.listSessions",
  "training.getSession",
  "training.listNominations",
  "training.getNomination",
  "reports.uptake",
  "reports.uptakeByManager",
  "reports.refreshersDue",
  "reports.neverTrained",
];

describe("access to staff, training and reports", () => {
  test("signed out, every procedure asks the caller to sign in", async () => {
    for (const [name, call] of Object.entries(calls(null))) {
      await expect(call(), name).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        message: "Sign in to continue",
      });
    }
  });

  test("a viewer may read everything and change nothing", async () => {
    for (const [name, call] of Object.entries(calls(t.org.users.viewer))) {
      if (READS.includes(name)) {
        // Reads of a made-up id are not found; lists and reports answer (empty).
        await call().catch((error: unknown) => {
          expect(error, name).toMatchObject({ code: "NOT_FOUND" });
        });
      } else {
        await expect(call(), name).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
    expect(t.app.db.select().from(auditLog).all()).toEqual([]);
  });

  test("an id that is empty is refused, naming the field", async () => {
    const { staff, training } = t.app.caller(t.org.users.admin);
    for (const call of [
      () => staff.get({ id: "" }),
      () => staff.update({ id: "", data: {} }),
      () => staff.updateDepartment({ id: "", data: {} }),
      () => training.getSession({ id: "" }),
      () => training.updateSession({ id: "", data: {} }),
      () => training.updateCourse({ id: "", data: {} }),
      () => training.getNomination({ id: "" }),
      () => training.cancel({ id: "" }),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "id: must not be empty",
      });
    }
  });
});
