import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { auditLog, nominationEvents, nominations } from "../db/schema";
import type { Scope } from "../services/scope";
import type { StaffItem } from "../services/staff/staff-items";
import {
  createBookings,
  createNominations,
  createSession,
  createStaff,
  createTwoOrganisations,
  linkManager,
  scopeAs,
} from "../test/builders";
import type { TestApp, TestOrganisation } from "../test/test-app";

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
let hr: Scope;

beforeEach(async () => {
  ({ app, org, other, hr } = await createTwoOrganisations());
});

function nominationCount(): number {
  return app.db.select().from(nominations).all().length;
}

// A manager user linked to "Mo Manager", who manages Asha; Ben is someone else's.
function team(): { manager: SessionUser; asha: StaffItem; ben: StaffItem } {
  const boss = createStaff(hr, { name: "Mo Manager" });
  const asha = createStaff(hr, { name: "Asha Patel", managerId: boss.id });
  const ben = createStaff(hr, { name: "Ben Ode" });
  const manager = linkManager(scopeAs(app, org.users.admin), org.users.manager, boss.id);
  return { manager, asha, ben };
}

describe("training.nominate", () => {
  test("nominates several people at once, each with a first history entry and an audit row", async () => {
    const session = createSession(hr);
    const [asha, ben] = [createStaff(hr, { name: "Asha Patel" }), createStaff(hr)];
    const created = await app.caller(org.users.hr).training.nominate({
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
      nominatedBy: org.users.hr.name,
      courseTitle: session.courseTitle,
    });
    const events = app.db.select().from(nominationEvents).all();
    expect(events.map((event) => [event.state, event.note])).toEqual([
      ["nominated", "Works with families at risk"],
      ["nominated", "Works with families at risk"],
    ]);
    const audits = app.db.select().from(auditLog).where(eq(auditLog.entity, "nomination")).all();
    expect(audits).toHaveLength(2);
  });

  test("nominating someone already nominated names them, and nobody is nominated", async () => {
    const session = createSession(hr);
    const asha = createStaff(hr, { name: "Asha Patel" });
    const ben = createStaff(hr, { name: "Ben Ode" });
    createNominations(hr, { sessionId: session.id, staffIds: [asha.id] });
    await expect(
      app
        .caller(org.users.hr)
        .training.nominate({ sessionId: session.id, staffIds: [ben.id, asha.id] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Asha Patel is already nominated for this session",
      cause: { field: "staffIds" },
    });
    expect(nominationCount()).toBe(1);
  });

  test("people who have left cannot be nominated", async () => {
    const session = createSession(hr);
    const left = createStaff(hr, { name: "Cy Gone", active: false });
    await expect(
      app.caller(org.users.hr).training.nominate({ sessionId: session.id, staffIds: [left.id] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Cy Gone is no longer active, so cannot be nominated",
    });
    expect(nominationCount()).toBe(0);
  });

  test("a manager nominates their own reports only", async () => {
    const session = createSession(hr);
    const { manager, asha, ben } = team();
    const caller = app.caller(manager);
    await expect(
      caller.training.nominate({ sessionId: session.id, staffIds: [asha.id, ben.id] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You can only nominate staff you manage",
    });
    expect(nominationCount()).toBe(0);
    await expect(
      caller.training.nominate({ sessionId: session.id, staffIds: [asha.id] }),
    ).resolves.toMatchObject([{ staffId: asha.id, nominatedBy: manager.name }]);
    await expect(
      app
        .caller(org.users.manager)
        .training.nominate({ sessionId: session.id, staffIds: [ben.id] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("roles, sign-in, tenancy and bad input", async () => {
    const session = createSession(hr);
    const asha = createStaff(hr);
    const theirs = createStaff(scopeAs(app, other.users.hr));
    const theirSession = createSession(scopeAs(app, other.users.hr));
    for (const role of ["viewer", "accreditation_lead"] as const) {
      await expect(
        app
          .caller(org.users[role])
          .training.nominate({ sessionId: session.id, staffIds: [asha.id] }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const caller = app.caller(org.users.hr);
    await expect(
      app.caller(null).training.nominate({ sessionId: session.id, staffIds: [asha.id] }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      caller.training.nominate({ sessionId: session.id, staffIds: [theirs.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Staff member not found" });
    await expect(
      caller.training.nominate({ sessionId: theirSession.id, staffIds: [asha.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Training session not found" });
    await expect(
      caller.training.nominate({ sessionId: session.id, staffIds: [] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "staffIds: Choose at least one member of staff",
    });
    expect(nominationCount()).toBe(0);
  });
});

describe("training.listNominations and training.getNomination", () => {
  test("filters by session, course, state, department and person, a page at a time", async () => {
    const first = createSession(hr, { capacity: 1 });
    const second = createSession(hr);
    const [asha, ben] = [createStaff(hr, { name: "Asha Patel" }), createStaff(hr)];
    createBookings(hr, { sessionId: first.id, staffIds: [asha.id, ben.id] });
    createNominations(hr, { sessionId: second.id, staffIds: [asha.id] });
    createNominations(scopeAs(app, other.users.hr), {
      sessionId: createSession(scopeAs(app, other.users.hr)).id,
      staffIds: [createStaff(scopeAs(app, other.users.hr)).id],
    });
    const caller = app.caller(org.users.viewer);
    const count = async (input: Parameters<typeof caller.training.listNominations>[0]) =>
      (await caller.training.listNominations(input)).total;
    expect(await count({})).toBe(3);
    expect(await count({ sessionId: first.id })).toBe(2);
    expect(await count({ courseId: second.courseId })).toBe(1);
    expect(await count({ state: "waitlisted" })).toBe(1);
    expect(await count({ departmentId: asha.departmentId })).toBe(3);
    expect(await count({ staffId: asha.id })).toBe(2);
    const page = await caller.training.listNominations({ pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    await expect(
      caller.training.listNominations({ state: "attended" as "booked" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^state: must be one of nominated/) as string,
    });
  });

  test("a nomination's history names who changed it, oldest first", async () => {
    const session = createSession(hr);
    const [nomination] = createNominations(hr, {
      sessionId: session.id,
      staffIds: [createStaff(hr).id],
      reason: "Front-line",
    });
    const id = nomination?.id ?? "";
    await app.caller(org.users.admin).training.approve({ id, note: "Agreed with manager" });
    await app.caller(org.users.hr).training.book({ id });
    const got = await app.caller(org.users.viewer).training.getNomination({ id });
    expect(got.history).toEqual([
      expect.objectContaining({ state: "nominated", by: org.users.hr.name, note: "Front-line" }),
      expect.objectContaining({
        state: "approved",
        by: org.users.admin.name,
        byUserId: org.users.admin.id,
        note: "Agreed with manager",
      }),
      expect.objectContaining({ state: "booked", by: org.users.hr.name, note: "" }),
    ]);
    expect(got.state).toBe("booked");
  });

  test("managers see only their team's nominations; nobody sees another organisation's", async () => {
    const session = createSession(hr);
    const { manager, asha, ben } = team();
    const [mine, notMine] = createNominations(hr, {
      sessionId: session.id,
      staffIds: [asha.id, ben.id],
    });
    const caller = app.caller(manager);
    const listed = await caller.training.listNominations();
    expect(listed.items.map((item) => item.id)).toEqual([mine?.id]);
    await expect(caller.training.getNomination({ id: notMine?.id ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      app.caller(other.users.admin).training.getNomination({ id: mine?.id ?? "" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Nomination not found" });
    expect((await app.caller(other.users.admin).training.listNominations()).total).toBe(0);
    await expect(app.caller(null).training.listNominations()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("approve, decline, book and cancel", () => {
  function nominated(count: number, capacity = 2) {
    const session = createSession(hr, { capacity });
    const staffIds = Array.from({ length: count }, (_, n) => createStaff(hr, { name: `P${n}` }).id);
    const ids = createNominations(hr, { sessionId: session.id, staffIds }).map((row) => row.id);
    return { session, ids };
  }

  test("booking into a full session puts the person on the waiting list, with a note", async () => {
    const { ids } = nominated(3, 2);
    const caller = app.caller(org.users.hr);
    const states = [];
    for (const id of ids) states.push((await caller.training.book({ id })).state);
    expect(states).toEqual(["booked", "booked", "waitlisted"]);
    const waiting = await caller.training.getNomination({ id: ids[2] ?? "" });
    expect(waiting.history.at(-1)?.note).toBe("This session is full, so added to the waiting list");
    await expect(caller.training.book({ id: ids[2] ?? "" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session is full: P2 stays on the waiting list",
    });
  });

  test("cancelling a booked place books the person who joined the waiting list first", async () => {
    const { session, ids } = nominated(4, 1);
    const [placed, nominatedFirst, joinedFirst, joinedSecond] = ids.map((id) => id);
    const caller = app.caller(org.users.hr);
    await caller.training.book({ id: placed ?? "" });
    // Joined the list in the opposite order to their nomination.
    await caller.training.book({ id: joinedFirst ?? "" });
    await caller.training.book({ id: nominatedFirst ?? "" });
    await caller.training.book({ id: joinedSecond ?? "" });
    const cancelled = await caller.training.cancel({ id: placed ?? "", note: "Off sick" });
    expect(cancelled.nomination.state).toBe("cancelled");
    expect(cancelled.promoted.map((row) => row.id)).toEqual([joinedFirst]);
    const got = await caller.training.getSession({ id: session.id });
    expect(got.nominations.map((row) => [row.id, row.state, row.waitlistPosition])).toEqual([
      [joinedFirst, "booked", null],
      [nominatedFirst, "waitlisted", 1],
      [joinedSecond, "waitlisted", 2],
      [placed, "cancelled", null],
    ]);
    // Cancelling someone who held no place frees nothing.
    const fromList = await caller.training.cancel({ id: joinedSecond ?? "" });
    expect(fromList.promoted).toEqual([]);
  });

  test("two bookings for the last place: one gets it, the other waits", async () => {
    const { ids } = nominated(2, 1);
    const caller = app.caller(org.users.hr);
    const results = await Promise.all(ids.map((id) => caller.training.book({ id })));
    expect(results.map((row) => row.state).sort()).toEqual(["booked", "waitlisted"]);
  });

  test("approve and decline; a final state cannot move on", async () => {
    const { ids } = nominated(2);
    const caller = app.caller(org.users.hr);
    await expect(caller.training.approve({ id: ids[0] ?? "" })).resolves.toMatchObject({
      state: "approved",
    });
    await expect(
      caller.training.decline({ id: ids[1] ?? "", note: "Not front-line" }),
    ).resolves.toMatchObject({ state: "declined" });
    await expect(caller.training.approve({ id: ids[1] ?? "" })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Cannot move a declined nomination to approved: declined is final; nominate the member of staff again instead",
    });
    await expect(caller.training.book({ id: ids[1] ?? "" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const history = app.db
      .select()
      .from(nominationEvents)
      .where(eq(nominationEvents.nominationId, ids[1] ?? ""))
      .all();
    expect(history.map((event) => event.state)).toEqual(["nominated", "declined"]);
  });

  test("a manager cancels their own team's nominations only, and cannot approve or book", async () => {
    const session = createSession(hr);
    const { manager, asha, ben } = team();
    const [mine, notMine] = createNominations(hr, {
      sessionId: session.id,
      staffIds: [asha.id, ben.id],
    });
    const caller = app.caller(manager);
    await expect(caller.training.cancel({ id: notMine?.id ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.training.approve({ id: mine?.id ?? "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.training.book({ id: mine?.id ?? "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.training.cancel({ id: mine?.id ?? "" })).resolves.toMatchObject({
      nomination: { state: "cancelled" },
    });
  });

  test("roles, sign-in, tenancy and bad input for state changes", async () => {
    const { ids } = nominated(1);
    const id = ids[0] ?? "";
    for (const role of ["viewer", "accreditation_lead"] as const) {
      for (const action of ["approve", "decline", "book", "cancel"] as const) {
        await expect(app.caller(org.users[role]).training[action]({ id })).rejects.toMatchObject({
          code: "FORBIDDEN",
        });
      }
    }
    for (const action of ["approve", "decline", "book", "cancel"] as const) {
      await expect(app.caller(null).training[action]({ id })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
      await expect(app.caller(other.users.admin).training[action]({ id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(app.caller(org.users.hr).training.book({ id: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "id: must not be empty",
    });
    const [row] = app.db.select().from(nominations).all();
    expect(row?.state).toBe("nominated");
  });
});

describe("nomination history", () => {
  test("is append-only: the database refuses to change or remove an entry", () => {
    const session = createSession(hr);
    createBookings(hr, { sessionId: session.id, staffIds: [createStaff(hr).id] });
    expect(() => app.db.update(nominationEvents).set({ note: "rewritten" }).run()).toThrow(
      "nomination_events is append-only: UPDATE is not allowed",
    );
    expect(() => app.db.delete(nominationEvents).run()).toThrow(
      "nomination_events is append-only: DELETE is not allowed",
    );
    const history = app.db.select().from(nominationEvents).all();
    expect(history.map((event) => [event.state, event.note])).toEqual([
      ["nominated", ""],
      ["booked", ""],
    ]);
  });
});
