import { beforeEach, describe, expect, test } from "vitest";

import { auditLog, nominationEvents, nominations } from "../db/schema";
import type { SessionItem } from "../services/training/session-items";
import {
  createBookings,
  createNominations,
  createSession,
  createStaff,
  scopeAs,
  startSession,
} from "../test/builders";
import { READ_ONLY_ROLES, useTwoOrganisations } from "../test/two-organisations";

let session: SessionItem;

const t = useTwoOrganisations();

beforeEach(() => {
  session = createSession(t.hr, { capacity: 10 });
  createStaff(t.hr, { employeeNumber: "N1", name: "Asha Patel" });
  createStaff(t.hr, { employeeNumber: "N2", name: "Ben Ode" });
  createStaff(t.hr, { employeeNumber: "N3", name: "Cy Gone", active: false });
});

function written() {
  return {
    nominations: t.app.db.select().from(nominations).all().length,
    history: t.app.db.select().from(nominationEvents).all().length,
    audit: t.app.db.select().from(auditLog).all().length,
  };
}

function csv(lines: string[]): string {
  return lines.join("\n");
}

describe("training.nominations.importCsv", () => {
  const header = "employee_number,session_id,reason,mandatory";

  test("nominates from a file; the same file again changes nothing", async () => {
    const file = csv([
      header,
      `N1,${session.id},Front-line housing,yes`,
      `N2,${session.id},"Team lead, safeguarding",`,
    ]);
    const caller = t.app.caller(t.org.users.hr);
    await expect(caller.training.nominations.importCsv({ csv: file })).resolves.toEqual({
      dryRun: false,
      written: true,
      counts: { created: 2, updated: 0, unchanged: 0 },
      errors: [],
      errorCount: 0,
    });
    const listed = await caller.training.nominations.list({ sessionId: session.id });
    expect(listed.items.map((item) => [item.staffName, item.reason, item.mandatory])).toEqual([
      ["Asha Patel", "Front-line housing", true],
      ["Ben Ode", "Team lead, safeguarding", false],
    ]);
    const before = written();
    await expect(caller.training.nominations.importCsv({ csv: file })).resolves.toMatchObject({
      counts: { created: 0, updated: 0, unchanged: 2 },
    });
    expect(written()).toEqual(before);
    await expect(
      caller.training.nominations.importCsv({ csv: file.replace(",yes", ",no") }),
    ).resolves.toMatchObject({ counts: { created: 0, updated: 1, unchanged: 1 } });
    // A changed reason is audited but is not a change of state, so history is untouched.
    expect(written()).toEqual({ ...before, audit: before.audit + 2 });
  });

  test("lists every bad row and nominates nobody", async () => {
    const theirs = createSession(scopeAs(t.app, t.other.users.hr));
    const file = csv([
      header,
      `N1,${session.id},,perhaps`,
      `N9,${session.id},,`,
      `N2,${theirs.id},,`,
      `N3,${session.id},,`,
      `N2,${session.id},,`,
      ` N2 ,${session.id},again,`,
      `,${session.id},,`,
    ]);
    const result = await t.app.caller(t.org.users.hr).training.nominations.importCsv({ csv: file });
    expect(result).toMatchObject({ written: false, counts: { created: 1 } });
    expect(result.errors).toEqual([
      { line: 2, column: "mandatory", message: "must be yes or no" },
      { line: 3, column: "employee_number", message: "No member of staff has employee number N9" },
      { line: 4, column: "session_id", message: `No training session has the id ${theirs.id}` },
      {
        line: 5,
        column: "employee_number",
        message: "Cy Gone is no longer active, so cannot be nominated",
      },
      {
        line: 7,
        column: "employee_number",
        message: "Ben Ode is also on line 6 for this session",
      },
      { line: 8, column: "employee_number", message: "must not be empty" },
    ]);
    expect(written().nominations).toBe(0);
  });

  test("a dry run reports what would happen and writes nothing", async () => {
    const file = csv([header, `N1,${session.id},,`]);
    await expect(
      t.app.caller(t.org.users.admin).training.nominations.importCsv({ csv: file, dryRun: true }),
    ).resolves.toMatchObject({
      dryRun: true,
      written: false,
      counts: { created: 1, updated: 0, unchanged: 0 },
    });
    expect(written().nominations).toBe(0);
  });

  test("roles and sign-in", async () => {
    const file = csv([header, `N1,${session.id},,`]);
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.nominations.importCsv({ csv: file }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      t.app.caller(null).training.nominations.importCsv({ csv: file }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // Another organisation's HR cannot reach these people or this session.
    const result = await t.app
      .caller(t.other.users.hr)
      .training.nominations.importCsv({ csv: file });
    expect(result.errors.map((error) => error.column)).toEqual(["employee_number"]);
    expect(written().nominations).toBe(0);
  });
});

describe("imports keep to the session's timing", () => {
  test("nobody is nominated from a file for a session that has started; each row says why", async () => {
    const later = createSession(t.hr, {
      startsAt: "2022-06-01T09:00:00Z",
      endsAt: "2022-06-01T12:00:00Z",
    });
    startSession(t.app, t.hr, session.id);
    const file = csv([
      "employee_number,session_id,reason,mandatory",
      `N1,${session.id},,no`,
      `N2,${later.id},,no`,
    ]);
    const result = await t.app.caller(t.org.users.hr).training.nominations.importCsv({ csv: file });
    expect(result.errors).toEqual([
      {
        line: 2,
        column: "session_id",
        message: "This session started at 10am on 10 May 2022, so nobody can be nominated for it",
      },
    ]);
    expect(written().nominations).toBe(0);
  });

  test("a cancelled or declined person is nominated again from a file", async () => {
    const [asha] = (await t.app.caller(t.org.users.hr).staff.list({ active: true })).items;
    const [first] = createNominations(t.hr, { sessionId: session.id, staffIds: [asha?.id ?? ""] });
    await t.app
      .caller(t.org.users.hr)
      .training.nominations.cancel({ id: first?.id ?? "", note: "Wrong session" });
    const file = csv(["employee_number,session_id,reason,mandatory", `N1,${session.id},,yes`]);
    await expect(
      t.app.caller(t.org.users.hr).training.nominations.importCsv({ csv: file }),
    ).resolves.toMatchObject({ written: true, counts: { created: 1, updated: 0 } });
    const states = t.app.db.select({ state: nominations.state }).from(nominations).all();
    expect(states.map((row) => row.state).sort()).toEqual(["cancelled", "nominated"]);
  });

  test("no attendance from a file before the session starts; each row says why", async () => {
    const people = await t.app.caller(t.org.users.hr).staff.list({ active: true });
    createBookings(t.hr, { sessionId: session.id, staffIds: people.items.map((item) => item.id) });
    const before = written();
    const file = csv(["employee_number,session_id,outcome", `N1,${session.id},no_show`]);
    const result = await t.app.caller(t.org.users.hr).training.attendance.importCsv({ csv: file });
    expect(result.errors).toEqual([
      {
        line: 2,
        column: "session_id",
        message: "Attendance can be recorded from 10am on 10 May 2022, when the session starts",
      },
    ]);
    expect(written()).toEqual(before);
  });
});

describe("training.attendance.importCsv", () => {
  const header = "Employee Number,Session ID,Outcome";

  // Attendance is recorded from the session's start.
  beforeEach(() => {
    startSession(t.app, t.hr, session.id);
  });

  test("marks attendance from a register; the same file again changes nothing", async () => {
    const people = await t.app.caller(t.org.users.hr).staff.list({ active: true });
    createBookings(t.hr, { sessionId: session.id, staffIds: people.items.map((item) => item.id) });
    const file = csv([header, `N1,${session.id},Fully attended`, `N2,${session.id},NO-SHOW`]);
    const caller = t.app.caller(t.org.users.hr);
    await expect(caller.training.attendance.importCsv({ csv: file })).resolves.toMatchObject({
      written: true,
      counts: { created: 0, updated: 2, unchanged: 0 },
      errors: [],
    });
    const got = await caller.training.sessions.get({ id: session.id });
    expect(got.nominations.map((row) => [row.staffName, row.state])).toEqual([
      ["Asha Patel", "fully_attended"],
      ["Ben Ode", "no_show"],
    ]);
    const before = written();
    await expect(caller.training.attendance.importCsv({ csv: file })).resolves.toMatchObject({
      counts: { created: 0, updated: 0, unchanged: 2 },
    });
    expect(written()).toEqual(before);
  });

  test("lists every bad row and marks nobody", async () => {
    const [asha, ben] = (await t.app.caller(t.org.users.hr).staff.list({ active: true })).items;
    const [cancelled] = createNominations(t.hr, {
      sessionId: session.id,
      staffIds: [ben?.id ?? ""],
    });
    createBookings(t.hr, { sessionId: createSession(t.hr).id, staffIds: [asha?.id ?? ""] });
    await t.app
      .caller(t.org.users.hr)
      .training.nominations.cancel({ id: cancelled?.id ?? "", note: "Rota clash" });
    const before = written();
    const file = csv([
      header,
      `N1,${session.id},fully_attended`,
      `N2,${session.id},fully_attended`,
      `N2,${session.id},attended`,
    ]);
    const result = await t.app.caller(t.org.users.hr).training.attendance.importCsv({ csv: file });
    expect(result.errors).toEqual([
      {
        line: 2,
        column: "employee_number",
        message: "Asha Patel was not nominated for this session",
      },
      {
        line: 3,
        column: "outcome",
        message: "Ben Ode: Cannot mark attendance for a cancelled nomination",
      },
      {
        line: 4,
        column: "outcome",
        message: "must be one of fully_attended, partially_attended, unable_to_attend, no_show",
      },
      {
        line: 4,
        column: "employee_number",
        message: "Ben Ode is also on line 3 for this session",
      },
    ]);
    expect(written()).toEqual(before);
  });

  test("roles and sign-in", async () => {
    const file = csv([header, `N1,${session.id},no_show`]);
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.attendance.importCsv({ csv: file }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      t.app.caller(null).training.attendance.importCsv({ csv: file }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // Another organisation's HR cannot reach these people or this session.
    const result = await t.app
      .caller(t.other.users.hr)
      .training.attendance.importCsv({ csv: file });
    expect(result).toMatchObject({ written: false, counts: { updated: 0 } });
    expect(result.errors.map((error) => error.column)).toEqual(["employee_number"]);
  });
});
