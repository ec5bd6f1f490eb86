import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { auditLog, nominationEvents } from "../db/schema";
import {
  createBookings,
  createCourse,
  createNominations,
  createSession,
  createStaff,
  scopeAs,
  startSession,
} from "../test/builders";
import { READ_ONLY_ROLES, useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

// Sessions default to 9am on 10 May 2022 (10am in London); the test clock reads 5 April 2022.
function sessionWith(input: { booked: number; waiting?: number; nominated?: number }) {
  const session = createSession(t.hr, { capacity: input.booked });
  const names = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, n) => createStaff(t.hr, { name: `${prefix}${n}` }).id);
  const booked = createBookings(t.hr, {
    sessionId: session.id,
    staffIds: [...names("B", input.booked), ...names("W", input.waiting ?? 0)],
  });
  const nominated = createNominations(t.hr, {
    sessionId: session.id,
    staffIds: names("N", input.nominated ?? 0),
  });
  return { session, nominations: [...booked, ...nominated] };
}

function historyOf(id: string) {
  return t.app.db
    .select({ state: nominationEvents.state, note: nominationEvents.note })
    .from(nominationEvents)
    .where(eq(nominationEvents.nominationId, id))
    .orderBy(nominationEvents.id)
    .all();
}

function audited(entity: string, action: string) {
  return t.app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.action, action)))
    .all();
}

const hr = () => t.app.caller(t.org.users.hr);

describe("training.sessions.cancel", () => {
  test("cancels every booking, clears the waiting list and withdraws nominations, with the reason in each history", async () => {
    const { session, nominations } = sessionWith({ booked: 2, waiting: 1, nominated: 1 });
    const result = await hr().training.sessions.cancel({ id: session.id, reason: "Trainer ill" });
    expect(result.session).toMatchObject({
      status: "cancelled",
      cancelReason: "Trainer ill",
      cancelledAt: t.app.clock.now.toISOString(),
      booked: 0,
      waitlisted: 0,
    });
    expect(result.cancelled.map((row) => [row.staffName, row.state])).toEqual([
      ["B0", "booked"],
      ["B1", "booked"],
      ["N0", "nominated"],
      ["W0", "waitlisted"],
    ]);
    for (const nomination of nominations) {
      expect(historyOf(nomination.id).at(-1)).toEqual({ state: "cancelled", note: "Trainer ill" });
    }
    expect(audited("nomination", "cancel_with_session")).toHaveLength(4);
    expect(audited("training_session", "cancel")[0]?.after).toMatchObject({
      cancelReason: "Trainer ill",
      nominationsCancelled: 4,
    });
  });

  test("a cancelled session takes no one and cannot be cancelled again", async () => {
    const { session } = sessionWith({ booked: 1 });
    await hr().training.sessions.cancel({ id: session.id, reason: "Venue closed" });
    const message = "This session was cancelled on 5 April 2022, so";
    await expect(
      hr().training.nominations.create({ sessionId: session.id, staffIds: [createStaff(t.hr).id] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: `${message} nobody can be nominated for it`,
    });
    await expect(
      hr().training.sessions.cancel({ id: session.id, reason: "Again" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: `${message} it cannot be cancelled` });
  });

  test("a session that has started cannot be cancelled, and a reason is required", async () => {
    const { session, nominations } = sessionWith({ booked: 1 });
    await expect(
      hr().training.sessions.cancel({ id: session.id, reason: "" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "reason: Enter the reason for cancelling the session",
    });
    startSession(t.app, t.hr, session.id);
    await expect(
      hr().training.sessions.cancel({ id: session.id, reason: "Too late" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session started at 10am on 10 May 2022, so it cannot be cancelled",
    });
    expect(historyOf(nominations[0]?.id ?? "").map((entry) => entry.state)).toEqual([
      "nominated",
      "booked",
    ]);
  });

  test("roles and tenancy", async () => {
    const { session } = sessionWith({ booked: 1 });
    const input = { id: session.id, reason: "Matrix" };
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.sessions.cancel(input),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      t.app.caller(t.other.users.hr).training.sessions.cancel(input),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await hr().training.sessions.get({ id: session.id })).status).toBe("full");
  });
});

describe("training.sessions.move", () => {
  const newTimes = { startsAt: "2022-06-07T09:30:00+01:00", endsAt: "2022-06-07T12:30:00+01:00" };

  test("moves the session; bookings and the waiting list stay, and each history says so", async () => {
    const { session, nominations } = sessionWith({ booked: 1, waiting: 2 });
    const before = await hr().training.sessions.get({ id: session.id });
    const result = await hr().training.sessions.move({
      id: session.id,
      ...newTimes,
      note: "Room double-booked",
    });
    expect(result.previous).toEqual({ startsAt: session.startsAt, endsAt: session.endsAt });
    expect(result.session).toMatchObject({
      startsAt: "2022-06-07T08:30:00.000Z",
      endsAt: "2022-06-07T11:30:00.000Z",
      booked: 1,
      waitlisted: 2,
      status: "full",
    });
    expect(result.nominations.map((row) => row.staffName)).toEqual(["B0", "W0", "W1"]);
    const after = await hr().training.sessions.get({ id: session.id });
    expect(
      after.nominations.map((row) => [row.staffName, row.state, row.waitlistPosition]),
    ).toEqual(before.nominations.map((row) => [row.staffName, row.state, row.waitlistPosition]));
    expect(historyOf(nominations[0]?.id ?? "").at(-1)).toEqual({
      state: "booked",
      note: "Session moved from 10 May 2022 at 10am to 7 June 2022 at 9:30am. Room double-booked",
    });
    expect(audited("training_session", "move")).toHaveLength(1);
  });

  test("refuses the past, the same time, a started session and a cancelled one", async () => {
    const { session } = sessionWith({ booked: 1 });
    await expect(
      hr().training.sessions.move({
        id: session.id,
        startsAt: "2022-04-01T09:00:00Z",
        endsAt: "2022-04-01T12:00:00Z",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The new date and time must be in the future",
      cause: { field: "startsAt" },
    });
    await expect(
      hr().training.sessions.move({
        id: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The session already takes place then",
    });
    startSession(t.app, t.hr, session.id);
    await expect(
      hr().training.sessions.move({ id: session.id, ...newTimes }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session started at 10am on 10 May 2022, so it cannot be moved",
    });
    const other = sessionWith({ booked: 1 });
    t.app.clock.now = new Date("2022-04-05T09:00:00.000Z");
    await hr().training.sessions.cancel({ id: other.session.id, reason: "No trainer" });
    await expect(
      hr().training.sessions.move({ id: other.session.id, ...newTimes }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session was cancelled on 5 April 2022, so it cannot be moved",
    });
  });

  test("editing a session's times is a move once people are on it", async () => {
    const empty = createSession(t.hr);
    await expect(
      hr().training.sessions.update({ id: empty.id, data: newTimes }),
    ).resolves.toMatchObject({ startsAt: "2022-06-07T08:30:00.000Z" });
    const { session } = sessionWith({ booked: 1 });
    await expect(
      hr().training.sessions.update({ id: session.id, data: newTimes }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "startsAt" } });
    await expect(
      hr().training.sessions.update({ id: session.id, data: { location: "Library" } }),
    ).resolves.toMatchObject({ location: "Library", startsAt: session.startsAt });
  });

  test("roles and tenancy", async () => {
    const { session } = sessionWith({ booked: 1 });
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.sessions.move({ id: session.id, ...newTimes }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      t.app.caller(t.other.users.hr).training.sessions.move({ id: session.id, ...newTimes }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("attendance window and closing", () => {
  test("attendance is refused before the start, naming it in UK time, and allowed from then", async () => {
    const { session, nominations } = sessionWith({ booked: 1 });
    const mark = { nominationId: nominations[0]?.id ?? "", outcome: "fully_attended" as const };
    const message = "Attendance can be recorded from 10am on 10 May 2022, when the session starts";
    await expect(hr().training.attendance.mark(mark)).rejects.toMatchObject({
      code: "CONFLICT",
      message,
    });
    await expect(
      hr().training.attendance.markMany({ sessionId: session.id, marks: [mark] }),
    ).rejects.toMatchObject({ code: "CONFLICT", message });
    t.app.clock.now = new Date(new Date(session.startsAt).getTime() - 1);
    await expect(hr().training.attendance.mark(mark)).rejects.toMatchObject({ message });
    startSession(t.app, t.hr, session.id);
    await expect(hr().training.attendance.mark(mark)).resolves.toMatchObject({
      state: "fully_attended",
    });
  });

  test("a started session takes no nominations or bookings", async () => {
    const { session, nominations } = sessionWith({ booked: 1, nominated: 1 });
    startSession(t.app, t.hr, session.id);
    await expect(
      hr().training.nominations.create({ sessionId: session.id, staffIds: [createStaff(t.hr).id] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session started at 10am on 10 May 2022, so nobody can be nominated for it",
    });
    await expect(
      hr().training.nominations.book({ id: nominations[1]?.id ?? "" }),
    ).rejects.toMatchObject({
      message: "This session started at 10am on 10 May 2022, so nobody can be booked onto it",
    });
  });

  test("closing needs an outcome for every booking, then marks are corrections with a reason", async () => {
    const { session, nominations } = sessionWith({ booked: 3 });
    const [a, b, c] = nominations.map((row) => row.id);
    await expect(hr().training.sessions.close({ id: session.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session can be closed once it starts at 10am on 10 May 2022",
    });
    startSession(t.app, t.hr, session.id);
    await hr().training.attendance.mark({ nominationId: a ?? "", outcome: "fully_attended" });
    await expect(hr().training.sessions.close({ id: session.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "2 bookings have no attendance outcome: record one for each before closing",
    });
    await hr().training.attendance.markMany({
      sessionId: session.id,
      marks: [
        { nominationId: b ?? "", outcome: "no_show" },
        { nominationId: c ?? "", outcome: "partially_attended" },
      ],
    });
    t.app.clock.now = new Date("2022-05-11T09:00:00.000Z");
    await expect(hr().training.sessions.close({ id: session.id })).resolves.toMatchObject({
      status: "closed",
      closedAt: "2022-05-11T09:00:00.000Z",
    });
    await expect(hr().training.sessions.close({ id: session.id })).rejects.toMatchObject({
      message: "This session was already closed on 11 May 2022",
    });
    const closedMessage =
      "This session was closed on 11 May 2022: HR can correct its attendance, giving a reason";
    await expect(
      hr().training.attendance.markMany({
        sessionId: session.id,
        marks: [{ nominationId: b ?? "", outcome: "fully_attended" }],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: closedMessage });
    await expect(hr().training.attendance.undo({ sessionId: session.id })).rejects.toMatchObject({
      message: closedMessage,
    });
    await expect(
      hr().training.attendance.mark({ nominationId: b ?? "", outcome: "fully_attended" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "note" } });
    await expect(
      t.app.caller(t.org.users.admin).training.attendance.mark({
        nominationId: b ?? "",
        outcome: "fully_attended",
        note: "Signed in late; register corrected",
      }),
    ).resolves.toMatchObject({ state: "fully_attended" });
    expect(historyOf(b ?? "").at(-1)).toEqual({
      state: "fully_attended",
      note: "Signed in late; register corrected",
    });
    expect(audited("nomination", "correct_attendance")).toHaveLength(1);
    await expect(
      t.app.caller(t.org.users.manager).training.attendance.mark({
        nominationId: b ?? "",
        outcome: "no_show",
        note: "Not allowed",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("close: roles and tenancy", async () => {
    const { session } = sessionWith({ booked: 1 });
    startSession(t.app, t.hr, session.id);
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.sessions.close({ id: session.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      t.app.caller(t.other.users.hr).training.sessions.close({ id: session.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("training.attendance.undo", () => {
  test("undoes the last mark, then the register saved before it, each with a history entry", async () => {
    const { session, nominations } = sessionWith({ booked: 2 });
    const [a, b] = nominations.map((row) => row.id ?? "");
    startSession(t.app, t.hr, session.id);
    await hr().training.attendance.markMany({
      sessionId: session.id,
      marks: [
        { nominationId: a ?? "", outcome: "fully_attended" },
        { nominationId: b ?? "", outcome: "fully_attended" },
      ],
    });
    t.app.clock.now = new Date(t.app.clock.now.getTime() + 60_000);
    await hr().training.attendance.mark({ nominationId: b ?? "", outcome: "no_show" });
    await expect(hr().training.attendance.undo({ sessionId: session.id })).resolves.toEqual({
      undone: [{ id: b, staffName: "B1", from: "no_show", to: "fully_attended" }],
    });
    expect(historyOf(b ?? "").at(-1)).toEqual({
      state: "fully_attended",
      note: "Undid the attendance change made at 10:01am",
    });
    expect(audited("nomination", "undo_attendance")).toHaveLength(1);
  });

  test("a register saved at once is undone at once, back to booked; undoing again puts it back", async () => {
    const { session, nominations } = sessionWith({ booked: 2 });
    const ids = nominations.map((row) => row.id);
    startSession(t.app, t.hr, session.id);
    await expect(hr().training.attendance.undo({ sessionId: session.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "No attendance has been recorded for this session yet",
    });
    await hr().training.attendance.markMany({
      sessionId: session.id,
      marks: ids.map((nominationId) => ({ nominationId, outcome: "no_show" as const })),
    });
    const undone = await hr().training.attendance.undo({ sessionId: session.id });
    expect(undone.undone.map((row) => [row.from, row.to])).toEqual([
      ["no_show", "booked"],
      ["no_show", "booked"],
    ]);
    const states = async () =>
      (await hr().training.sessions.get({ id: session.id })).nominations.map((row) => row.state);
    expect(await states()).toEqual(["booked", "booked"]);
    t.app.clock.now = new Date(t.app.clock.now.getTime() + 1000);
    await hr().training.attendance.undo({ sessionId: session.id });
    expect(await states()).toEqual(["no_show", "no_show"]);
  });

  test("refused before the start, for read-only roles and for another organisation", async () => {
    const { session } = sessionWith({ booked: 1 });
    await expect(hr().training.attendance.undo({ sessionId: session.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Attendance can be recorded from 10am on 10 May 2022, when the session starts",
    });
    startSession(t.app, t.hr, session.id);
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.attendance.undo({ sessionId: session.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      t.app.caller(t.other.users.hr).training.attendance.undo({ sessionId: session.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("cancel and decline with a reason; nominating again", () => {
  test("cancel and decline need a reason, which goes in the history", async () => {
    const { nominations } = sessionWith({ booked: 1, nominated: 1 });
    const [booked, nominated] = nominations.map((row) => row.id);
    await expect(hr().training.nominations.cancel({ id: booked ?? "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "note: Enter the reason for cancelling",
    });
    await expect(
      hr().training.nominations.decline({ id: nominated ?? "", note: " " }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "note: Enter the reason for declining",
    });
    await hr().training.nominations.cancel({ id: booked ?? "", note: "Rota clash" });
    await hr().training.nominations.decline({ id: nominated ?? "", note: "Already trained" });
    expect(historyOf(booked ?? "").at(-1)).toEqual({ state: "cancelled", note: "Rota clash" });
    expect(historyOf(nominated ?? "").at(-1)).toEqual({
      state: "declined",
      note: "Already trained",
    });
  });

  test("a cancelled or declined person can be nominated again, once, for the same session", async () => {
    const session = createSession(t.hr);
    const [x, y] = [createStaff(t.hr, { name: "Xan" }), createStaff(t.hr, { name: "Yas" })];
    const [first, second] = createNominations(t.hr, {
      sessionId: session.id,
      staffIds: [x.id, y.id],
    });
    await hr().training.nominations.cancel({ id: first?.id ?? "", note: "Wrong person" });
    await hr().training.nominations.decline({ id: second?.id ?? "", note: "Not now" });
    const candidates = await hr().training.sessions.candidates({ sessionId: session.id });
    expect(candidates.selectableIds.sort()).toEqual([x.id, y.id].sort());
    const again = await hr().training.nominations.create({
      sessionId: session.id,
      staffIds: [x.id, y.id],
    });
    expect(again.map((row) => row.state)).toEqual(["nominated", "nominated"]);
    await expect(
      hr().training.nominations.create({ sessionId: session.id, staffIds: [x.id] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Xan is already nominated for this session",
    });
    const after = await hr().training.sessions.candidates({ sessionId: session.id });
    expect(after.selectableIds).toEqual([]);
    expect(after.items.map((row) => row.nominationState)).toEqual(["nominated", "nominated"]);
    // The old nominations keep their history.
    expect(historyOf(first?.id ?? "").map((entry) => entry.state)).toEqual([
      "nominated",
      "cancelled",
    ]);
  });
});

describe("archiving a course", () => {
  test("an archived course takes no new sessions; its sessions stay; it can come back", async () => {
    const course = createCourse(t.hr, { title: "Stalking awareness" });
    const { session } = sessionWith({ booked: 1 });
    const kept = createSession(t.hr, { courseId: course.id });
    const archived = await hr().training.courses.archive({ id: course.id });
    expect(archived.archivedAt).toBe(t.app.clock.now.toISOString());
    await expect(hr().training.courses.archive({ id: course.id })).resolves.toEqual(archived);
    const input = {
      courseId: course.id,
      startsAt: "2022-06-01T09:00:00Z",
      endsAt: "2022-06-01T12:00:00Z",
      capacity: 5,
      location: "Civic Centre",
      trainer: "Refuge",
    };
    await expect(hr().training.sessions.create(input)).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Stalking awareness is archived: bring it back from the courses page to add sessions",
      cause: { field: "courseId" },
    });
    await expect(hr().training.sessions.get({ id: kept.id })).resolves.toMatchObject({
      courseTitle: "Stalking awareness",
    });
    await expect(hr().training.sessions.get({ id: session.id })).resolves.toMatchObject({
      booked: 1,
    });
    // Its sessions keep their people but take nobody new, and self-service no longer offers them.
    const newcomer = createStaff(t.hr, { name: "Newcomer" });
    await expect(
      hr().training.nominations.create({ sessionId: kept.id, staffIds: [newcomer.id] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Stalking awareness has been archived, so nobody can be nominated for its sessions",
    });
    const offered = await hr().myTraining.openSessions({ page: 1, pageSize: 100 });
    expect(offered.items.map((item) => item.id)).not.toContain(kept.id);
    expect(offered.total).toBe(offered.items.length);
    const listed = await hr().training.courses.list();
    expect(listed.find((row) => row.id === course.id)?.archivedAt).not.toBeNull();
    await expect(hr().training.courses.unarchive({ id: course.id })).resolves.toMatchObject({
      archivedAt: null,
    });
    await expect(hr().training.sessions.create(input)).resolves.toMatchObject({
      courseId: course.id,
    });
    expect(audited("course", "archive")).toHaveLength(1);
    expect(audited("course", "unarchive")).toHaveLength(1);
  });

  test("roles and tenancy", async () => {
    const course = createCourse(t.hr);
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.courses.archive({ id: course.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      t.app.caller(t.other.users.hr).training.courses.archive({ id: course.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const theirs = createCourse(scopeAs(t.app, t.other.users.hr));
    await expect(hr().training.courses.unarchive({ id: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
