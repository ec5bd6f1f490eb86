import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { auditLog } from "../db/schema";
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

// A session with `places` places and `people` nominations, named P0, P1, … in nomination order.
function nominated(people: number, places: number) {
  const session = createSession(t.hr, { capacity: places });
  const staffIds = Array.from(
    { length: people },
    (_, i) => createStaff(t.hr, { name: `P${i}` }).id,
  );
  const ids = createNominations(t.hr, { sessionId: session.id, staffIds }).map((row) => row.id);
  return { session, ids };
}

describe("training.nominations.applyMany", () => {
  test("books everyone chosen: the free places first, then the waiting list, each audited", async () => {
    const { session, ids } = nominated(5, 3);
    const result = await t.app.caller(t.org.users.hr).training.nominations.applyMany({
      sessionId: session.id,
      action: "book",
      ids,
    });
    expect(result.results.map((row) => [row.staffName, row.outcome, row.reason])).toEqual([
      ["P0", "booked", null],
      ["P1", "booked", null],
      ["P2", "booked", null],
      ["P3", "waitlisted", null],
      ["P4", "waitlisted", null],
    ]);
    const got = await t.app.caller(t.org.users.hr).training.sessions.get({ id: session.id });
    expect([got.booked, got.waitlisted, got.placesLeft]).toEqual([3, 2, 0]);
    const audits = t.app.db.select().from(auditLog).where(eq(auditLog.entity, "nomination")).all();
    expect(audits.filter((row) => row.action === "book")).toHaveLength(3);
    expect(audits.filter((row) => row.action === "waitlist")).toHaveLength(2);
  });

  test("booking again gives a freed place to the waiting list first and skips the rest, saying why", async () => {
    const { session, ids } = nominated(4, 2);
    const caller = t.app.caller(t.org.users.hr);
    // P2 waits, then P3 is nominated later and chosen first: P2 still gets the freed place.
    await caller.training.nominations.applyMany({
      sessionId: session.id,
      action: "book",
      ids: ids.slice(0, 3),
    });
    await caller.training.sessions.update({ id: session.id, data: { capacity: 2 } });
    await caller.training.nominations.cancel({ id: ids[0] ?? "", note: "Off sick" });
    const again = await caller.training.nominations.applyMany({
      sessionId: session.id,
      action: "book",
      ids: [ids[3] ?? "", ids[1] ?? "", ids[0] ?? ""],
    });
    expect(again.results.map((row) => [row.staffName, row.outcome])).toEqual([
      ["P3", "waitlisted"],
      ["P1", "skipped"],
      ["P0", "skipped"],
    ]);
    expect(again.results[1]?.reason).toMatch(/booked/i);
    expect(again.results[2]?.reason).toMatch(/cancelled/i);
  });

  test("a waiting person chosen while the session is still full is skipped with the reason", async () => {
    const { session, ids } = nominated(2, 1);
    const caller = t.app.caller(t.org.users.hr);
    await caller.training.nominations.applyMany({ sessionId: session.id, action: "book", ids });
    const again = await caller.training.nominations.applyMany({
      sessionId: session.id,
      action: "book",
      ids: [ids[1] ?? ""],
    });
    expect(again.results).toEqual([
      {
        id: ids[1],
        staffName: "P1",
        outcome: "skipped",
        reason: "This session is full, so they stay on the waiting list",
      },
    ]);
  });

  test("cancelling booked places books the waiting list into them, in the same transaction", async () => {
    const session = createSession(t.hr, { capacity: 2 });
    const staffIds = ["A", "B", "C", "D"].map((name) => createStaff(t.hr, { name }).id);
    const [a, b, c, d] = createBookings(t.hr, { sessionId: session.id, staffIds });
    const result = await t.app.caller(t.org.users.hr).training.nominations.cancelMany({
      sessionId: session.id,
      ids: [a?.id ?? "", c?.id ?? ""],
      note: "Rota clash",
    });
    expect(result.results.map((row) => [row.staffName, row.outcome])).toEqual([
      ["A", "cancelled"],
      ["C", "cancelled"],
    ]);
    expect(result.promoted).toEqual([{ id: d?.id, staffName: "D" }]);
    const got = await t.app.caller(t.org.users.hr).training.nominations.get({ id: b?.id ?? "" });
    expect(got.state).toBe("booked");
  });

  test("decline and cancel need a reason, and nothing changes without one", async () => {
    const { session, ids } = nominated(2, 5);
    const caller = t.app.caller(t.org.users.hr);
    await expect(
      caller.training.nominations.applyMany({
        sessionId: session.id,
        action: "decline",
        ids,
        note: "  ",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "note: Enter the reason for declining",
    });
    await expect(
      caller.training.nominations.cancelMany({ sessionId: session.id, ids }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "note: Enter the reason for cancelling",
    });
    const got = await caller.training.sessions.get({ id: session.id });
    expect(got.nominations.map((row) => row.state)).toEqual(["nominated", "nominated"]);
    const declined = await caller.training.nominations.applyMany({
      sessionId: session.id,
      action: "decline",
      ids,
      note: "Not in a front-line role",
    });
    expect(declined.results.map((row) => row.outcome)).toEqual(["declined", "declined"]);
    const history = await caller.training.nominations.get({ id: ids[0] ?? "" });
    expect(history.history.at(-1)?.note).toBe("Not in a front-line role");
  });

  test("approves, and skips a nomination of another session or organisation as not found", async () => {
    const { session, ids } = nominated(1, 5);
    const other = nominated(1, 5);
    const southshire = scopeAs(t.app, t.other.users.hr);
    const theirSession = createSession(southshire);
    const theirs = createNominations(southshire, {
      sessionId: theirSession.id,
      staffIds: [createStaff(southshire).id],
    });
    const result = await t.app.caller(t.org.users.hr).training.nominations.applyMany({
      sessionId: session.id,
      action: "approve",
      ids: [ids[0] ?? "", other.ids[0] ?? "", theirs[0]?.id ?? ""],
    });
    expect(result.results.map((row) => [row.outcome, row.reason])).toEqual([
      ["approved", null],
      ["skipped", "Not a nomination for this session that you can see"],
      ["skipped", "Not a nomination for this session that you can see"],
    ]);
    const untouched = await t.app.caller(t.org.users.hr).training.nominations.get({
      id: other.ids[0] ?? "",
    });
    expect(untouched.state).toBe("nominated");
  });

  test("a manager may only cancel, and only their team's; another organisation's session is not found", async () => {
    const session = createSession(t.hr);
    const boss = createStaff(t.hr, { name: "Mo Manager" });
    const asha = createStaff(t.hr, { name: "Asha Patel", managerId: boss.id });
    const ben = createStaff(t.hr, { name: "Ben Ode" });
    const ids = createNominations(t.hr, {
      sessionId: session.id,
      staffIds: [asha.id, ben.id],
    }).map((row) => row.id);
    const manager = linkManager(scopeAs(t.app, t.org.users.admin), t.org.users.manager, boss.id);
    await expect(
      t.app
        .caller(manager)
        .training.nominations.applyMany({ sessionId: session.id, action: "book", ids }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const cancelled = await t.app
      .caller(manager)
      .training.nominations.cancelMany({ sessionId: session.id, ids, note: "Rota clash" });
    expect(cancelled.results.map((row) => [row.staffName, row.outcome])).toEqual([
      ["Asha Patel", "cancelled"],
      ["", "skipped"],
    ]);
    const theirSession = createSession(scopeAs(t.app, t.other.users.hr));
    await expect(
      t.app
        .caller(t.org.users.hr)
        .training.nominations.applyMany({ sessionId: theirSession.id, action: "book", ids }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("refuses more than 1,000 people and an unknown action, by field", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const { session } = nominated(0, 5);
    const ids = Array.from({ length: 1001 }, (_, i) => `n${i}`);
    await expect(
      caller.training.nominations.applyMany({ sessionId: session.id, action: "book", ids }),
    ).rejects.toMatchObject({ message: "ids: must list at most 1,000 people at once" });
    await expect(
      caller.training.nominations.applyMany({
        sessionId: session.id,
        // @ts-expect-error: cancelling is cancelMany, which managers may use too
        action: "cancel",
        ids: ["n1"],
      }),
    ).rejects.toMatchObject({ message: "action: must be approve, book or decline" });
  });
});

describe("training.sessions.candidates", () => {
  test("a page of matching staff, where each stands, and everyone still to nominate", async () => {
    const session = createSession(t.hr);
    const housing = createDepartment(t.hr, "Housing");
    const people = Array.from({ length: 5 }, (_, i) =>
      createStaff(t.hr, { name: `H${i}`, departmentId: housing.id }),
    );
    createStaff(t.hr, { name: "Elsewhere" });
    createStaff(t.hr, { name: "H9 left", departmentId: housing.id, active: false });
    createNominations(t.hr, { sessionId: session.id, staffIds: [people[1]?.id ?? ""] });
    const result = await t.app.caller(t.org.users.hr).training.sessions.candidates({
      sessionId: session.id,
      departmentId: housing.id,
      page: 1,
      pageSize: 2,
    });
    expect(result.total).toBe(5);
    expect(result.items.map((row) => [row.name, row.nominationState])).toEqual([
      ["H0", null],
      ["H1", "nominated"],
    ]);
    expect(result.selectableIds.sort()).toEqual(
      [0, 2, 3, 4].map((i) => people[i]?.id ?? "").sort(),
    );
    expect(result.truncated).toBe(false);
    const searched = await t.app
      .caller(t.org.users.hr)
      .training.sessions.candidates({ sessionId: session.id, search: "H3" });
    expect(searched.items.map((row) => row.name)).toEqual(["H3"]);
  });

  test("a manager sees only their team; another organisation's session is not found", async () => {
    const session = createSession(t.hr);
    const boss = createStaff(t.hr, { name: "Mo Manager" });
    const mine = createStaff(t.hr, { name: "Asha Patel", managerId: boss.id });
    createStaff(t.hr, { name: "Ben Ode" });
    const manager = linkManager(scopeAs(t.app, t.org.users.admin), t.org.users.manager, boss.id);
    const team = await t.app
      .caller(manager)
      .training.sessions.candidates({ sessionId: session.id });
    expect(team.items.map((row) => row.name)).toEqual(["Asha Patel"]);
    expect(team.selectableIds).toEqual([mine.id]);
    const theirs = createSession(scopeAs(t.app, t.other.users.hr));
    await expect(
      t.app.caller(t.org.users.hr).training.sessions.candidates({ sessionId: theirs.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      t.app.caller(t.org.users.viewer).training.sessions.candidates({ sessionId: session.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("once a session has started", () => {
  test("nobody can be nominated or booked, with the start in the message, and nothing changes", async () => {
    const session = createSession(t.hr, {
      startsAt: "2022-08-10T09:30:00.000Z",
      endsAt: "2022-08-10T12:00:00.000Z",
    });
    const staffIds = [createStaff(t.hr).id, createStaff(t.hr).id];
    const [first] = createNominations(t.hr, {
      sessionId: session.id,
      staffIds: [staffIds[0] ?? ""],
    });
    t.app.clock.now = new Date("2022-08-10T09:30:00.000Z");
    const caller = t.app.caller(t.org.users.hr);
    const started = {
      code: "CONFLICT",
      message:
        "This session started at 10:30am on 10 August 2022, so nobody can be nominated for it",
    };
    await expect(
      caller.training.nominations.create({ sessionId: session.id, staffIds: [staffIds[1] ?? ""] }),
    ).rejects.toMatchObject(started);
    const booked = {
      code: "CONFLICT",
      message: "This session started at 10:30am on 10 August 2022, so nobody can be booked onto it",
    };
    await expect(caller.training.nominations.book({ id: first?.id ?? "" })).rejects.toMatchObject(
      booked,
    );
    await expect(
      caller.training.nominations.applyMany({
        sessionId: session.id,
        action: "book",
        ids: [first?.id ?? ""],
      }),
    ).rejects.toMatchObject(booked);
    const got = await caller.training.sessions.get({ id: session.id });
    expect(got.nominations.map((row) => row.state)).toEqual(["nominated"]);
    // A minute before the start, booking was still open.
    t.app.clock.now = new Date("2022-08-10T09:29:00.000Z");
    const ok = await caller.training.nominations.book({ id: first?.id ?? "" });
    expect(ok.state).toBe("booked");
  });
});
