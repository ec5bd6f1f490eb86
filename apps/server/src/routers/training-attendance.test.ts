import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { nominationEvents, nominations } from "../db/schema";
import {
  createBookings,
  createNominations,
  createSession,
  createStaff,
  scopeAs,
  startSession,
} from "../test/builders";
import { READ_ONLY_ROLES, useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function bookedSession(count: number) {
  const session = createSession(t.hr, { capacity: count });
  const staffIds = Array.from({ length: count }, (_, n) => createStaff(t.hr, { name: `P${n}` }).id);
  const ids = createBookings(t.hr, { sessionId: session.id, staffIds }).map((row) => row.id);
  // Attendance is recorded from the session's start.
  startSession(t.app, t.hr, session.id);
  return { session, ids };
}

function historyOf(id: string) {
  return t.app.db
    .select()
    .from(nominationEvents)
    .where(eq(nominationEvents.nominationId, id))
    .all()
    .map((event) => event.state);
}

describe("training.attendance.mark", () => {
  test("marks a booked person and corrects the mark; the same mark again records nothing", async () => {
    const { ids } = bookedSession(1);
    const id = ids[0] ?? "";
    const caller = t.app.caller(t.org.users.hr);
    await expect(
      caller.training.attendance.mark({ nominationId: id, outcome: "partially_attended" }),
    ).resolves.toMatchObject({ state: "partially_attended" });
    await caller.training.attendance.mark({
      nominationId: id,
      outcome: "fully_attended",
      note: "Stayed for the afternoon after all",
    });
    await caller.training.attendance.mark({ nominationId: id, outcome: "fully_attended" });
    expect(historyOf(id)).toEqual(["nominated", "booked", "partially_attended", "fully_attended"]);
  });

  test("attendance cannot be marked for a cancelled or unbooked nomination", async () => {
    const session = createSession(t.hr);
    const [cancelled, unbooked] = createNominations(t.hr, {
      sessionId: session.id,
      staffIds: [createStaff(t.hr).id, createStaff(t.hr).id],
    });
    const caller = t.app.caller(t.org.users.hr);
    await caller.training.nominations.cancel({ id: cancelled?.id ?? "", note: "Rota clash" });
    startSession(t.app, t.hr, session.id);
    await expect(
      caller.training.attendance.mark({ nominationId: cancelled?.id ?? "", outcome: "no_show" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Cannot mark attendance for a cancelled nomination",
    });
    await expect(
      caller.training.attendance.mark({ nominationId: unbooked?.id ?? "", outcome: "no_show" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Cannot mark attendance for a nomination that is awaiting approval: it must be booked first",
    });
    expect(historyOf(unbooked?.id ?? "")).toEqual(["nominated"]);
  });

  test("roles, sign-in, tenancy and bad input", async () => {
    const { ids } = bookedSession(1);
    const mark = { nominationId: ids[0] ?? "", outcome: "no_show" as const };
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.attendance.mark(mark),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(t.app.caller(null).training.attendance.mark(mark)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      t.app.caller(t.other.users.hr).training.attendance.mark(mark),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      t.app
        .caller(t.org.users.hr)
        .training.attendance.mark({ ...mark, outcome: "attended" as "no_show" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "outcome: must be one of fully_attended, partially_attended, unable_to_attend, no_show",
    });
    expect(historyOf(mark.nominationId)).toEqual(["nominated", "booked"]);
  });
});

describe("training.attendance.markMany", () => {
  test("marks a register of 32 people in one call", async () => {
    const { session, ids } = bookedSession(32);
    const outcomes = [
      "fully_attended",
      "partially_attended",
      "no_show",
      "unable_to_attend",
    ] as const;
    const marks = ids.map((nominationId, n) => ({
      nominationId,
      outcome: outcomes[n % 4] ?? "no_show",
    }));
    const caller = t.app.caller(t.org.users.hr);
    await expect(
      caller.training.attendance.markMany({ sessionId: session.id, marks }),
    ).resolves.toEqual({ updated: 32, unchanged: 0 });
    // Sent again (a double-click, a retry), nothing changes.
    await expect(
      caller.training.attendance.markMany({ sessionId: session.id, marks }),
    ).resolves.toEqual({ updated: 0, unchanged: 32 });
    const got = await caller.training.sessions.get({ id: session.id });
    expect(got.nominations.filter((row) => row.state === "fully_attended")).toHaveLength(8);
  });

  test("one mark that cannot be made stops the whole register, naming every person at fault", async () => {
    const { session, ids } = bookedSession(3);
    const caller = t.app.caller(t.org.users.hr);
    await caller.training.nominations.cancel({ id: ids[1] ?? "", note: "Off sick" });
    await caller.training.nominations.cancel({ id: ids[2] ?? "", note: "Off sick" });
    const marks = ids.map((nominationId) => ({ nominationId, outcome: "fully_attended" as const }));
    await expect(
      caller.training.attendance.markMany({ sessionId: session.id, marks }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "P1: Cannot mark attendance for a cancelled nomination\nP2: Cannot mark attendance for a cancelled nomination",
      cause: { field: "marks" },
    });
    expect(historyOf(ids[0] ?? "")).toEqual(["nominated", "booked"]);
  });

  test("marks must be for nominations on the session, once each", async () => {
    const { session, ids } = bookedSession(1);
    const elsewhere = bookedSession(1);
    const caller = t.app.caller(t.org.users.hr);
    const mark = { nominationId: ids[0] ?? "", outcome: "no_show" as const };
    await expect(
      caller.training.attendance.markMany({ sessionId: session.id, marks: [mark, mark] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Mark each person once" });
    await expect(
      caller.training.attendance.markMany({
        sessionId: session.id,
        marks: [mark, { ...mark, nominationId: elsewhere.ids[0] ?? "" }],
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "A nomination in the register is not on this session",
    });
    await expect(
      caller.training.attendance.markMany({ sessionId: session.id, marks: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "marks: Mark at least one person" });
    const states = t.app.db.select({ state: nominations.state }).from(nominations).all();
    expect(states.map((row) => row.state)).toEqual(["booked", "booked"]);
  });

  test("roles, sign-in and tenancy", async () => {
    const { session, ids } = bookedSession(1);
    const input = {
      sessionId: session.id,
      marks: [{ nominationId: ids[0] ?? "", outcome: "no_show" as const }],
    };
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.attendance.markMany(input),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(t.app.caller(null).training.attendance.markMany(input)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      t.app.caller(scopeAs(t.app, t.other.users.hr).user).training.attendance.markMany(input),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Training session not found" });
  });
});
