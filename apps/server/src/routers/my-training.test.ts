import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { auditLog, nominations, trainingRequests, trainingSessions } from "../db/schema";
import { NOT_LINKED } from "../services/self-service/own-staff";
import {
  createDepartment,
  createNominations,
  createSession,
  createStaff,
  linkManager,
  scopeAs,
} from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

// Northshire: a line manager (the manager user) with one report (the viewer user, as a member of
// staff), and a second manager (the HR user's own record) with a report of their own.
const world = {} as {
  manager: SessionUser;
  member: SessionUser;
  otherManager: SessionUser;
  memberStaffId: string;
  colleagueId: string;
  sessionId: string;
};

beforeEach(() => {
  const department = createDepartment(t.hr, "Housing");
  const boss = createStaff(t.hr, { name: "Mo Boss", departmentId: department.id });
  const member = createStaff(t.hr, {
    name: "Ana Lee",
    departmentId: department.id,
    managerId: boss.id,
  });
  const otherBoss = createStaff(t.hr, { name: "Kit Other", departmentId: department.id });
  const colleague = createStaff(t.hr, {
    name: "Bo Ward",
    departmentId: department.id,
    managerId: otherBoss.id,
  });
  Object.assign(world, {
    manager: linkManager(t.hr, t.org.users.manager, boss.id),
    member: linkManager(t.hr, t.org.users.viewer, member.id),
    otherManager: linkManager(t.hr, t.org.users.hr, otherBoss.id),
    memberStaffId: member.id,
    colleagueId: colleague.id,
    sessionId: createSession(t.hr, { capacity: 1 }).id,
  });
});

const as = (user: SessionUser) => t.app.caller(user).myTraining;

async function requestPlace(reason = "For my casework") {
  return as(world.member).request({ sessionId: world.sessionId, reason });
}

describe("asking for a place", () => {
  test("a member of staff asks for a place: a self-requested nomination, shown in My training", async () => {
    const asked = await requestPlace();
    expect(asked).toMatchObject({ state: "nominated", selfRequested: true });
    const overview = await as(world.member).overview();
    expect(overview.staff).toMatchObject({ name: "Ana Lee", managerName: "Mo Boss" });
    expect(overview.upcoming.map((entry) => entry.nominationId)).toEqual([asked.nominationId]);
    expect(overview.history).toEqual([]);
    const open = await as(world.member).openSessions({});
    expect(open.items.find((session) => session.id === world.sessionId)?.myState).toBe("nominated");
    const stored = t.app.db.select().from(nominations).all();
    expect(stored).toMatchObject([
      { staffId: world.memberStaffId, nominatedBy: world.member.id, reason: "For my casework" },
    ]);
    expect(t.app.db.select().from(trainingRequests).all()).toMatchObject([
      { nominationId: asked.nominationId, requestedBy: world.member.id },
    ]);
    const actions = t.app.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, asked.nominationId))
      .all();
    expect(actions.map((row) => row.action)).toEqual(["create", "request"]);
  });

  test("someone whose account has no staff record is told why, and nothing is saved", async () => {
    const unlinked = t.org.users.accreditation_lead;
    await expect(as(unlinked).overview()).resolves.toEqual({
      staff: null,
      upcoming: [],
      history: [],
      refreshers: [],
      certificates: [],
    });
    await expect(
      as(unlinked).request({ sessionId: world.sessionId, reason: "" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: NOT_LINKED });
    expect(t.app.db.select().from(nominations).all()).toEqual([]);
  });

  test("a session that has started takes no requests", async () => {
    t.app.clock.now = new Date("2022-05-10T09:00:00.000Z");
    await expect(requestPlace()).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session started at 10am on 10 May 2022, so nobody can be nominated for it",
    });
    expect((await as(world.member).openSessions({})).items).toEqual([]);
    expect(t.app.db.select().from(nominations).all()).toEqual([]);
  });

  test("a cancelled session takes no requests and is not offered", async () => {
    t.app.db
      .update(trainingSessions)
      .set({ cancelledAt: t.app.clock.now.toISOString() })
      .where(eq(trainingSessions.id, world.sessionId))
      .run();
    await expect(requestPlace()).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session was cancelled on 5 April 2022, so nobody can be nominated for it",
    });
    expect((await as(world.member).openSessions({})).items).toEqual([]);
  });

  test("asking twice is refused; another organisation's session is not found", async () => {
    await requestPlace();
    await expect(requestPlace()).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You already have a place or a request for this session",
    });
    const theirs = createSession(scopeAs(t.app, t.other.users.hr)).id;
    await expect(as(world.member).request({ sessionId: theirs, reason: "" })).rejects.toMatchObject(
      { code: "NOT_FOUND", message: "Training session not found" },
    );
    expect(t.app.db.select().from(nominations).all()).toHaveLength(1);
  });

  test("someone who has left cannot ask", async () => {
    await t.app
      .caller(t.org.users.hr)
      .staff.update({ id: world.memberStaffId, data: { leavingDate: "2022-04-01" } });
    await expect(requestPlace()).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Your staff record shows you have left, so you cannot ask for training",
    });
  });
});

describe("the line manager decides", () => {
  test("their manager sees and approves the request, HR books it, and it shows as booked", async () => {
    const asked = await requestPlace();
    const team = await as(world.manager).teamRequests({});
    expect(team.items).toMatchObject([
      { nominationId: asked.nominationId, staffName: "Ana Lee", reason: "For my casework" },
    ]);
    await expect(
      as(world.manager).approve({ id: asked.nominationId, note: "Good idea" }),
    ).resolves.toMatchObject({ state: "approved" });
    expect((await as(world.manager).teamRequests({})).items).toEqual([]);
    await t.app.caller(t.org.users.hr).training.nominations.book({ id: asked.nominationId });
    const overview = await as(world.member).overview();
    expect(overview.upcoming).toMatchObject([{ state: "booked", selfRequested: true }]);
    const history = await t.app
      .caller(t.org.users.admin)
      .training.nominations.get({ id: asked.nominationId });
    expect(history.history.map((entry) => [entry.state, entry.note])).toEqual([
      ["nominated", "For my casework"],
      ["approved", "Good idea"],
      ["booked", ""],
    ]);
  });

  test("declining needs a reason, which goes in the history; a decided request cannot be decided again", async () => {
    const asked = await requestPlace();
    await expect(as(world.manager).decline({ id: asked.nominationId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "note: Enter the reason for declining",
    });
    await expect(
      as(world.manager).decline({ id: asked.nominationId, note: "Team is short that week" }),
    ).resolves.toMatchObject({ state: "declined" });
    await expect(as(world.manager).approve({ id: asked.nominationId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This request has already been decided: it is declined",
    });
    const overview = await as(world.member).overview();
    expect(overview.upcoming).toEqual([]);
    expect(overview.history).toMatchObject([{ state: "declined" }]);
    // Declined is not the end: they may ask again.
    await expect(requestPlace("Another try")).resolves.toMatchObject({ state: "nominated" });
  });

  test("another team's manager neither sees nor decides the request", async () => {
    const asked = await requestPlace();
    expect((await as(world.otherManager).teamRequests({})).items).toEqual([]);
    for (const decide of [
      () => as(world.otherManager).approve({ id: asked.nominationId }),
      () => as(world.otherManager).decline({ id: asked.nominationId, note: "No" }),
    ]) {
      await expect(decide()).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "Training request not found",
      });
    }
    expect(t.app.db.select().from(nominations).get()?.state).toBe("nominated");
  });

  test("another organisation's manager cannot decide it", async () => {
    const asked = await requestPlace();
    const theirs = t.app.caller(t.other.users.manager).myTraining;
    await expect(theirs.approve({ id: asked.nominationId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await theirs.teamRequests({})).items).toEqual([]);
    expect(t.app.db.select().from(nominations).get()?.state).toBe("nominated");
  });

  test("a nomination HR made is not a request the manager decides here", async () => {
    const [nomination] = createNominations(t.hr, {
      sessionId: world.sessionId,
      staffIds: [world.memberStaffId],
    });
    expect((await as(world.manager).teamRequests({})).items).toEqual([]);
    await expect(as(world.manager).approve({ id: nomination?.id ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("once the session has started a request can be declined but not approved", async () => {
    const asked = await requestPlace();
    t.app.clock.now = new Date("2022-05-10T09:30:00.000Z");
    await expect(as(world.manager).approve({ id: asked.nominationId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session has started, so the request can only be declined",
    });
    await expect(
      as(world.manager).decline({ id: asked.nominationId, note: "Too late" }),
    ).resolves.toMatchObject({ state: "declined" });
  });

  test("a user with no team of their own, or no staff record, has no requests to decide", async () => {
    await requestPlace();
    expect((await as(t.org.users.admin).teamRequests({})).total).toBe(0);
  });
});

describe("My training after the session", () => {
  test("a fully attended session is history with a certificate, and its refresher falls due", async () => {
    const asked = await requestPlace();
    const hr = t.app.caller(t.org.users.hr).training;
    await as(world.manager).approve({ id: asked.nominationId });
    await hr.nominations.book({ id: asked.nominationId });
    t.app.clock.now = new Date("2022-05-10T13:00:00.000Z");
    await hr.attendance.mark({ nominationId: asked.nominationId, outcome: "fully_attended" });
    const overview = await as(world.member).overview();
    expect(overview.upcoming).toEqual([]);
    expect(overview.history).toMatchObject([{ state: "fully_attended" }]);
    expect(overview.certificates.map((entry) => entry.nominationId)).toEqual([asked.nominationId]);
    // The builders' courses have a three-year refresher.
    expect(overview.refreshers).toMatchObject([
      { lastCompletedOn: "2022-05-10", dueOn: "2025-05-10", status: "current" },
    ]);
  });

  test("nominated again for one session after a cancellation: the latest nomination is listed first", async () => {
    const hr = t.app.caller(t.org.users.hr);
    const ids: string[] = [];
    for (const note of ["Rota clash", "Off sick"]) {
      const [nomination] = createNominations(t.hr, {
        sessionId: world.sessionId,
        staffIds: [world.memberStaffId],
      });
      ids.push(nomination?.id ?? "");
      await hr.training.nominations.cancel({ id: nomination?.id ?? "", note });
    }
    const overview = await as(world.member).overview();
    expect(overview.history.map((entry) => entry.nominationId)).toEqual(ids.toReversed());
  });
});
