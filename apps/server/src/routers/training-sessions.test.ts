import { describe, expect, test } from "vitest";

import { trainingSessions } from "../db/schema";
import {
  createBookings,
  createCourse,
  createNominations,
  createSession,
  createStaff,
  linkManager,
  scopeAs,
} from "../test/builders";
import { READ_ONLY_ROLES, useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function sessionInput(courseId: string) {
  return {
    courseId,
    startsAt: "2022-06-01T10:00:00+01:00",
    endsAt: "2022-06-01T13:00:00+01:00",
    capacity: 2,
    location: "Civic Centre",
    trainer: "IDVA service",
  };
}

function people(count: number): string[] {
  return Array.from({ length: count }, () => createStaff(t.hr).id);
}

describe("training sessions", () => {
  test("HR adds a session; times are stored in UTC and places start empty", async () => {
    const course = createCourse(t.hr, { title: "Awareness", level: 1 });
    const session = await t.app
      .caller(t.org.users.hr)
      .training.sessions.create(sessionInput(course.id));
    expect(session).toMatchObject({
      courseTitle: "Awareness",
      courseLevel: 1,
      startsAt: "2022-06-01T09:00:00.000Z",
      endsAt: "2022-06-01T12:00:00.000Z",
      booked: 0,
      waitlisted: 0,
      placesLeft: 2,
    });
  });

  test("a session must end after it starts and be of a course of the organisation", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const course = createCourse(t.hr);
    const theirCourse = createCourse(scopeAs(t.app, t.other.users.hr));
    await expect(
      caller.training.sessions.create({
        ...sessionInput(course.id),
        endsAt: "2022-06-01T08:00:00Z",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The session must end after it starts",
      cause: { field: "endsAt" },
    });
    await expect(
      caller.training.sessions.create(sessionInput(theirCourse.id)),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose a course",
      cause: { field: "courseId" },
    });
    await expect(
      caller.training.sessions.create({ ...sessionInput(course.id), capacity: 0 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "capacity: must be at least 1 place" });
    expect(t.app.db.select().from(trainingSessions).all()).toEqual([]);
  });

  test("lists sessions by course and date range with booked, waiting and free places", async () => {
    const course = createCourse(t.hr);
    const may = createSession(t.hr, {
      courseId: course.id,
      capacity: 2,
      startsAt: "2022-05-31T09:00:00Z",
      endsAt: "2022-05-31T12:00:00Z",
    });
    const june = createSession(t.hr, {
      courseId: course.id,
      startsAt: "2022-06-30T23:00:00Z",
      endsAt: "2022-07-01T01:00:00Z",
    });
    createSession(t.hr, { startsAt: "2022-06-10T09:00:00Z", endsAt: "2022-06-10T12:00:00Z" });
    createSession(scopeAs(t.app, t.other.users.hr));
    createBookings(t.hr, { sessionId: may.id, staffIds: people(3) });
    createNominations(t.hr, { sessionId: may.id, staffIds: people(1) });

    const caller = t.app.caller(t.org.users.viewer);
    const all = await caller.training.sessions.list();
    expect(all.total).toBe(3);
    expect(all.items[0]).toMatchObject({ id: may.id, booked: 2, waitlisted: 1, placesLeft: 0 });
    const ofCourse = await caller.training.sessions.list({ courseId: course.id });
    expect(ofCourse.items.map((item) => item.id)).toEqual([may.id, june.id]);
    const inJune = await caller.training.sessions.list({ from: "2022-06-01", to: "2022-06-30" });
    expect(inJune.items.map((item) => item.startsAt)).toEqual([
      "2022-06-10T09:00:00.000Z",
      "2022-06-30T23:00:00.000Z",
    ]);
    await expect(caller.training.sessions.list({ from: "1 June" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "from: must be a date in the form YYYY-MM-DD",
    });
  });

  test("a session lists its people: places first, then the waiting list in order", async () => {
    const session = createSession(t.hr, { capacity: 1 });
    const [placed, first, second] = [
      createStaff(t.hr, { name: "Zoe Placed" }),
      createStaff(t.hr, { name: "Yan First" }),
      createStaff(t.hr, { name: "Abe Second" }),
    ];
    const nominee = createStaff(t.hr, { name: "Ann Nominee" });
    for (const person of [placed, first, second]) {
      createBookings(t.hr, { sessionId: session.id, staffIds: [person?.id ?? ""] });
    }
    createNominations(t.hr, { sessionId: session.id, staffIds: [nominee.id] });
    const got = await t.app.caller(t.org.users.hr).training.sessions.get({ id: session.id });
    expect(got.nominations.map((row) => [row.staffName, row.state, row.waitlistPosition])).toEqual([
      ["Zoe Placed", "booked", null],
      ["Ann Nominee", "nominated", null],
      ["Yan First", "waitlisted", 1],
      ["Abe Second", "waitlisted", 2],
    ]);
    expect(got).toMatchObject({ booked: 1, waitlisted: 2, placesLeft: 0 });
  });

  test("two people of the same name are listed by employee number, whatever order they came in", async () => {
    const session = createSession(t.hr, { capacity: 4 });
    const numbers = ["E9004", "E9001", "E9003", "E9002"];
    const ids = numbers.map(
      (employeeNumber) => createStaff(t.hr, { name: "Sam Lee", employeeNumber }).id,
    );
    createNominations(t.hr, { sessionId: session.id, staffIds: ids });
    const got = await t.app.caller(t.org.users.hr).training.sessions.get({ id: session.id });
    expect(got.nominations.map((row) => row.employeeNumber)).toEqual([...numbers].sort());
  });

  test("a manager sees a session's counts but only their own team on it", async () => {
    const boss = createStaff(t.hr);
    const mine = createStaff(t.hr, { managerId: boss.id });
    const session = createSession(t.hr);
    createBookings(t.hr, { sessionId: session.id, staffIds: [mine.id, ...people(2)] });
    const manager = linkManager(scopeAs(t.app, t.org.users.admin), t.org.users.manager, boss.id);
    const got = await t.app.caller(manager).training.sessions.get({ id: session.id });
    expect(got.booked).toBe(3);
    expect(got.nominations.map((row) => row.staffId)).toEqual([mine.id]);
  });

  test("capacity cannot drop below the places taken; raising it books the waiting list", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const session = createSession(t.hr, { capacity: 2 });
    const booked = createBookings(t.hr, { sessionId: session.id, staffIds: people(5) });
    expect(booked.map((row) => row.state)).toEqual([
      "booked",
      "booked",
      "waitlisted",
      "waitlisted",
      "waitlisted",
    ]);
    await expect(
      caller.training.sessions.update({ id: session.id, data: { capacity: 1 } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Capacity cannot be less than the 2 places already booked",
      cause: { field: "capacity" },
    });
    const grown = await caller.training.sessions.update({
      id: session.id,
      data: { capacity: 4, location: "Library" },
    });
    expect(grown).toMatchObject({ capacity: 4, booked: 4, waitlisted: 1, location: "Library" });
    const promoted = await caller.training.nominations.get({ id: booked[2]?.id ?? "" });
    expect(promoted.state).toBe("booked");
    expect(promoted.history.at(-1)).toMatchObject({
      state: "booked",
      note: "A place became free, so booked from the waiting list",
      by: t.org.users.hr.name,
    });
    const lastInQueue = await caller.training.nominations.get({ id: booked[4]?.id ?? "" });
    expect(lastInQueue.state).toBe("waitlisted");
  });

  test("times are checked against each other after an update, too", async () => {
    const session = createSession(t.hr);
    await expect(
      t.app.caller(t.org.users.hr).training.sessions.update({
        id: session.id,
        data: { endsAt: "2022-05-10T08:00:00Z" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "endsAt" } });
  });

  test("roles, sign-in and tenancy", async () => {
    const course = createCourse(t.hr);
    const theirs = createSession(scopeAs(t.app, t.other.users.hr));
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.sessions.create(sessionInput(course.id)),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        t.app.caller(t.org.users[role]).training.sessions.update({ id: theirs.id, data: {} }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(t.app.caller(null).training.sessions.list()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(t.app.caller(null).training.sessions.get({ id: theirs.id })).rejects.toMatchObject(
      {
        code: "UNAUTHORIZED",
      },
    );
    const admin = t.app.caller(t.org.users.admin);
    await expect(admin.training.sessions.get({ id: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Training session not found",
    });
    await expect(
      admin.training.sessions.update({ id: theirs.id, data: { capacity: 100 } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await admin.training.sessions.list()).items).toEqual([]);
  });
});
