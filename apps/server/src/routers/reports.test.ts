import { beforeEach, describe, expect, test } from "vitest";

import type { AttendanceOutcome } from "@dapkit/schemas";
import { formatRate, refresherDue } from "@dapkit/training";

import { refreshersDue } from "../services/reports/refreshers-due";
import { dayOf } from "../services/training/date-range";
import type { StaffValues } from "../services/staff/save-staff";
import {
  createBookings,
  createCourse,
  createDepartment,
  createNominations,
  createSession,
  createStaff,
  linkManager,
  scopeAs,
  startSession,
} from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function staffIds(count: number, values: Partial<StaffValues>): string[] {
  return Array.from({ length: count }, () => createStaff(t.hr, values).id);
}

async function mark(sessionId: string, ids: string[], outcome: AttendanceOutcome) {
  // Marked as the session starts (the service requires it); the reports are read as of today.
  const today = t.app.clock.now;
  startSession(t.app, t.hr, sessionId);
  await t.app.caller(t.org.users.hr).training.attendance.markMany({
    sessionId,
    marks: ids.map((nominationId) => ({ nominationId, outcome })),
  });
  t.app.clock.now = today;
}

// The demo council's figures: 90 nominated, 80 booked, 56 attended (50 fully, 6 partly).
async function ninetyNominated() {
  const housing = createDepartment(t.hr, "Housing");
  const revenues = createDepartment(t.hr, "Revenues");
  const lead = createStaff(t.hr, { name: "Mo Manager", departmentId: housing.id });
  const people = [
    ...staffIds(50, { departmentId: housing.id, managerId: lead.id }),
    ...staffIds(40, { departmentId: revenues.id }),
  ];
  const course = createCourse(t.hr);
  const sessions = [0, 1, 2].map((n) =>
    createSession(t.hr, {
      courseId: course.id,
      capacity: 30,
      startsAt: `2022-0${n + 1}-15T09:00:00Z`,
      endsAt: `2022-0${n + 1}-15T12:00:00Z`,
    }),
  );
  const ids = sessions.flatMap((session, n) =>
    createNominations(t.hr, { sessionId: session.id, staffIds: people.slice(n * 30, n * 30 + 30) }),
  );
  const caller = t.app.caller(t.org.users.hr);
  for (const nomination of ids.slice(0, 5))
    await caller.training.nominations.decline({ id: nomination.id, note: "Not this time" });
  for (const nomination of ids.slice(5, 10))
    await caller.training.nominations.cancel({ id: nomination.id, note: "Rota clash" });
  const booked = ids.slice(10);
  // Booked before the first session started, as the service requires.
  const today = t.app.clock.now;
  t.app.clock.now = new Date("2022-01-01T09:00:00Z");
  for (const nomination of booked) await caller.training.nominations.book({ id: nomination.id });
  t.app.clock.now = today;
  const outcomes: [number, AttendanceOutcome][] = [
    [50, "fully_attended"],
    [6, "partially_attended"],
    [14, "no_show"],
    [10, "unable_to_attend"],
  ];
  let next = 0;
  for (const [count, outcome] of outcomes) {
    for (const nomination of booked.slice(next, next + count)) {
      await mark(nomination.sessionId, [nomination.id], outcome);
    }
    next += count;
  }
  return { lead, housing, revenues };
}

describe("reports.uptake", () => {
  test("90 nominated and 56 attended is an attendance rate of 56/90", async () => {
    const { housing, revenues, lead } = await ninetyNominated();
    const report = await t.app.caller(t.org.users.viewer).reports.uptake();
    expect(report.overall).toEqual({
      nominated: 90,
      booked: 80,
      attended: 56,
      fullyAttended: 50,
      partiallyAttended: 6,
      noShow: 14,
      unableToAttend: 10,
      cancelled: 5,
      declined: 5,
      waitlisted: 0,
      attendanceRate: 56 / 90,
    });
    expect(formatRate(report.overall.attendanceRate)).toBe("62.2%");
    expect(report.byDepartment.map((group) => [group.key, group.name, group.nominated])).toEqual([
      [housing.id, "Housing", 50],
      [revenues.id, "Revenues", 40],
    ]);
    const byManager = await t.app.caller(t.org.users.viewer).reports.uptakeByManager();
    expect(byManager.items.map((group) => [group.key, group.name, group.nominated])).toEqual([
      [lead.id, "Mo Manager", 50],
      [null, "No manager", 40],
    ]);
    expect(byManager.items[0]?.attended).toBe(
      report.byDepartment.find((group) => group.key === housing.id)?.attended,
    );
    const sum = report.byDepartment.reduce((total, group) => total + group.attended, 0);
    expect(sum).toBe(56);
  });

  test("counts only sessions starting in the date range, both days included", async () => {
    await ninetyNominated();
    const caller = t.app.caller(t.org.users.hr);
    const report = await caller.reports.uptake({ from: "2022-02-15", to: "2022-03-15" });
    expect(report.overall.nominated).toBe(60);
    expect((await caller.reports.uptake({ to: "2022-01-14" })).overall.nominated).toBe(0);
    await expect(
      caller.reports.uptake({ from: "2022-03-01", to: "2022-02-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "to: must not be before the from date",
    });
    await expect(caller.reports.uptake({ from: "15/02/2022" })).rejects.toMatchObject({
      message: "from: must be a date in the form YYYY-MM-DD",
    });
  });

  test("all-time figures (kept as running counts) match counting every session, after people move", async () => {
    const { housing, revenues, lead } = await ninetyNominated();
    const caller = t.app.caller(t.org.users.hr);
    const everySession = { from: "2000-01-01", to: "2099-12-31" };
    expect(await caller.reports.uptake()).toEqual(await caller.reports.uptake(everySession));
    // Move someone with nominations to the other department and under the manager, and another
    // from under the manager to no manager: their nominations move with them.
    const report = await caller.reports.uptake();
    const [mover] = await caller.staff
      .list({ departmentId: revenues.id, pageSize: 1 })
      .then((page) => page.items);
    const [leaver] = await caller.staff
      .list({ departmentId: housing.id, pageSize: 2 })
      .then((page) => page.items.filter((person) => person.id !== lead.id));
    if (mover === undefined || leaver === undefined) throw new Error("fixture has no staff");
    await caller.staff.update({
      id: mover.id,
      data: { departmentId: housing.id, managerId: lead.id },
    });
    await caller.staff.update({ id: leaver.id, data: { managerId: null } });
    const moved = await caller.reports.uptake();
    expect(moved).toEqual(await caller.reports.uptake(everySession));
    expect(moved.overall).toEqual(report.overall);
    expect(moved.byDepartment).not.toEqual(report.byDepartment);
    expect(await caller.reports.uptakeByManager()).toEqual(
      await caller.reports.uptakeByManager(everySession),
    );
  });

  test("by manager comes a page at a time in order of name, with the total", async () => {
    const { lead } = await ninetyNominated();
    const caller = t.app.caller(t.org.users.hr);
    const first = await caller.reports.uptakeByManager({ pageSize: 1 });
    expect(first).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(first.items.map((group) => group.key)).toEqual([lead.id]);
    const second = await caller.reports.uptakeByManager({ page: 2, pageSize: 1 });
    expect(second.items.map((group) => [group.name, group.nominated])).toEqual([
      ["No manager", 40],
    ]);
    const ranged = await caller.reports.uptakeByManager({ from: "2022-03-01" });
    expect(ranged.items.map((group) => [group.name, group.nominated])).toEqual([
      ["No manager", 30],
    ]);
    expect((await caller.reports.uptakeByManager({ page: 3, pageSize: 1 })).items).toEqual([]);
    // @ts-expect-error 0 is outside PageSize; the server must refuse it all the same
    await expect(caller.reports.uptakeByManager({ pageSize: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "pageSize: must be at least 1",
    });
    await expect(
      caller.reports.uptakeByManager({ from: "2022-03-01", to: "2022-02-01" }),
    ).rejects.toMatchObject({ message: "to: must not be before the from date" });
  });

  test("a manager sees only their team; another organisation sees none of it", async () => {
    const { lead } = await ninetyNominated();
    const manager = linkManager(scopeAs(t.app, t.org.users.admin), t.org.users.manager, lead.id);
    const mine = await t.app.caller(manager).reports.uptake();
    expect(mine.overall.nominated).toBe(50);
    expect(mine.byDepartment.map((group) => [group.name, group.nominated])).toEqual([
      ["Housing", 50],
    ]);
    const myManagers = await t.app.caller(manager).reports.uptakeByManager();
    expect(myManagers.items.map((group) => group.name)).toEqual(["Mo Manager"]);
    const other = t.app.caller(t.other.users.admin);
    expect(await other.reports.uptake()).toEqual({
      overall: expect.objectContaining({ nominated: 0, attendanceRate: 0 }) as object,
      byDepartment: [],
    });
    expect(await other.reports.uptakeByManager()).toMatchObject({ items: [], total: 0 });
    await expect(t.app.caller(null).reports.uptake()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("reports.refreshersDue", () => {
  let courseId: string;
  beforeEach(() => {
    courseId = createCourse(t.hr, { title: "Yearly refresher", refresherIntervalMonths: 12 }).id;
  });

  async function attended(
    name: string,
    day: string,
    outcome: AttendanceOutcome = "fully_attended",
  ) {
    const person = createStaff(t.hr, { name });
    const session = createSession(t.hr, {
      courseId,
      startsAt: `${day}T09:00:00Z`,
      endsAt: `${day}T12:00:00Z`,
    });
    const [booked] = createBookings(t.hr, { sessionId: session.id, staffIds: [person.id] });
    await mark(session.id, [booked?.id ?? ""], outcome);
    return person;
  }

  test("lists overdue and soon-due refreshers from each person's latest full attendance", async () => {
    // The test clock reads 2022-04-05.
    await attended("Asha Overdue", "2021-03-01");
    await attended("Ben Soon", "2021-04-20");
    await attended("Cy Current", "2021-09-01");
    await attended("Di Partial", "2021-03-01", "partially_attended");
    const left = await attended("Ed Left", "2021-03-01");
    await t.app.caller(t.org.users.hr).staff.update({ id: left.id, data: { active: false } });
    const noRefresher = createCourse(t.hr, { title: "One-off", refresherIntervalMonths: null });
    const once = createSession(t.hr, {
      courseId: noRefresher.id,
      startsAt: "2020-01-01T09:00:00Z",
      endsAt: "2020-01-01T12:00:00Z",
    });
    const [booked] = createBookings(t.hr, { sessionId: once.id, staffIds: [createStaff(t.hr).id] });
    await mark(once.id, [booked?.id ?? ""], "fully_attended");

    const caller = t.app.caller(t.org.users.viewer);
    const { items: due, ...counts } = await caller.reports.refreshersDue();
    expect(counts).toMatchObject({ total: 2, overdue: 1, dueSoon: 1 });
    expect(due.map((row) => [row.staffName, row.status, row.dueOn, row.daysUntilDue])).toEqual([
      ["Asha Overdue", "overdue", "2022-03-01", -35],
      ["Ben Soon", "due_soon", "2022-04-20", 15],
    ]);
    expect(due[0]).toMatchObject({
      courseTitle: "Yearly refresher",
      lastCompletedOn: "2021-03-01",
    });
    const narrow = await caller.reports.refreshersDue({ withinDays: 10 });
    expect(narrow.items.map((row) => row.staffName)).toEqual(["Asha Overdue"]);
    const later = await caller.reports.refreshersDue({ asOf: "2022-09-01" });
    expect(later.items.map((row) => row.status)).toEqual(["overdue", "overdue", "due_soon"]);
    await expect(caller.reports.refreshersDue({ withinDays: -1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "withinDays: must not be negative",
    });
  });

  test("refreshers due the same day list by name, employee number and course, however they were added", async () => {
    // Each made in the reverse of the order expected, so the order they were stored in is wrong.
    const later = createCourse(t.hr, { title: "Annual update", refresherIntervalMonths: 12 }).id;
    const second = createStaff(t.hr, { name: "Sam Reed", employeeNumber: "E900002" });
    const first = createStaff(t.hr, { name: "Sam Reed", employeeNumber: "E900001" });
    for (const course of [courseId, later]) {
      const session = createSession(t.hr, {
        courseId: course,
        startsAt: "2021-03-01T09:00:00Z",
        endsAt: "2021-03-01T12:00:00Z",
      });
      const booked = createBookings(t.hr, {
        sessionId: session.id,
        staffIds: [second.id, first.id],
      });
      await mark(
        session.id,
        booked.map((nomination) => nomination.id),
        "fully_attended",
      );
    }
    const due = await t.app.caller(t.org.users.viewer).reports.refreshersDue();
    expect(due.items.map((row) => [row.employeeNumber, row.courseTitle])).toEqual([
      ["E900001", "Annual update"],
      ["E900001", "Yearly refresher"],
      ["E900002", "Annual update"],
      ["E900002", "Yearly refresher"],
    ]);
  });

  test("the report is refresherDue's over every completion, and the scheduler's are its not yet overdue, at every month's end and after completing again", async () => {
    const days = ["2021-01-31", "2021-02-28", "2021-03-29", "2021-03-31", "2021-04-30"];
    // Every full attendance, for working the report out from the training rules alone.
    const completions: { months: number; staffId: string; name: string; endsAt: string }[] = [];
    for (const months of [1, 12, 36]) {
      const course = createCourse(t.hr, {
        title: `Every ${String(months)}`,
        refresherIntervalMonths: months,
      });
      const people = days.map((day) => createStaff(t.hr, { name: `${day} ${String(months)}` }));
      for (const [index, day] of days.entries()) {
        const session = createSession(t.hr, {
          courseId: course.id,
          startsAt: `${day}T22:30:00Z`,
          endsAt: `${day}T23:30:00Z`,
        });
        // Each person also attends the next session after their own: completed again, their
        // first completion no longer falls due, though it ended in the scheduler's window.
        const attendees = [people[index], people[index - 1]].flatMap((person) =>
          person === undefined ? [] : [person.id],
        );
        const booked = createBookings(t.hr, { sessionId: session.id, staffIds: attendees });
        await mark(
          session.id,
          booked.map((nomination) => nomination.id),
          "fully_attended",
        );
        for (const person of [people[index], people[index - 1]]) {
          if (person !== undefined) {
            completions.push({
              months,
              staffId: person.id,
              name: person.name,
              endsAt: session.endsAt,
            });
          }
        }
      }
    }
    const nameOf = new Map(completions.map((completion) => [completion.staffId, completion.name]));
    // The report from the rules alone: each course's completions, every one, to refresherDue.
    const fromTheRules = (asOf: string) =>
      [1, 12, 36].flatMap((months) =>
        refresherDue({
          completions: completions
            .filter((completion) => completion.months === months)
            .map((completion) => ({
              staffId: completion.staffId,
              completedOn: dayOf(completion.endsAt),
            })),
          intervalMonths: months,
          asOf,
          dueWithinDays: 30,
        })
          .filter((row) => row.status !== "current")
          .map((row) => ({ staffName: nameOf.get(row.staffId) ?? "" })),
      );
    const scope = scopeAs(t.app, t.org.users.hr);
    const names = (rows: { staffName: string }[]) => rows.map((row) => row.staffName).sort();
    let found = 0;
    // Each day from January 2021 to the spring of 2024 (a leap year), as the scheduler would ask.
    for (let day = Date.UTC(2021, 0, 1); day <= Date.UTC(2024, 4, 1); day += 86_400_000) {
      const asOf = new Date(day).toISOString().slice(0, 10);
      const whole = refreshersDue(scope, { asOf, withinDays: 30 });
      expect(names(whole), asOf).toEqual(names(fromTheRules(asOf)));
      const report = whole.filter((row) => row.daysUntilDue >= 0);
      const falling = refreshersDue(scope, { asOf, fallingDue: { withinDays: 30 } });
      expect(names(falling), asOf).toEqual(names(report));
      found += falling.length;
    }
    expect(found).toBeGreaterThan(400);
  });

  test("a report for a past date goes by the completion known then, not one since", async () => {
    const person = await attended("Ria Retrained", "2021-03-01");
    const again = createSession(t.hr, {
      courseId,
      startsAt: "2022-03-01T09:00:00Z",
      endsAt: "2022-03-01T12:00:00Z",
    });
    const [booked] = createBookings(t.hr, { sessionId: again.id, staffIds: [person.id] });
    await mark(again.id, [booked?.id ?? ""], "fully_attended");
    const caller = t.app.caller(t.org.users.hr);
    expect((await caller.reports.refreshersDue()).items).toEqual([]);
    const then = await caller.reports.refreshersDue({ asOf: "2022-02-15" });
    expect(then.items.map((row) => [row.staffName, row.lastCompletedOn, row.status])).toEqual([
      ["Ria Retrained", "2021-03-01", "due_soon"],
    ]);
  });

  test("pages by position forward and back, in the list's order, and a change between pages shows", async () => {
    // Twelve people due on three days, four a day, whose names sort differently by case and accent.
    const names = [
      "émile",
      "Emma",
      "eve",
      "Zoë",
      "zara",
      "Ada",
      "Ábel",
      "ada",
      "Bo",
      "bo",
      "Cy",
      "ça",
    ];
    for (const [index, name] of names.entries()) {
      await attended(name, `2021-0${String(3 + (index % 3))}-01`);
    }
    const hr = t.app.caller(t.org.users.hr);
    const whole = await hr.reports.refreshersDue({ pageSize: 200 });
    const expected = whole.items.map((row) => row.staffId);
    expect(whole.total).toBe(12);
    const forward: string[] = [];
    let page = await hr.reports.refreshersDue({ pageSize: 5 });
    forward.push(...page.items.map((row) => row.staffId));
    while (page.next != null) {
      page = await hr.reports.refreshersDue({ pageSize: 5, page: page.page + 1, after: page.next });
      forward.push(...page.items.map((row) => row.staffId));
    }
    expect(forward).toEqual(expected);
    const back = [...page.items.map((row) => row.staffId)];
    while (page.previous != null) {
      page = await hr.reports.refreshersDue({
        pageSize: 5,
        page: page.page - 1,
        before: page.previous,
      });
      back.unshift(...page.items.map((row) => row.staffId));
    }
    expect(back).toEqual(expected);
    // The list is kept between pages, but not past a change: someone newly due shows at once.
    await attended("Newly Due", "2021-03-01");
    expect((await hr.reports.refreshersDue({ pageSize: 200 })).total).toBe(13);
    await expect(hr.reports.refreshersDue({ after: "WzEsMl0" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "after" },
    });
  });

  test("a manager sees only their team; another organisation sees nothing", async () => {
    const boss = createStaff(t.hr);
    const person = await attended("Asha Overdue", "2021-03-01");
    await attended("Ben Overdue", "2021-03-01");
    await t.app
      .caller(t.org.users.hr)
      .staff.update({ id: person.id, data: { managerId: boss.id } });
    const manager = linkManager(scopeAs(t.app, t.org.users.admin), t.org.users.manager, boss.id);
    // HR's list first, so a list kept for HR would be what the manager saw if the two were mixed.
    const everyone = await t.app.caller(t.org.users.hr).reports.refreshersDue();
    expect(everyone.total).toBe(2);
    const mine = await t.app.caller(manager).reports.refreshersDue();
    expect(mine.items.map((row) => row.staffName)).toEqual(["Asha Overdue"]);
    expect(mine).toMatchObject({ total: 1, overdue: 1, dueSoon: 0 });
    expect(await t.app.caller(t.other.users.hr).reports.refreshersDue()).toMatchObject({
      items: [],
      total: 0,
    });
    await expect(t.app.caller(null).reports.refreshersDue()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("reports.neverTrained", () => {
  test("lists active staff who never attended, fully or partly, by department then name", async () => {
    const housing = createDepartment(t.hr, "Housing");
    const adults = createDepartment(t.hr, "Adult Social Care");
    const [noShow, partly, fully, never] = [
      createStaff(t.hr, { name: "Asha No-show", departmentId: housing.id }),
      createStaff(t.hr, { name: "Ben Partly", departmentId: housing.id }),
      createStaff(t.hr, { name: "Cy Fully", departmentId: housing.id }),
      createStaff(t.hr, { name: "Zed Never", departmentId: adults.id }),
    ];
    createStaff(t.hr, { name: "Ed Left", departmentId: housing.id, active: false });
    const session = createSession(t.hr);
    const [a, b, c] = createBookings(t.hr, {
      sessionId: session.id,
      staffIds: [noShow.id, partly.id, fully.id],
    });
    await mark(session.id, [a?.id ?? ""], "no_show");
    await mark(session.id, [b?.id ?? ""], "partially_attended");
    await mark(session.id, [c?.id ?? ""], "fully_attended");
    const listed = await t.app.caller(t.org.users.accreditation_lead).reports.neverTrained();
    expect(listed.total).toBe(2);
    expect(listed.items.map((row) => [row.departmentName, row.name])).toEqual([
      ["Adult Social Care", never.name],
      ["Housing", noShow.name],
    ]);
    const nobody = { items: [], total: 0, next: null };
    expect(await t.app.caller(t.other.users.hr).reports.neverTrained()).toMatchObject(nobody);
    expect(await t.app.caller(t.org.users.manager).reports.neverTrained()).toMatchObject(nobody);
    await expect(t.app.caller(null).reports.neverTrained()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
