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
    "staff.departments.list": () => staff.departments.list(),
    "staff.departments.create": () => staff.departments.create({ name: "Housing" }),
    "staff.departments.update": () => staff.departments.update({ id, data: { name: "Housing" } }),
    "staff.list": () => staff.list({}),
    "staff.get": () => staff.get({ id }),
    "staff.create": () =>
      staff.create({ employeeNumber: "N1", name: "A", jobTitle: "B", departmentId: id }),
    "staff.update": () => staff.update({ id, data: { name: "A" } }),
    "staff.importCsv": () => staff.importCsv(csv),
    "training.courses.list": () => training.courses.list(),
    "training.courses.create": () => training.courses.create({ title: "A", level: 1 }),
    "training.courses.update": () => training.courses.update({ id, data: { level: 2 } }),
    "training.sessions.list": () => training.sessions.list(),
    "training.sessions.get": () => training.sessions.get({ id }),
    "training.sessions.create": () =>
      training.sessions.create({
        courseId: id,
        startsAt: "2022-05-10T09:00:00Z",
        endsAt: "2022-05-10T12:00:00Z",
        capacity: 1,
        location: "A",
        trainer: "B",
      }),
    "training.sessions.update": () => training.sessions.update({ id, data: { capacity: 2 } }),
    "training.nominations.create": () =>
      training.nominations.create({ sessionId: id, staffIds: [id] }),
    "training.nominations.list": () => training.nominations.list(),
    "training.nominations.get": () => training.nominations.get({ id }),
    "training.nominations.approve": () => training.nominations.approve({ id }),
    "training.nominations.decline": () =>
      training.nominations.decline({ id, note: "Not this time" }),
    "training.nominations.book": () => training.nominations.book({ id }),
    "training.nominations.cancel": () => training.nominations.cancel({ id, note: "Rota clash" }),
    "training.attendance.mark": () =>
      training.attendance.mark({ nominationId: id, outcome: "no_show" }),
    "training.attendance.markMany": () =>
      training.attendance.markMany({
        sessionId: id,
        marks: [{ nominationId: id, outcome: "no_show" }],
      }),
    "training.nominations.importCsv": () => training.nominations.importCsv(csv),
    "training.attendance.importCsv": () => training.attendance.importCsv(csv),
    "reports.uptake": () => reports.uptake(),
    "reports.uptakeByManager": () => reports.uptakeByManager(),
    "reports.refreshersDue": () => reports.refreshersDue(),
    "reports.neverTrained": () => reports.neverTrained(),
  };
}

const READS = [
  "staff.departments.list",
  "staff.list",
  "staff.get",
  "training.courses.list",
  "training.sessions.list",
  "training.sessions.get",
  "training.nominations.list",
  "training.nominations.get",
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
    // Nobody to attribute a signed-out call to: it leaves no trace in the audit log.
    expect(t.app.db.select().from(auditLog).all()).toEqual([]);
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
    // Each refusal is audited (who, which organisation, what they tried), and nothing else is.
    const viewer = t.org.users.viewer;
    const refused = Object.keys(calls(null)).filter((name) => !READS.includes(name));
    expect(t.app.db.select().from(auditLog).all()).toEqual(
      refused.map((what): unknown =>
        expect.objectContaining({
          action: "access_refused",
          entity: "access",
          userId: viewer.id,
          organisationId: viewer.organisationId,
          after: expect.objectContaining({ what, role: "viewer" }) as unknown,
        }),
      ),
    );
  });

  test("an id that is empty is refused, naming the field", async () => {
    const { staff, training } = t.app.caller(t.org.users.admin);
    for (const call of [
      () => staff.get({ id: "" }),
      () => staff.update({ id: "", data: {} }),
      () => staff.departments.update({ id: "", data: {} }),
      () => training.sessions.get({ id: "" }),
      () => training.sessions.update({ id: "", data: {} }),
      () => training.courses.update({ id: "", data: {} }),
      () => training.nominations.get({ id: "" }),
      () => training.nominations.cancel({ id: "", note: "Rota clash" }),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "id: must not be empty",
      });
    }
  });
});
