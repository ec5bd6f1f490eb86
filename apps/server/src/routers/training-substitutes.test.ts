import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { auditLog, nominations } from "../db/schema";
import {
  createBookings,
  createNominations,
  createSession,
  createStaff,
  linkManager,
  startSession,
} from "../test/builders";
import { addAgency, agencyStaff, makePartnership } from "../test/partnership-places";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function nominationRow(id: string) {
  return t.app.db.select().from(nominations).where(eq(nominations.id, id)).get();
}

describe("training.nominations.substitute", () => {
  test("a substitute takes a booked person's place in one go, both histories saying so", async () => {
    const session = createSession(t.hr, { capacity: 1 });
    const absent = createStaff(t.hr, { name: "Ann Absent" });
    const cover = createStaff(t.hr, { name: "Bea Cover" });
    const waiting = createStaff(t.hr, { name: "Cy Waiting" });
    const [booking] = createBookings(t.hr, { sessionId: session.id, staffIds: [absent.id] });
    createBookings(t.hr, { sessionId: session.id, staffIds: [waiting.id] });
    const caller = t.app.caller(t.org.users.hr);

    const { cancelled, substitute } = await caller.training.nominations.substitute({
      nominationId: booking?.id ?? "",
      staffId: cover.id,
      reason: "Off sick",
    });
    expect(cancelled).toMatchObject({ staffName: "Ann Absent", state: "cancelled" });
    expect(substitute).toMatchObject({ staffName: "Bea Cover", state: "booked" });
    expect(nominationRow(substitute.id)?.substitutedForId).toBe(booking?.id);
    // The place never fell free: the person waiting still waits.
    const got = await caller.training.sessions.get({ id: session.id });
    expect(got).toMatchObject({ booked: 1, waitlisted: 1 });
    expect(got.nominations.find((row) => row.id === substitute.id)?.substitutedForId).toBe(
      booking?.id,
    );

    const history = async (id: string) =>
      (await caller.training.nominations.get({ id })).history.map((entry) => [
        entry.state,
        entry.note,
      ]);
    expect((await history(booking?.id ?? "")).at(-1)).toEqual([
      "cancelled",
      "Sent a substitute: Bea Cover takes the place. Off sick",
    ]);
    expect(await history(substitute.id)).toEqual([
      ["nominated", "Substitute for Ann Absent. Off sick"],
      ["booked", "Booked in Ann Absent's place as their substitute"],
    ]);
    const actions = t.app.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "nomination")))
      .all()
      .map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["substitute_out", "substitute_in"]));
  });

  test("only a booked place, before the session starts, needs a reason", async () => {
    const session = createSession(t.hr);
    const cover = createStaff(t.hr);
    const [nominated] = createNominations(t.hr, {
      sessionId: session.id,
      staffIds: [createStaff(t.hr, { name: "Di Nominee" }).id],
    });
    const [booking] = createBookings(t.hr, {
      sessionId: session.id,
      staffIds: [createStaff(t.hr).id],
    });
    const caller = t.app.caller(t.org.users.hr);
    const send = (nominationId = booking?.id ?? "", reason = "Off sick") =>
      caller.training.nominations.substitute({ nominationId, staffId: cover.id, reason });
    await expect(send(nominated?.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only a booked place can go to a substitute: Di Nominee's nomination is nominated",
      cause: { field: "nominationId" },
    });
    await expect(send(undefined, "")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "reason: Enter the reason for sending a substitute",
    });
    startSession(t.app, t.hr, session.id);
    await expect(send()).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session started at 10am on 10 May 2022, so nobody can be booked onto it",
    });
  });

  test("the substitute must be active and not already on the session", async () => {
    const session = createSession(t.hr);
    const [booking, other] = createBookings(t.hr, {
      sessionId: session.id,
      staffIds: [createStaff(t.hr).id, createStaff(t.hr, { name: "Eli Booked" }).id],
    });
    const leaver = createStaff(t.hr, { name: "Fay Leaver", active: false });
    const caller = t.app.caller(t.org.users.hr);
    const send = (staffId: string) =>
      caller.training.nominations.substitute({
        nominationId: booking?.id ?? "",
        staffId,
        reason: "Off sick",
      });
    await expect(send(other?.staffId ?? "")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Eli Booked is already on this session (booked)",
      cause: { field: "staffId" },
    });
    await expect(send(leaver.id)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Fay Leaver is no longer active",
      cause: { field: "staffId" },
    });
    expect(nominationRow(booking?.id ?? "")?.state).toBe("booked");
  });

  test("a manager sends a substitute from their own team only", async () => {
    const managerStaff = createStaff(t.hr);
    const manager = linkManager(t.hr, t.org.users.manager, managerStaff.id);
    const session = createSession(t.hr);
    const report = createStaff(t.hr, { managerId: managerStaff.id });
    const teammate = createStaff(t.hr, { managerId: managerStaff.id });
    const stranger = createStaff(t.hr);
    const [booking] = createBookings(t.hr, { sessionId: session.id, staffIds: [report.id] });
    const [theirs] = createBookings(t.hr, {
      sessionId: session.id,
      staffIds: [createStaff(t.hr).id],
    });
    const caller = t.app.caller(manager);
    const send = (nominationId: string, staffId: string) =>
      caller.training.nominations.substitute({ nominationId, staffId, reason: "Off sick" });
    await expect(send(booking?.id ?? "", stranger.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(send(theirs?.id ?? "", teammate.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(send(booking?.id ?? "", teammate.id)).resolves.toMatchObject({
      substitute: { staffId: teammate.id, state: "booked" },
    });
  });

  test("in a partnership the substitute works for the same agency", async () => {
    makePartnership(t.hr);
    const police = addAgency(t.hr, "Thames Valley Police");
    const council = addAgency(t.hr, "Northshire County Council");
    const session = createSession(t.hr);
    const [booking] = createBookings(t.hr, {
      sessionId: session.id,
      staffIds: [agencyStaff(t.hr, police, "Ann Officer")],
    });
    const caller = t.app.caller(t.org.users.hr);
    const send = (staffId: string) =>
      caller.training.nominations.substitute({
        nominationId: booking?.id ?? "",
        staffId,
        reason: "Off sick",
      });
    await expect(send(agencyStaff(t.hr, council))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A substitute must work for the same agency as Ann Officer (Thames Valley Police)",
      cause: { field: "staffId" },
    });
    await expect(send(agencyStaff(t.hr, police, "Bo Officer"))).resolves.toMatchObject({
      substitute: { staffName: "Bo Officer", state: "booked" },
    });
  });
});

describe("training.attendance.addUnscheduled", () => {
  test("once the session has started, someone who signed in without a booking is added as attended", async () => {
    const session = createSession(t.hr);
    const walkIn = createStaff(t.hr, { name: "Gus Walkin" });
    const caller = t.app.caller(t.org.users.hr);
    await expect(
      caller.training.attendance.addUnscheduled({ sessionId: session.id, staffId: walkIn.id }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Attendance can be recorded from 10am on 10 May 2022, when the session starts",
    });
    startSession(t.app, t.hr, session.id);
    const added = await caller.training.attendance.addUnscheduled({
      sessionId: session.id,
      staffId: walkIn.id,
      outcome: "partially_attended",
      note: "Left at the break",
    });
    expect(added).toMatchObject({ staffName: "Gus Walkin", state: "partially_attended" });
    expect(nominationRow(added.id)?.unscheduled).toBe(true);
    const got = await caller.training.nominations.get({ id: added.id });
    expect(got.history.map((entry) => [entry.state, entry.note])).toEqual([
      ["nominated", "Signed in without a booking. Left at the break"],
      ["partially_attended", "Signed in without a booking. Left at the break"],
    ]);
    await expect(
      caller.training.attendance.addUnscheduled({ sessionId: session.id, staffId: walkIn.id }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Gus Walkin is already on this session (partially attended)",
      cause: { field: "staffId" },
    });
    // Adding them is not an attendance mark to undo.
    await expect(caller.training.attendance.undo({ sessionId: session.id })).rejects.toMatchObject({
      message: "No attendance has been recorded for this session yet",
    });
    // The session can close with them on it, and then nobody more is added.
    await caller.training.sessions.close({ id: session.id });
    await expect(
      caller.training.attendance.addUnscheduled({
        sessionId: session.id,
        staffId: createStaff(t.hr).id,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "sessionId" } });
  });

  test("only attended outcomes, and only people of the organisation", async () => {
    const session = createSession(t.hr);
    startSession(t.app, t.hr, session.id);
    const caller = t.app.caller(t.org.users.hr);
    await expect(
      caller.training.attendance.addUnscheduled({
        sessionId: session.id,
        staffId: createStaff(t.hr).id,
        outcome: "no_show" as "fully_attended",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "outcome: must be fully_attended or partially_attended",
    });
    const theirs = await t.app.caller(t.other.users.hr).staff.list();
    await expect(
      caller.training.attendance.addUnscheduled({
        sessionId: session.id,
        staffId: theirs.items[0]?.id ?? "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
