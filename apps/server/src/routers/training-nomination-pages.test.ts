import { describe, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import type { NominationItem } from "../services/training/nomination-items";
import {
  createCourse,
  createDepartment,
  createNominations,
  createSession,
  createStaff,
  linkManager,
  scopeAs,
} from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

// 45 sessions, newest first: the 28th to 36th newest all start at the same time, across the first
// batch of sessions a page reads (32), so a page must sort people at one time together.
async function manySessions() {
  const course = createCourse(t.hr);
  const housing = createDepartment(t.hr, "Housing");
  const boss = createStaff(t.hr, { name: "Mo Manager", departmentId: housing.id });
  const names = ["Zara", "Asha", "Ben", "Cy", "Dev", "Ellen"];
  const people = names.map((name, n) =>
    createStaff(t.hr, {
      name,
      ...(n % 2 === 0 ? { departmentId: housing.id, managerId: boss.id } : {}),
    }),
  );
  for (let n = 0; n < 45; n += 1) {
    const day = n >= 9 && n <= 17 ? 17 : n;
    const startsAt = new Date(Date.UTC(2022, 0, 1 + day, 9)).toISOString();
    const endsAt = new Date(Date.UTC(2022, 0, 1 + day, 12)).toISOString();
    const session = createSession(t.hr, { courseId: course.id, startsAt, endsAt });
    const who = people.filter((_, i) => (i + n) % 3 !== 0).map((person) => person.id);
    const [first] = createNominations(t.hr, { sessionId: session.id, staffIds: who });
    // Some declined, so a state narrows the list.
    if (n % 4 === 0)
      await t.app
        .caller(t.org.users.hr)
        .training.nominations.decline({ id: first?.id ?? "", note: "Not this time" });
  }
  const manager = linkManager(scopeAs(t.app, t.org.users.admin), t.org.users.manager, boss.id);
  return { course, housing, manager };
}

// The order every page promises: latest session first, then by name, then by id.
function inListOrder(a: NominationItem, b: NominationItem): number {
  if (a.startsAt !== b.startsAt) return a.startsAt < b.startsAt ? 1 : -1;
  if (a.staffName !== b.staffName) return a.staffName < b.staffName ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}

type Filters = Parameters<ReturnType<typeof t.app.caller>["training"]["nominations"]["list"]>[0];

async function everyPage(user: SessionUser, filters: Filters) {
  const caller = t.app.caller(user);
  const first = await caller.training.nominations.list({ ...filters, pageSize: 7 });
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page += 1) {
    const next = await caller.training.nominations.list({ ...filters, page, pageSize: 7 });
    if (next.items.length === 0) throw new Error(`page ${String(page)} is empty`);
    items.push(...next.items);
  }
  return { total: first.total, items };
}

// Follows `next` from the first page to the last, then `previous` back to the first: the pages
// found by key, as the web's Next and Previous links ask for them.
async function everyPageByKey(user: SessionUser, filters: Filters) {
  const list = t.app.caller(user).training.nominations.list;
  let page = await list({ ...filters, pageSize: 7 });
  expect(page.previous).toBeNull();
  const forward = [...page.items];
  let number = 1;
  while (page.next != null) {
    number += 1;
    page = await list({ ...filters, pageSize: 7, page: number, after: page.next });
    forward.push(...page.items);
  }
  const back = [...page.items];
  while (page.previous != null) {
    number -= 1;
    page = await list({ ...filters, pageSize: 7, page: number, before: page.previous });
    back.unshift(...page.items);
  }
  expect(number).toBe(1);
  expect(page.next == null).toBe(back.length <= 7);
  return { forward, back };
}

describe("training.nominations.list pages over many sessions", () => {
  test("every page, however the list is narrowed, holds the next rows in order, each once", async () => {
    const { course, housing, manager } = await manySessions();
    const all = (await everyPage(t.org.users.hr, { courseId: course.id })).items;
    expect(all).toHaveLength(45 * 4);
    const narrowings: [SessionUser, Filters, (item: NominationItem) => boolean][] = [
      [t.org.users.hr, {}, () => true],
      [t.org.users.hr, { state: "nominated" }, (item) => item.state === "nominated"],
      [t.org.users.hr, { departmentId: housing.id }, (item) => item.departmentId === housing.id],
      [
        t.org.users.viewer,
        { departmentId: housing.id, state: "nominated" },
        (item) => item.departmentId === housing.id && item.state === "nominated",
      ],
      [t.org.users.hr, { state: "declined" }, (item) => item.state === "declined"],
      [manager, {}, (item) => item.departmentId === housing.id && item.staffName !== "Mo Manager"],
      [t.org.users.hr, { courseId: course.id }, () => true],
    ];
    for (const [user, filters, expected] of narrowings) {
      const listed = await everyPage(user, filters);
      const wanted = all.filter(expected).sort(inListOrder);
      expect(listed.total, JSON.stringify(filters)).toBe(wanted.length);
      expect(
        listed.items.map((item) => item.id),
        JSON.stringify(filters),
      ).toEqual(wanted.map((item) => item.id));
      const byKey = await everyPageByKey(user, filters);
      const ids = (items: NominationItem[]) => items.map((item) => item.id);
      expect(ids(byKey.forward), `forward ${JSON.stringify(filters)}`).toEqual(ids(wanted));
      expect(ids(byKey.back), `back ${JSON.stringify(filters)}`).toEqual(ids(wanted));
    }
  });

  test("a page past the end is empty, with the total still given", async () => {
    await manySessions();
    const caller = t.app.caller(t.org.users.hr);
    const past = await caller.training.nominations.list({ page: 40, pageSize: 7 });
    expect(past).toMatchObject({ items: [], total: 45 * 4, page: 40 });
  });
});
