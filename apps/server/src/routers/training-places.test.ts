import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";

import { sessionAgencies, staff } from "../db/schema";
import {
  createBookings,
  createCourse,
  createNominations,
  createSession,
  linkManager,
} from "../test/builders";
import { addAgency, agencyStaff, makePartnership } from "../test/partnership-places";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const STARTS = "2022-05-10T09:00:00.000Z";
const RELEASE = "2022-05-01T09:00:00.000Z";

function sessionInput(courseId: string) {
  return {
    courseId,
    startsAt: STARTS,
    endsAt: "2022-05-10T12:00:00.000Z",
    capacity: 4,
    location: "Civic Centre",
    trainer: "IDVA service",
  };
}

let police = "";
let council = "";
let charity = "";

beforeEach(() => {
  makePartnership(t.hr);
  police = addAgency(t.hr, "Thames Valley Police", { kind: "police" });
  council = addAgency(t.hr, "Northshire County Council", { kind: "county_council" });
  charity = addAgency(t.hr, "Hearth Housing", { member: false, kind: "voluntary_sector" });
});

describe("who may book a session of a partnership", () => {
  test("HR opens a session to chosen agencies with places held until a release date", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const course = createCourse(t.hr);
    const created = await caller.training.sessions.create({
      ...sessionInput(course.id),
      openTo: "chosen_agencies",
      agencies: [
        { agencyId: police, reservedPlaces: 2 },
        { agencyId: charity, reservedPlaces: 0 },
      ],
      reservedUntil: "2022-05-01T10:00:00+01:00",
      nonMemberPricePence: 5000,
    });
    expect(created).toMatchObject({
      openTo: "chosen_agencies",
      reservedUntil: RELEASE,
      nonMemberPricePence: 5000,
    });
    const got = await caller.training.sessions.get({ id: created.id });
    expect(got.agencies).toEqual([
      { agencyId: charity, name: "Hearth Housing", reservedPlaces: 0 },
      { agencyId: police, name: "Thames Valley Police", reservedPlaces: 2 },
    ]);

    // Open to all members again: only agencies with places held stay listed.
    const updated = await caller.training.sessions.update({
      id: created.id,
      data: { openTo: "all_members", nonMemberPricePence: null },
    });
    expect(updated.openTo).toBe("all_members");
    const after = await caller.training.sessions.get({ id: created.id });
    expect(after.agencies.map((row) => row.name)).toEqual(["Thames Valley Police"]);
  });

  test("the choice of agencies and reserved places is checked, naming the field", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const input = sessionInput(createCourse(t.hr).id);
    const theirs = addAgency({ ...t.hr, user: t.other.users.hr }, "Southshire Police");
    const refusals: [Record<string, unknown>, string, string][] = [
      [
        { openTo: "chosen_agencies" },
        "agencies",
        "Choose at least one agency the session is open to",
      ],
      [
        { openTo: "chosen_agencies", agencies: [{ agencyId: theirs }] },
        "agencies",
        "Choose agencies of your partnership",
      ],
      [
        { openTo: "chosen_agencies", agencies: [{ agencyId: police }, { agencyId: police }] },
        "agencies",
        "Choose each agency once",
      ],
      [
        { openTo: "chosen_agencies", agencies: [{ agencyId: charity }] },
        "nonMemberPricePence",
        "Enter the price of a place for non-members: Hearth Housing is not a member agency",
      ],
      [
        {
          agencies: [
            { agencyId: police, reservedPlaces: 3 },
            { agencyId: council, reservedPlaces: 2 },
          ],
          reservedUntil: RELEASE,
        },
        "agencies",
        "Reserved places (5) must not be more than the session's 4 places",
      ],
      [
        { agencies: [{ agencyId: police, reservedPlaces: 1 }] },
        "reservedUntil",
        "Enter the date and time reserved places are released to every agency",
      ],
      [
        { agencies: [{ agencyId: police, reservedPlaces: 1 }], reservedUntil: STARTS },
        "reservedUntil",
        "Reserved places must be released before the session starts",
      ],
    ];
    for (const [eligibility, field, message] of refusals) {
      await expect(
        caller.training.sessions.create({ ...input, ...eligibility }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message, cause: { field } });
    }
    const archived = addAgency(t.hr, "Old Trust", { archived: true });
    await expect(
      caller.training.sessions.create({
        ...input,
        openTo: "chosen_agencies",
        agencies: [{ agencyId: archived }],
      }),
    ).rejects.toMatchObject({ message: "Old Trust is archived, so cannot be chosen" });
    expect(t.app.db.select().from(sessionAgencies).all()).toEqual([]);
  });

  test("capacity cannot drop below the places reserved", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const session = await caller.training.sessions.create({
      ...sessionInput(createCourse(t.hr).id),
      agencies: [{ agencyId: police, reservedPlaces: 3 }],
      reservedUntil: RELEASE,
    });
    await expect(
      caller.training.sessions.update({ id: session.id, data: { capacity: 2 } }),
    ).rejects.toMatchObject({
      message: "Reserved places (3) must not be more than the session's 2 places",
      cause: { field: "agencies" },
    });
  });

  test("an organisation that is not a partnership cannot restrict a session", async () => {
    const caller = t.app.caller(t.other.users.hr);
    const course = await caller.training.courses.create({ title: "Awareness", level: 1 });
    await expect(
      caller.training.sessions.create({ ...sessionInput(course.id), nonMemberPricePence: 100 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Only a partnership chooses which agencies may book a session",
      cause: { field: "nonMemberPricePence" },
    });
  });
});

describe("nominating and booking in a partnership", () => {
  function chosenSession(agencies: { agencyId: string; reservedPlaces?: number }[]) {
    return createSession(t.hr, {
      capacity: 3,
      openTo: "chosen_agencies",
      agencies: agencies.map((row) => ({ reservedPlaces: 0, ...row })),
    });
  }

  test("people are nominated only for sessions open to their agency", async () => {
    const session = chosenSession([{ agencyId: police }]);
    const officer = agencyStaff(t.hr, police, "Ann Officer");
    const clerk = agencyStaff(t.hr, council, "Bo Clerk");
    const volunteer = agencyStaff(t.hr, charity, "Cy Volunteer");
    const nobody = agencyStaff(t.hr, null, "Di Nobody");
    const caller = t.app.caller(t.org.users.hr);
    await expect(
      caller.training.nominations.create({
        sessionId: session.id,
        staffIds: [officer, clerk, volunteer, nobody],
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: [
        "Not open to Northshire County Council: Bo Clerk",
        "Not open to Hearth Housing: Cy Volunteer",
        "Not in an agency of the partnership: Di Nobody",
      ].join("\n"),
      cause: { field: "staffIds" },
    });
    // People are named in the order they were asked for, whatever order the database keeps.
    await expect(
      caller.training.nominations.create({ sessionId: session.id, staffIds: [nobody, clerk] }),
    ).rejects.toThrow(
      "Not in an agency of the partnership: Di Nobody\nNot open to Northshire County Council: Bo Clerk",
    );
    const made = await caller.training.nominations.create({
      sessionId: session.id,
      staffIds: [officer],
    });
    expect(made.map((row) => row.staffName)).toEqual(["Ann Officer"]);
  });

  test("the nominate page says why someone cannot be nominated, and select all leaves them out", async () => {
    const session = chosenSession([{ agencyId: police }]);
    const officer = agencyStaff(t.hr, police, "Ann Officer");
    const clerk = agencyStaff(t.hr, council, "Bo Clerk");
    const caller = t.app.caller(t.org.users.hr);
    const page = await caller.training.sessions.candidates({ sessionId: session.id });
    const refusals = new Map(page.items.map((person) => [person.id, person.refusal]));
    expect(refusals.get(officer)).toBeNull();
    expect(refusals.get(clerk)).toBe("Not open to Northshire County Council");
    expect(page.selectableIds).toEqual([officer]);
    // Everyone "select all" offers is nominated, with nobody refused.
    const made = await caller.training.nominations.create({
      sessionId: session.id,
      staffIds: page.selectableIds,
    });
    expect(made.map((row) => row.staffName)).toEqual(["Ann Officer"]);
  });

  test("a non-member agency's people only when the session has a non-member price", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const volunteer = agencyStaff(t.hr, charity, "Cy Volunteer");
    const free = createSession(t.hr);
    await expect(
      caller.training.nominations.create({ sessionId: free.id, staffIds: [volunteer] }),
    ).rejects.toMatchObject({
      message:
        "Not open to Hearth Housing: the session has no places for non-member agencies: Cy Volunteer",
    });
    const priced = createSession(t.hr, { nonMemberPricePence: 5000 });
    await expect(
      caller.training.nominations.create({ sessionId: priced.id, staffIds: [volunteer] }),
    ).resolves.toHaveLength(1);
  });

  test("booking refuses an agency the session was closed to after the nomination", async () => {
    const session = createSession(t.hr, { capacity: 3 });
    const [clerk, officer] = createNominations(t.hr, {
      sessionId: session.id,
      staffIds: [agencyStaff(t.hr, council, "Bo Clerk"), agencyStaff(t.hr, police, "Ann Officer")],
    });
    const caller = t.app.caller(t.org.users.hr);
    await caller.training.sessions.update({
      id: session.id,
      data: { openTo: "chosen_agencies", agencies: [{ agencyId: police, reservedPlaces: 0 }] },
    });
    const result = await caller.training.nominations.applyMany({
      sessionId: session.id,
      action: "book",
      ids: [clerk?.id ?? "", officer?.id ?? ""],
    });
    expect(result.results).toEqual([
      {
        id: clerk?.id,
        staffName: "Bo Clerk",
        outcome: "skipped",
        reason: "Not open to Northshire County Council",
      },
      { id: officer?.id, staffName: "Ann Officer", outcome: "booked", reason: null },
    ]);
    await expect(caller.training.nominations.book({ id: clerk?.id ?? "" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Bo Clerk cannot be booked. Not open to Northshire County Council",
    });
  });

  // Books one new person of the agency onto the session (a place, or the waiting list).
  function bookOne(sessionId: string, agencyId: string, name: string) {
    return createBookings(t.hr, { sessionId, staffIds: [agencyStaff(t.hr, agencyId, name)] })[0];
  }

  test("places held for an agency go to its people until the release date, then to anyone", async () => {
    // 3 places, 2 held for the police until 1 May.
    const session = createSession(t.hr, {
      capacity: 3,
      agencies: [{ agencyId: police, reservedPlaces: 2 }],
      reservedUntil: RELEASE,
    });
    const book = (agencyId: string, name: string) => bookOne(session.id, agencyId, name);
    expect(book(council, "Bo Clerk")?.state).toBe("booked");
    const waiting = book(council, "Cat Clerk");
    expect(waiting?.state).toBe("waitlisted");
    expect(book(police, "Ann Officer")?.state).toBe("booked");

    // After the release date the held place is anyone's: the first person waiting gets it before
    // someone new books.
    const late = { ...t.hr, now: new Date("2022-05-02T09:00:00Z") };
    const [newcomer] = createNominations(late, {
      sessionId: session.id,
      staffIds: [agencyStaff(t.hr, council, "Dan Clerk")],
    });
    const caller = t.app.caller(t.org.users.hr);
    t.app.clock.now = late.now;
    const booked = await caller.training.nominations.book({ id: newcomer?.id ?? "" });
    expect(booked.state).toBe("waitlisted");
    const got = await caller.training.sessions.get({ id: session.id });
    expect(got.nominations.find((row) => row.id === waiting?.id)?.state).toBe("booked");
  });

  test("a freed place goes to the first person waiting who may have it", async () => {
    // 2 places, 1 held for the police.
    const session = createSession(t.hr, {
      capacity: 2,
      agencies: [{ agencyId: police, reservedPlaces: 1 }],
      reservedUntil: RELEASE,
    });
    const book = (agencyId: string, name: string) => bookOne(session.id, agencyId, name);
    const clerk = book(council, "Bo Clerk");
    const officer = book(police, "Ann Officer");
    const waitingClerk = book(council, "Cat Clerk");
    const waitingOfficer = book(police, "Dee Officer");
    expect([clerk, officer, waitingClerk, waitingOfficer].map((row) => row?.state)).toEqual([
      "booked",
      "booked",
      "waitlisted",
      "waitlisted",
    ]);
    const caller = t.app.caller(t.org.users.hr);
    // The police place freed is held for the police: the clerk waiting first is passed over.
    const first = await caller.training.nominations.cancel({
      id: officer?.id ?? "",
      note: "Leave",
    });
    expect(first.promoted.map((row) => row.staffName)).toEqual(["Dee Officer"]);
    // A shared place goes to the clerk.
    const second = await caller.training.nominations.cancel({ id: clerk?.id ?? "", note: "Leave" });
    expect(second.promoted.map((row) => row.staffName)).toEqual(["Cat Clerk"]);
  });

  test("people ask for a place themselves only on sessions open to their agency", async () => {
    const officer = agencyStaff(t.hr, police, "Ann Officer");
    const caller = t.app.caller(linkManager(t.hr, t.org.users.viewer, officer)).myTraining;
    const forCouncil = chosenSession([{ agencyId: council }]);
    await expect(caller.request({ sessionId: forCouncil.id, reason: "" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This session is not for you to ask for. Not open to Thames Valley Police",
      cause: { field: "sessionId" },
    });
    const forAll = createSession(t.hr);
    await expect(caller.request({ sessionId: forAll.id, reason: "" })).resolves.toMatchObject({
      state: "nominated",
    });
  });

  test("a nominations file names each person the session is not open to, and nominates nobody", async () => {
    const session = chosenSession([{ agencyId: police }]);
    const employeeNumber = (id: string) =>
      t.app.db.select().from(staff).where(eq(staff.id, id)).get()?.employeeNumber ?? "";
    const officer = employeeNumber(agencyStaff(t.hr, police, "Ann Officer"));
    const clerk = employeeNumber(agencyStaff(t.hr, council, "Bo Clerk"));
    const csv = [
      "employee_number,session_id,reason,mandatory",
      `${officer},${session.id},,no`,
      `${clerk},${session.id},,no`,
    ].join("\n");
    const result = await t.app.caller(t.org.users.hr).training.nominations.importCsv({ csv });
    expect(result).toMatchObject({ written: false });
    expect(result.errors).toEqual([
      {
        line: 3,
        column: "employee_number",
        message: "Bo Clerk cannot be nominated. Not open to Northshire County Council",
      },
    ]);
  });

  test("a partnership's people in no agency cannot be booked", async () => {
    const session = createSession(t.hr);
    const person = { id: agencyStaff(t.hr, null, "Eve Nobody") };
    await expect(
      t.app
        .caller(t.org.users.hr)
        .training.nominations.create({ sessionId: session.id, staffIds: [person.id] }),
    ).rejects.toMatchObject({ message: "Not in an agency of the partnership: Eve Nobody" });
  });
});
