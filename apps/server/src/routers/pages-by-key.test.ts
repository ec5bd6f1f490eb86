import { describe, expect, test } from "vitest";

import {
  createCourse,
  createDepartment,
  createNominations,
  createSession,
  createStaff,
} from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

// Lists page by key: each answer gives the position of its last row (`next`) and its first
// (`previous`), and a page asked for after or before a position holds the rows the numbered pages
// hold there. These walk the lists forward and back and compare with the pages by number.

const t = useTwoOrganisations();

interface Paged<T> {
  items: T[];
  total: number;
  next: string | null;
  previous: string | null;
}
type Ask<T> = (page: {
  page: number;
  pageSize: 5;
  after?: string;
  before?: string;
}) => Promise<Paged<T>>;

async function byNumber<T>(ask: Ask<T>): Promise<T[]> {
  const first = await ask({ page: 1, pageSize: 5 });
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page += 1) {
    items.push(...(await ask({ page, pageSize: 5 })).items);
  }
  return items;
}

async function byKey<T>(ask: Ask<T>): Promise<{ forward: T[]; back: T[] }> {
  let page = await ask({ page: 1, pageSize: 5 });
  expect(page.previous).toBeNull();
  const forward = [...page.items];
  let number = 1;
  while (page.next != null) {
    number += 1;
    page = await ask({ page: number, pageSize: 5, after: page.next });
    forward.push(...page.items);
  }
  const back = [...page.items];
  while (page.previous != null) {
    number -= 1;
    page = await ask({ page: number, pageSize: 5, before: page.previous });
    back.unshift(...page.items);
  }
  expect(number).toBe(1);
  return { forward, back };
}

async function expectSamePages<T>(ask: Ask<T>, expectedCount: number): Promise<void> {
  const numbered = await byNumber(ask);
  expect(numbered).toHaveLength(expectedCount);
  const { forward, back } = await byKey(ask);
  expect(forward).toEqual(numbered);
  expect(back).toEqual(numbered);
}

describe("lists page by key", () => {
  test("staff, by name, with people of the same name settled by employee number", async () => {
    for (let n = 0; n < 23; n += 1) createStaff(t.hr, { name: `Person ${String(n % 4)}` });
    const hr = t.app.caller(t.org.users.hr);
    await expectSamePages((page) => hr.staff.list(page), 23);
    await expectSamePages((page) => hr.staff.list({ ...page, search: "Person 1" }), 6);
  });

  test("the never trained, by department and name, settled by employee number", async () => {
    const departments = ["Housing", "Adult Social Care", "Children's Services"].map((name) =>
      createDepartment(t.hr, name),
    );
    for (let n = 0; n < 19; n += 1) {
      const department = departments[n % 3];
      createStaff(t.hr, { name: `Person ${String(n % 4)}`, departmentId: department?.id });
    }
    const hr = t.app.caller(t.org.users.hr);
    const { total } = await hr.reports.neverTrained({});
    expect(total).toBeGreaterThanOrEqual(19);
    await expectSamePages((page) => hr.reports.neverTrained(page), total);
  });

  test("sessions, soonest first, with sessions at the same time settled by id", async () => {
    const course = createCourse(t.hr);
    for (let n = 0; n < 17; n += 1) {
      const day = String(10 + (n % 3)).padStart(2, "0");
      createSession(t.hr, {
        courseId: course.id,
        startsAt: `2022-06-${day}T09:00:00.000Z`,
        endsAt: `2022-06-${day}T12:00:00.000Z`,
      });
    }
    const hr = t.app.caller(t.org.users.hr);
    await expectSamePages((page) => hr.training.sessions.list(page), 17);
    const staff = t.app.caller(t.org.users.viewer);
    await expectSamePages((page) => staff.myTraining.openSessions(page), 17);
  });

  test("the audit log, newest first, and narrowed", async () => {
    for (let n = 0; n < 12; n += 1) createStaff(t.hr);
    const admin = t.app.caller(t.org.users.admin);
    const { total } = await admin.audit.list({});
    expect(total).toBeGreaterThanOrEqual(12);
    await expectSamePages((page) => admin.audit.list(page), total);
    await expectSamePages((page) => admin.audit.list({ ...page, entity: "staff" }), 12);
  });

  test("uptake by manager, in the en-GB order of names, settled by the manager", async () => {
    const names = ["Zoë Ng", "éva Brown", "Eva Adams", "adam Zed", "Sam Lee", "Sam Lee", "Ola Ade"];
    const session = createSession(t.hr, { capacity: 40 });
    const staffIds = names.flatMap((name) => {
      const manager = createStaff(t.hr, { name });
      return [createStaff(t.hr, { managerId: manager.id }).id];
    });
    staffIds.push(createStaff(t.hr).id);
    createNominations(t.hr, { sessionId: session.id, staffIds });
    const hr = t.app.caller(t.org.users.hr);
    const ask: Ask<string> = async (page) => {
      const answer = await hr.reports.uptakeByManager(page);
      return { ...answer, items: answer.items.map((group) => `${group.name}/${group.key ?? ""}`) };
    };
    await expectSamePages(ask, 8);
    const { items } = await hr.reports.uptakeByManager({});
    expect(items.map((group) => group.name)).toEqual([
      "adam Zed",
      "Eva Adams",
      "éva Brown",
      "No manager",
      "Ola Ade",
      "Sam Lee",
      "Sam Lee",
      "Zoë Ng",
    ]);
    const [firstSam, secondSam] = items.filter((group) => group.name === "Sam Lee");
    expect([firstSam?.key, secondSam?.key]).toEqual([firstSam?.key, secondSam?.key].sort());
  });

  test("uptake by manager, remembered between pages, is never another user's, date range's or organisation's", async () => {
    const session = createSession(t.hr, { capacity: 40 });
    const bosses = ["Ann", "Bea"].map((name) => createStaff(t.hr, { name }));
    const staffIds = bosses.map((boss) => createStaff(t.hr, { managerId: boss.id }).id);
    createNominations(t.hr, { sessionId: session.id, staffIds });
    const names = async (caller: ReturnType<typeof t.app.caller>, range = {}) =>
      (await caller.reports.uptakeByManager(range)).items.map((group) => group.name);
    const hr = t.app.caller(t.org.users.hr);
    // Nothing is written between these: each answer is the first one's remembered list or not.
    expect(await names(hr)).toEqual(["Ann", "Bea"]);
    const annAsManager = { ...t.org.users.manager, staffId: bosses[0]?.id ?? null };
    expect(await names(t.app.caller(annAsManager))).toEqual(["Ann"]);
    expect(await names(hr, { from: "2000-01-01", to: "2000-12-31" })).toEqual([]);
    expect(await names(t.app.caller(t.other.users.hr))).toEqual([]);
    expect(await names(hr)).toEqual(["Ann", "Bea"]);
  });

  test("a manager added between pages neither repeats nor skips anyone on the next page", async () => {
    const session = createSession(t.hr, { capacity: 40 });
    const team = (name: string) => {
      const manager = createStaff(t.hr, { name });
      return createStaff(t.hr, { managerId: manager.id }).id;
    };
    const first = ["Ann", "Bea", "Cal", "Dee", "Eve", "Fay", "Gus"].map(team);
    createNominations(t.hr, { sessionId: session.id, staffIds: first });
    const hr = t.app.caller(t.org.users.hr);
    const page1 = await hr.reports.uptakeByManager({ pageSize: 5 });
    expect(page1.items.map((group) => group.name)).toEqual(["Ann", "Bea", "Cal", "Dee", "Eve"]);
    // Someone who sorts onto the first page is added after it was read.
    createNominations(t.hr, { sessionId: session.id, staffIds: [team("Abe")] });
    const byKey = await hr.reports.uptakeByManager({
      page: 2,
      pageSize: 5,
      after: page1.next ?? "",
    });
    expect(byKey.items.map((group) => group.name)).toEqual(["Fay", "Gus"]);
    const byNumber = await hr.reports.uptakeByManager({ page: 2, pageSize: 5 });
    expect(byNumber.items.map((group) => group.name)).toEqual(["Eve", "Fay", "Gus"]);
    // Back from there: the five before, then the manager added, on a page of their own.
    const back = await hr.reports.uptakeByManager({ pageSize: 5, before: byKey.previous ?? "" });
    expect(back.items.map((group) => group.name)).toEqual(["Ann", "Bea", "Cal", "Dee", "Eve"]);
    const start = await hr.reports.uptakeByManager({ pageSize: 5, before: back.previous ?? "" });
    expect(start).toMatchObject({ items: [{ name: "Abe" }], previous: null });
  });

  test("an empty list has no positions", async () => {
    const page = await t.app.caller(t.org.users.hr).staff.list({ search: "Nobody at all" });
    expect(page).toMatchObject({ items: [], total: 0, next: null, previous: null });
  });

  test("a position that is not one the list gave is refused, naming it, and both at once too", async () => {
    for (let n = 0; n < 7; n += 1) createStaff(t.hr);
    const hr = t.app.caller(t.org.users.hr);
    const { next } = await hr.staff.list({ pageSize: 5 });
    expect(next).not.toBeNull();
    const refusals = [
      { input: { after: "not-a-position" }, field: "after" },
      { input: { before: Buffer.from('["a"]').toString("base64url") }, field: "before" },
      { input: { after: Buffer.from("[{}, 1]").toString("base64url") }, field: "after" },
      { input: { after: next ?? "", before: next ?? "" }, field: "before" },
    ];
    for (const { input, field } of refusals) {
      await expect(hr.staff.list(input), JSON.stringify(input)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { field },
      });
    }
    await expect(hr.staff.list({ after: "abc!" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "after: must be a position the list gave",
    });
    // A position from another list (the audit log's: one number) is not a staff list's.
    const audit = await t.app.caller(t.org.users.admin).audit.list({ pageSize: 1 });
    await expect(hr.staff.list({ after: audit.next ?? "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
