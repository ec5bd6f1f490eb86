import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";

import type { SessionItem } from "../training/session-items";
import {
  createBookings,
  createDepartment,
  createNominations,
  createSession,
  createStaff,
  scopeAs,
  startSession,
} from "../../test/builders";
import { useTwoOrganisations } from "../../test/two-organisations";

// Imports switch the tally triggers off (tally_deferrals) and adjust the running counts once per
// department, manager and state. These tests hold them to what the triggers would have kept: a
// fresh count of every nomination, after imports that succeed and imports that fail.

const t = useTwoOrganisations();

const NOMINATION_HEADER = "employee_number,session_id,reason,mandatory";
const ATTENDANCE_HEADER = "employee_number,session_id,outcome";
const OUTCOMES = ["Fully attended", "Partially attended", "Unable to attend", "No show"];

interface Person {
  id: string;
  employeeNumber: string;
}

let people: Person[];
let register: SessionItem;
let later: SessionItem[];

// Four departments, each with two managers (with teams of six and four) and two people with no
// manager: 56 people. One session to book and mark, and six later ones to import nominations for.
beforeEach(() => {
  people = [];
  for (let d = 0; d < 4; d += 1) {
    const departmentId = createDepartment(t.hr, `Tally department ${String(d)}`).id;
    const add = (n: number, managerId: string | null): Person => {
      const employeeNumber = `T${String(d)}${String(n).padStart(3, "0")}`;
      const person = createStaff(t.hr, { employeeNumber, departmentId, managerId });
      people.push({ id: person.id, employeeNumber });
      return person;
    };
    const first = add(0, null).id;
    const second = add(1, null).id;
    for (let n = 2; n < 14; n += 1) add(n, n < 8 ? first : n < 12 ? second : null);
  }
  register = createSession(t.hr, { capacity: 100 });
  later = Array.from({ length: 6 }, (_, i) =>
    createSession(t.hr, {
      capacity: 100,
      startsAt: `2022-06-${String(10 + i)}T09:00:00.000Z`,
      endsAt: `2022-06-${String(10 + i)}T12:00:00.000Z`,
    }),
  );
  // Counts in other states before any import, and another organisation's, which must not move.
  createBookings(t.hr, { sessionId: register.id, staffIds: people.slice(0, 40).map((p) => p.id) });
  const theirs = scopeAs(t.app, t.other.users.hr);
  createNominations(theirs, {
    sessionId: createSession(theirs).id,
    staffIds: [createStaff(theirs).id, createStaff(theirs).id],
  });
});

type Row = Record<string, string | number>;

/** The item at `index` (negative counts from the end), which the fixture always has. */
function nth<T>(list: readonly T[], index: number): T {
  const item = list.at(index);
  if (item === undefined) throw new Error(`The fixture has no item ${String(index)}`);
  return item;
}

// Rows that fall to zero stay in the running counts (ADR 008) and mean nothing: left out here.
function runningCounts() {
  return {
    byManager: t.app.db.all<Row>(sql`
      SELECT organisation_id, department_id, manager_key, state, nominations FROM nomination_tallies
      WHERE nominations <> 0 ORDER BY 1, 2, 3, 4`),
    byDepartment: t.app.db.all<Row>(sql`
      SELECT organisation_id, department_id, state, nominations FROM department_tallies
      WHERE nominations <> 0 ORDER BY 1, 2, 3`),
  };
}

function freshCounts() {
  return {
    byManager: t.app.db.all<Row>(sql`
      SELECT n.organisation_id, s.department_id, coalesce(s.manager_id, '') AS manager_key, n.state,
        count(*) AS nominations
      FROM nominations n JOIN staff s ON s.organisation_id = n.organisation_id AND s.id = n.staff_id
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
    byDepartment: t.app.db.all<Row>(sql`
      SELECT n.organisation_id, s.department_id, n.state, count(*) AS nominations
      FROM nominations n JOIN staff s ON s.organisation_id = n.organisation_id AND s.id = n.staff_id
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
  };
}

/** Every row of both tally tables (zeros too) and of tally_deferrals, to compare exactly. */
function tallyTables() {
  return {
    byManager: t.app.db.all<Row>(sql`SELECT * FROM nomination_tallies ORDER BY 1, 2, 3, 4`),
    byDepartment: t.app.db.all<Row>(sql`SELECT * FROM department_tallies ORDER BY 1, 2, 3`),
    deferrals: t.app.db.all<Row>(sql`SELECT * FROM tally_deferrals`),
  };
}

function nominationsFile(): string {
  const rows = later.flatMap((session, i) =>
    people.map((person) => `${person.employeeNumber},${session.id},,${i % 2 === 0 ? "yes" : "no"}`),
  );
  return [NOMINATION_HEADER, ...rows].join("\n");
}

describe("imports keep the running counts exact", () => {
  test("a nominations file of 336 rows over four departments, eight managers and none", async () => {
    const caller = t.app.caller(t.org.users.hr);
    expect(runningCounts()).toEqual(freshCounts());
    const before = runningCounts().byManager.length;
    await expect(
      caller.training.nominations.importCsv({ csv: nominationsFile() }),
    ).resolves.toMatchObject({ written: true, counts: { created: 336 } });
    expect(runningCounts()).toEqual(freshCounts());
    // Each department's two teams and its people with no manager gained a row for nominated.
    expect(runningCounts().byManager.length).toBe(before + 12);
    expect(tallyTables().deferrals).toEqual([]);
  });

  test("an attendance file marking 40 people with four outcomes", async () => {
    startSession(t.app, t.hr, register.id);
    const rows = people
      .slice(0, 40)
      .map((person, i) => `${person.employeeNumber},${register.id},${OUTCOMES[i % 4] ?? ""}`);
    await expect(
      t.app.caller(t.org.users.hr).training.attendance.importCsv({
        csv: [ATTENDANCE_HEADER, ...rows].join("\n"),
      }),
    ).resolves.toMatchObject({ written: true, counts: { updated: 40 } });
    const counts = runningCounts();
    expect(counts).toEqual(freshCounts());
    expect(new Set(counts.byDepartment.map((row) => row.state))).toEqual(
      new Set(["nominated", "fully_attended", "partially_attended", "unable_to_attend", "no_show"]),
    );
    expect(tallyTables().deferrals).toEqual([]);
  });
});

describe("an import that fails leaves the running counts as they were", () => {
  test("refused for a bad last row", async () => {
    const before = tallyTables();
    const file = `${nominationsFile()}\nNOBODY,${nth(later, 0).id},,`;
    await expect(
      t.app.caller(t.org.users.hr).training.nominations.importCsv({ csv: file }),
    ).resolves.toMatchObject({ written: false, errorCount: 1 });
    expect(tallyTables()).toEqual(before);
  });

  // A fault SQLite reports mid-write, on the file's last row, and one after the counts have been
  // adjusted (writing the import's audit entry): either way the transaction rolls back whole.
  test.each([
    [
      "writing the last nomination",
      (last: Person) => `BEFORE INSERT ON nominations WHEN NEW.staff_id = '${last.id}'
        AND NEW.session_id = '${nth(later, -1).id}'`,
    ],
    [
      "writing the import's audit entry",
      () => `BEFORE INSERT ON audit_log WHEN NEW.action = 'import'`,
    ],
  ])("failing while %s", async (_, when) => {
    const before = tallyTables();
    t.app.db.run(
      sql.raw(`CREATE TEMP TRIGGER fault ${when(nth(people, -1))}
        BEGIN SELECT RAISE(ABORT, 'disk fault'); END`),
    );
    try {
      await expect(
        t.app.caller(t.org.users.hr).training.nominations.importCsv({ csv: nominationsFile() }),
      ).rejects.toThrow();
    } finally {
      t.app.db.run(sql`DROP TRIGGER temp.fault`);
    }
    expect(tallyTables()).toEqual(before);
    expect(runningCounts()).toEqual(freshCounts());
  });
});

describe("outside imports the triggers keep the counts", () => {
  test("a single nomination is counted at once, with no deferral in place", async () => {
    const person = nth(people, 2);
    const nominated = () =>
      runningCounts().byDepartment.find(
        (row) => row.organisation_id === t.org.id && row.state === "nominated",
      )?.nominations ?? 0;
    const before = nominated();
    await t.app.caller(t.org.users.hr).training.nominations.create({
      sessionId: nth(later, 0).id,
      staffIds: [person.id],
      reason: "",
      mandatory: false,
    });
    expect(tallyTables().deferrals).toEqual([]);
    expect(nominated()).toBe(Number(before) + 1);
    expect(runningCounts()).toEqual(freshCounts());
  });

  test("a deferral row switches off the triggers for its organisation only", () => {
    const before = runningCounts();
    t.app.db.run(sql`INSERT INTO tally_deferrals (organisation_id) VALUES (${t.org.id})`);
    createNominations(t.hr, { sessionId: nth(later, 0).id, staffIds: [nth(people, 3).id] });
    expect(runningCounts()).toEqual(before);
    const theirs = scopeAs(t.app, t.other.users.hr);
    createNominations(theirs, {
      sessionId: createSession(theirs).id,
      staffIds: [createStaff(theirs).id],
    });
    expect(runningCounts()).not.toEqual(before);
    t.app.db.run(sql`DELETE FROM tally_deferrals`);
  });
});
