import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { auditLog, nominationEvents, nominations } from "../db/schema";
import type { StaffItem } from "../services/staff/staff-items";
import {
  createBookings,
  createDepartment,
  createNominations,
  createSession,
  createStaff,
  linkManager,
  scopeAs,
} from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function nominationCount(): number {
  return t.app.db.select().from(nominations).all().length;
}

// A manager user linked to "Mo Manager", who manages Asha; Ben is someone else's.
function team(): { manager: SessionUser; asha: StaffItem; ben: StaffItem } {
  const boss = createStaff(t.hr, { name: "Mo Manager" });
  const asha = createStaff(t.hr, { name: "Asha Patel", managerId: boss.id });
  const ben = createStaff(t.hr, { name: "Ben Ode" });
  const manager = linkManager(scopeAs(t.app, t.org.users.admin), t.org.users.manager, boss.id);
  return { manager, asha, ben };
}

// The manager's caller and two nominations for one session: one of their team, one not.
function teamNominations() {
  const { manager, asha, ben } = team();
  const session = createSession(t.hr);
  const [mine, notMine] = createNominations(t.hr, {
    sessionId: session.id,
    staffIds: [asha.id, ben.id],
  });
  return { caller: t.app.caller(manager), mine: mine?.id ?? "", notMine: notMine?.id ?? "" };
}

describe("training.nominations.create", () => {
  test("nominates several people at once, each with a first history entry and an audit row", async () => {
    const session = createSession(t.hr);
    const [asha, ben] = [createStaff(t.hr, { name: "Asha Patel" }), createStaff(t.hr)];
    const created = await t.app.caller(t.org.users.hr).training.nominations.create({
      sessionId: session.id,
      staffIds: [asha.id, ben.id, asha.id],
      reason: "Works with families at risk",
      mandatory: true,
    });
    expect(created).toHaveLength(2);
    expect(created[0]).toMatchObject({
      staffName: "Asha Patel",
      state: "nominated",
      reason: "Works with families at risk",
      mandatory: true,
      nominatedBy: t.org.users.hr.name,
      courseTitle: session.courseTitle,
    });
    const events = t.app.db.select().from(nominationEvents).all();
    expect(events.map((event) => [event.state, event.note])).toEqual([
      ["nominated", "Works with families at risk"],
      ["nominated", "Works with families at risk"],
    ]);
    const audits = t.app.db.select().from(auditLog).where(eq(auditLog.entity, "nomination")).all();
    expect(audits).toHaveLength(2);
  });

  test("nominating someone already nominated names them, and nobody is nominated", async () => {
    const session = createSession(t.hr);
    const asha = createStaff(t.hr, { name: "Asha Patel" });
    const ben = createStaff(t.hr, { name: "Ben Ode" });
    createNominations(t.hr, { sessionId: session.id, staffIds: [asha.id] });
    await expect(
      t.app
        .caller(t.org.users.hr)
        .training.nominations.create({ sessionId: session.id, staffIds: [ben.id, asha.id] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Asha Patel is already nominated for this session",
      cause: { field: "staffIds" },
    });
    expect(nominationCount()).toBe(1);
  });

  test("people who have left cannot be nominated", async () => {
    const session = createSession(t.hr);
    const left = createStaff(t.hr, { name: "Cy Gone", active: false });
    await expect(
      t.app
        .caller(t.org.users.hr)
        .training.nominations.create({ sessionId: session.id, staffIds: [left.id] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Cy Gone is no longer active, so cannot be nominated",
    });
    expect(nominationCount()).toBe(0);
  });

  test("a manager nominates their own reports only", async () => {
    const session = createSession(t.hr);
    const { manager, asha, ben } = team();
    const caller = t.app.caller(manager);
    await expect(
      caller.training.nominations.create({ sessionId: session.id, staffIds: [asha.id, ben.id] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You can only nominate staff you manage",
    });
    expect(nominationCount()).toBe(0);
    await expect(
      caller.training.nominations.create({ sessionId: session.id, staffIds: [asha.id] }),
    ).resolves.toMatchObject([{ staffId: asha.id, nominatedBy: manager.name }]);
    await expect(
      t.app
        .caller(t.org.users.manager)
        .training.nominations.create({ sessionId: session.id, staffIds: [ben.id] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("roles, sign-in, tenancy and bad input", async () => {
    const session = createSession(t.hr);
    const asha = createStaff(t.hr);
    const theirs = createStaff(scopeAs(t.app, t.other.users.hr));
    const theirSession = createSession(scopeAs(t.app, t.other.users.hr));
    for (const role of ["viewer", "accreditation_lead"] as const) {
      await expect(
        t.app
          .caller(t.org.users[role])
          .training.nominations.create({ sessionId: session.id, staffIds: [asha.id] }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const caller = t.app.caller(t.org.users.hr);
    await expect(
      t.app
        .caller(null)
        .training.nominations.create({ sessionId: session.id, staffIds: [asha.id] }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      caller.training.nominations.create({ sessionId: session.id, staffIds: [theirs.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Staff member not found" });
    await expect(
      caller.training.nominations.create({ sessionId: theirSession.id, staffIds: [asha.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Training session not found" });
    await expect(
      caller.training.nominations.create({ sessionId: session.id, staffIds: [] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "staffIds: Choose at least one member of staff",
    });
    expect(nominationCount()).toBe(0);
  });
});

describe("training.nominations.list and training.nominations.get", () => {
  test("filters by session, course, state, department and person, a page at a time", async () => {
    const first = createSession(t.hr, { capacity: 1 });
    const second = createSession(t.hr);
    const [asha, ben] = [createStaff(t.hr, { name: "Asha Patel" }), createStaff(t.hr)];
    createBookings(t.hr, { sessionId: first.id, staffIds: [asha.id, ben.id] });
    createNominations(t.hr, { sessionId: second.id, staffIds: [asha.id] });
    createNominations(scopeAs(t.app, t.other.users.hr), {
      sessionId: createSession(scopeAs(t.app, t.other.users.hr)).id,
      staffIds: [createStaff(scopeAs(t.app, t.other.users.hr)).id],
    });
    const caller = t.app.caller(t.org.users.viewer);
    const count = async (input: Parameters<typeof caller.training.nominations.list>[0]) =>
      (await caller.training.nominations.list(input)).total;
    expect(await count({})).toBe(3);
    expect(await count({ sessionId: first.id })).toBe(2);
    expect(await count({ courseId: second.courseId })).toBe(1);
    expect(await count({ state: "waitlisted" })).toBe(1);
    expect(await count({ departmentId: asha.departmentId })).toBe(3);
    expect(await count({ staffId: asha.id })).toBe(2);
    const page = await caller.training.nominations.list({ pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    await expect(
      caller.training.nominations.list({ state: "attended" as "booked" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^state: must be one of nominated/) as string,
    });
  });

  test("a department's page lists the latest session first, then by name, with every row counted", async () => {
    const housing = createDepartment(t.hr, "Housing");
    const inHousing = (name: string) => createStaff(t.hr, { name, departmentId: housing.id });
    const [cy, asha, ben] = [inHousing("Cy Evans"), inHousing("Asha Patel"), inHousing("Ben Ode")];
    const elsewhere = createStaff(t.hr, { name: "Aaron Elsewhere" });
    const on = (day: string) => ({
      startsAt: `${day}T09:00:00.000Z`,
      endsAt: `${day}T12:00:00.000Z`,
    });
    const early = createSession(t.hr, on("2022-05-01"));
    const late = createSession(t.hr, on("2022-06-01"));
    const everyone = [cy.id, asha.id, ben.id, elsewhere.id];
    createNominations(t.hr, { sessionId: early.id, staffIds: everyone });
    const [declined] = createNominations(t.hr, { sessionId: late.id, staffIds: everyone });
    await t.app
      .caller(t.org.users.hr)
      .training.nominations.decline({ id: declined?.id ?? "", note: "Not this time" });
    const caller = t.app.caller(t.org.users.viewer);
    const filter = { departmentId: housing.id, state: "nominated" as const };
    const rows = async (page: number) => {
      const listed = await caller.training.nominations.list({ ...filter, page, pageSize: 3 });
      return { total: listed.total, rows: listed.items.map((i) => [i.startsAt, i.staffName]) };
    };
    expect(await rows(1)).toEqual({
      total: 5,
      rows: [
        ["2022-06-01T09:00:00.000Z", "Asha Patel"],
        ["2022-06-01T09:00:00.000Z", "Ben Ode"],
        ["2022-05-01T09:00:00.000Z", "Asha Patel"],
      ],
    });
    expect(await rows(2)).toEqual({
      total: 5,
      rows: [
        ["2022-05-01T09:00:00.000Z", "Ben Ode"],
        ["2022-05-01T09:00:00.000Z", "Cy Evans"],
      ],
    });
    const { total } = await caller.training.nominations.list({ departmentId: housing.id });
    expect(total).toBe(6);
  });

  test("a nomination's history names who changed it, oldest first", async () => {
    const session = createSession(t.hr);
    const [nomination] = createNominations(t.hr, {
      sessionId: session.id,
      staffIds: [createStaff(t.hr).id],
      reason: "Front-line",
    });
    const id = nomination?.id ?? "";
    await t.app
      .caller(t.org.users.admin)
      .training.nominations.approve({ id, note: "Agreed with manager" });
    await t.app.caller(t.org.users.hr).training.nominations.book({ id });
    const got = await t.app.caller(t.org.users.viewer).training.nominations.get({ id });
    expect(got.history).toEqual([
      expect.objectContaining({ state: "nominated", by: t.org.users.hr.name, note: "Front-line" }),
      expect.objectContaining({
        state: "approved",
        by: t.org.users.admin.name,
        byUserId: t.org.users.admin.id,
        note: "Agreed with manager",
      }),
      expect.objectContaining({ state: "booked", by: t.org.users.hr.name, note: "" }),
    ]);
    expect(got.state).toBe("booked");
  });

  test("managers see only their team's nominations; nobody sees another organisation's", async () => {
    const { caller, mine, notMine } = teamNominations();
    const listed = await caller.training.nominations.list();
    expect(listed.items.map((item) => item.id)).toEqual([mine]);
    await expect(caller.training.nominations.get({ id: notMine })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      t.app.caller(t.other.users.admin).training.nominations.get({ id: mine }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Nomination not found" });
    expect((await t.app.caller(t.other.users.admin).training.nominations.list()).total).toBe(0);
    await expect(t.app.caller(null).training.nominations.list()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("approve, decline, book and cancel", () => {
  function nominated(count: number, capacity = 2) {
    const session = createSession(t.hr, { capacity });
    const staffIds = Array.from(
      { length: count },
      (_, n) => createStaff(t.hr, { name: `P${n}` }).id,
    );
    const ids = createNominations(t.hr, { sessionId: session.id, staffIds }).map((row) => row.id);
    return { session, ids };
  }

  test("booking into a full session puts the person on the waiting list, with a note", async () => {
    const { ids } = nominated(3, 2);
    const caller = t.app.caller(t.org.users.hr);
    const states = [];
    for (const id of ids) states.push((await caller.training.nominations.book({ id })).state);
    expect(states).toEqual(["booked", "booked", "waitlisted"]);
    const waiting = await caller.training.nominations.get({ id: ids[2] ?? "" });
    expect(waiting.history.at(-1)?.note).toBe("This session is full, so added to the waiting list");
    await expect(caller.training.nominations.book({ id: ids[2] ?? "" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session is full: P2 stays on the waiting list",
    });
  });

  test("cancelling a booked place books the person who joined the waiting list first", async () => {
    const { session, ids } = nominated(4, 1);
    const [placed, nominatedFirst, joinedFirst, joinedSecond] = ids.map((id) => id);
    const caller = t.app.caller(t.org.users.hr);
    await caller.training.nominations.book({ id: placed ?? "" });
    // Joined the list in the opposite order to their nomination.
    await caller.training.nominations.book({ id: joinedFirst ?? "" });
    await caller.training.nominations.book({ id: nominatedFirst ?? "" });
    await caller.training.nominations.book({ id: joinedSecond ?? "" });
    const cancelled = await caller.training.nominations.cancel({
      id: placed ?? "",
      note: "Off sick",
    });
    expect(cancelled.nomination.state).toBe("cancelled");
    expect(cancelled.promoted.map((row) => row.id)).toEqual([joinedFirst]);
    const got = await caller.training.sessions.get({ id: session.id });
    expect(got.nominations.map((row) => [row.id, row.state, row.waitlistPosition])).toEqual([
      [joinedFirst, "booked", null],
      [nominatedFirst, "waitlisted", 1],
      [joinedSecond, "waitlisted", 2],
      [placed, "cancelled", null],
    ]);
    // Cancelling someone who held no place frees nothing.
    const fromList = await caller.training.nominations.cancel({
      id: joinedSecond ?? "",
      note: "Off sick",
    });
    expect(fromList.promoted).toEqual([]);
  });

  test("two bookings for the last place: one gets it, the other waits", async () => {
    const { ids } = nominated(2, 1);
    const caller = t.app.caller(t.org.users.hr);
    const results = await Promise.all(ids.map((id) => caller.training.nominations.book({ id })));
    expect(results.map((row) => row.state).sort()).toEqual(["booked", "waitlisted"]);
  });

  test("approve and decline; a final state cannot move on", async () => {
    const { ids } = nominated(2);
    const caller = t.app.caller(t.org.users.hr);
    await expect(caller.training.nominations.approve({ id: ids[0] ?? "" })).resolves.toMatchObject({
      state: "approved",
    });
    await expect(
      caller.training.nominations.decline({ id: ids[1] ?? "", note: "Not front-line" }),
    ).resolves.toMatchObject({ state: "declined" });
    await expect(caller.training.nominations.approve({ id: ids[1] ?? "" })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Cannot move a declined nomination to approved: declined is final; nominate the member of staff again instead",
    });
    await expect(caller.training.nominations.book({ id: ids[1] ?? "" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const history = t.app.db
      .select()
      .from(nominationEvents)
      .where(eq(nominationEvents.nominationId, ids[1] ?? ""))
      .all();
    expect(history.map((event) => event.state)).toEqual(["nominated", "declined"]);
  });

  test("a manager cancels their own team's nominations only, and cannot approve or book", async () => {
    const { caller, mine, notMine } = teamNominations();
    await expect(
      caller.training.nominations.cancel({ id: notMine, note: "Rota clash" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.training.nominations.approve({ id: mine })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.training.nominations.book({ id: mine })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      caller.training.nominations.cancel({ id: mine, note: "Rota clash" }),
    ).resolves.toMatchObject({
      nomination: { state: "cancelled" },
    });
  });

  test("roles, sign-in, tenancy and bad input for state changes", async () => {
    const { ids } = nominated(1);
    const id = ids[0] ?? "";
    for (const role of ["viewer", "accreditation_lead"] as const) {
      for (const action of ["approve", "decline", "book", "cancel"] as const) {
        await expect(
          t.app.caller(t.org.users[role]).training.nominations[action]({ id, note: "Matrix" }),
        ).rejects.toMatchObject({
          code: "FORBIDDEN",
        });
      }
    }
    for (const action of ["approve", "decline", "book", "cancel"] as const) {
      await expect(
        t.app.caller(null).training.nominations[action]({ id, note: "Matrix" }),
      ).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
      await expect(
        t.app.caller(t.other.users.admin).training.nominations[action]({ id, note: "Matrix" }),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(
      t.app.caller(t.org.users.hr).training.nominations.book({ id: "" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "id: must not be empty",
    });
    const [row] = t.app.db.select().from(nominations).all();
    expect(row?.state).toBe("nominated");
  });
});

describe("nomination history", () => {
  test("is append-only: the database refuses to change or remove an entry", () => {
    const session = createSession(t.hr);
    createBookings(t.hr, { sessionId: session.id, staffIds: [createStaff(t.hr).id] });
    expect(() => t.app.db.update(nominationEvents).set({ note: "rewritten" }).run()).toThrow(
      "nomination_events is append-only: UPDATE is not allowed",
    );
    expect(() => t.app.db.delete(nominationEvents).run()).toThrow(
      "nomination_events is append-only: DELETE is not allowed",
    );
    const history = t.app.db.select().from(nominationEvents).all();
    expect(history.map((event) => [event.state, event.note])).toEqual([
      ["nominated", ""],
      ["booked", ""],
    ]);
  });
});
