import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { auditLog, charges, nominations, organisations, staff } from "../db/schema";
import { createBookings, createNominations, createSession, startSession } from "../test/builders";
import { AFTER_BANK_HOLIDAY, chargesWorld, WIRRAL_POLICY } from "../test/charges-world";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const { hr, partnership, personOf, bookingOn, cancelOn, priceForNonMembers } = chargesWorld(t);
const POLICY = WIRRAL_POLICY;

const ledger = () => t.app.db.select().from(charges).orderBy(charges.createdAt).all();

describe("charges written as the policy says", () => {
  test("a full day cancelled across a bank holiday with too little notice is a late cancellation", async () => {
    const { police } = await partnership();
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    const booking = bookingOn(session.id, personOf(police));
    // Thursday 28 April to Tuesday 3 May: Thursday and Friday only (2 May is a bank holiday).
    await cancelOn("2022-04-28", booking);
    expect(ledger()).toEqual([
      expect.objectContaining({
        agencyId: police,
        kind: "late_cancellation",
        nominationId: booking,
        sessionId: session.id,
        amountPence: 9000,
        financialYearStart: 2022,
        chargedOn: "2022-04-28",
        basis: "Full day, cancelled with 2 working days' notice (3 needed)",
        waivedAt: null,
      }),
    ]);
    const audit = t.app.db.select().from(auditLog).where(eq(auditLog.entity, "charge")).all();
    expect(audit.map((row) => row.action)).toEqual(["create"]);
  });

  test("cancelling with the notice the policy asks for is free", async () => {
    const { police } = await partnership();
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    // Wednesday 27 April: Wednesday, Thursday and Friday are 3 working days.
    await cancelOn("2022-04-27", bookingOn(session.id, personOf(police)));
    expect(ledger()).toEqual([]);
  });

  test("a booked person not signed in when the session closes is a no-show, charged once", async () => {
    const { police } = await partnership();
    const session = createSession(t.hr);
    const [attended, absent] = createBookings(t.hr, {
      sessionId: session.id,
      staffIds: [personOf(police, "Sam Hill"), personOf(police, "Jo Park")],
    });
    startSession(t.app, t.hr, session.id);
    await hr().training.attendance.mark({
      nominationId: attended?.id ?? "",
      outcome: "fully_attended",
    });
    await hr().training.attendance.mark({ nominationId: absent?.id ?? "", outcome: "no_show" });
    await hr().training.sessions.close({ id: session.id });
    expect(ledger()).toEqual([
      expect.objectContaining({
        kind: "no_show",
        nominationId: absent?.id,
        amountPence: 5000,
        chargedOn: "2022-05-10",
        basis: "Half day, booked but did not attend",
      }),
    ]);
  });

  test("a no-show corrected to attended after closing is waived with the reason, and the reverse charged", async () => {
    const { police } = await partnership();
    const session = createSession(t.hr);
    const [first, second] = createBookings(t.hr, {
      sessionId: session.id,
      staffIds: [personOf(police, "Sam Hill"), personOf(police, "Jo Park")],
    });
    startSession(t.app, t.hr, session.id);
    await hr().training.attendance.mark({ nominationId: first?.id ?? "", outcome: "no_show" });
    await hr().training.attendance.mark({
      nominationId: second?.id ?? "",
      outcome: "fully_attended",
    });
    await hr().training.sessions.close({ id: session.id });
    const correct = (nominationId: string, outcome: "fully_attended" | "no_show") =>
      hr().training.attendance.mark({ nominationId, outcome, note: "Register mixed up" });
    await correct(first?.id ?? "", "fully_attended");
    await correct(second?.id ?? "", "no_show");
    expect(ledger().map((row) => [row.nominationId, row.kind, row.waiveReason])).toEqual([
      [first?.id, "no_show", "Attendance corrected: Register mixed up"],
      [second?.id, "no_show", ""],
    ]);
    const waives = t.app.db.select().from(auditLog).where(eq(auditLog.action, "waive")).all();
    expect(waives).toHaveLength(1);
  });

  test("a place a substitute took is free to give up", async () => {
    const { police } = await partnership();
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    const booking = bookingOn(session.id, personOf(police));
    const [substitute] = createNominations(t.hr, {
      sessionId: session.id,
      staffIds: [personOf(police, "Kit Lowe")],
    });
    t.app.db
      .update(nominations)
      .set({ substitutedForId: booking })
      .where(eq(nominations.id, substitute?.id ?? ""))
      .run();
    await cancelOn("2022-05-02", booking);
    expect(ledger()).toEqual([]);
  });

  test("a substitute sent the day before through the substitute procedure costs nothing", async () => {
    const { police } = await partnership();
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    const booking = bookingOn(session.id, personOf(police));
    t.app.clock.now = new Date("2022-05-02T10:00:00.000Z");
    await hr().training.nominations.substitute({
      nominationId: booking,
      staffId: personOf(police, "Kit Lowe"),
      reason: "Alex is on leave",
    });
    expect(ledger()).toEqual([]);
  });

  test("cancelling many at once charges each late cancellation", async () => {
    const { police } = await partnership();
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    const ids = [personOf(police, "Sam Hill"), personOf(police, "Jo Park")].map((id) =>
      bookingOn(session.id, id),
    );
    t.app.clock.now = new Date("2022-04-29T10:00:00.000Z");
    await hr().training.nominations.cancelMany({ sessionId: session.id, ids, note: "Office move" });
    expect(ledger().map((row) => [row.nominationId, row.kind, row.amountPence])).toEqual(
      ids.map((id) => [id, "late_cancellation", 9000]),
    );
  });

  test("a non-member agency's place is charged at the session's price when booked", async () => {
    const { charity } = await partnership();
    const session = createSession(t.hr);
    priceForNonMembers(session.id, 10_000);
    const booking = bookingOn(session.id, personOf(charity));
    expect(ledger()).toEqual([
      expect.objectContaining({
        kind: "non_member_place",
        nominationId: booking,
        amountPence: 10_000,
        basis: "Place for a non-member agency",
      }),
    ]);
  });

  test("a non-member's place given up in time is waived; given up late or not used, it costs the place only", async () => {
    const { charity } = await partnership();
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    priceForNonMembers(session.id, 10_000);
    const inTime = bookingOn(session.id, personOf(charity, "Bea Cole"));
    const late = bookingOn(session.id, personOf(charity, "Dee Ford"));
    await cancelOn("2022-04-26", inTime);
    await cancelOn("2022-05-02", late);
    expect(
      ledger().map((row) => [row.nominationId, row.kind, row.amountPence, row.waiveReason]),
    ).toEqual([
      [inTime, "non_member_place", 10_000, "Place given up with enough notice"],
      [late, "non_member_place", 10_000, ""],
    ]);
  });

  test("a non-member's substitute takes over the paid place without a second charge", async () => {
    const { charity } = await partnership();
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    priceForNonMembers(session.id, 10_000);
    const booking = bookingOn(session.id, personOf(charity, "Bea Cole"));
    t.app.clock.now = new Date("2022-05-02T10:00:00.000Z");
    await hr().training.nominations.substitute({
      nominationId: booking,
      staffId: personOf(charity, "Dee Ford"),
      reason: "Bea is on leave",
    });
    expect(ledger().map((row) => [row.nominationId, row.kind, row.waivedAt])).toEqual([
      [booking, "non_member_place", null],
    ]);
  });

  test("nothing is charged with the policy off, outside a partnership, or for people with no agency", async () => {
    const { police } = await partnership({ ...POLICY, enabled: false });
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    await cancelOn("2022-05-02", bookingOn(session.id, personOf(police)));
    await hr().charges.policy.update(POLICY);
    t.app.clock.now = new Date("2022-04-05T09:00:00.000Z");
    // Someone whose agency was taken off them after booking.
    const nobody = personOf(police, "Ola Nunn");
    const booking = bookingOn(session.id, nobody);
    t.app.db.update(staff).set({ agencyId: null }).where(eq(staff.id, nobody)).run();
    await cancelOn("2022-05-02", booking);
    t.app.db
      .update(organisations)
      .set({ runsAsPartnership: false })
      .where(eq(organisations.id, t.org.id))
      .run();
    t.app.clock.now = new Date("2022-04-05T09:00:00.000Z");
    await cancelOn("2022-05-02", bookingOn(session.id, personOf(police, "Ray Moss")));
    expect(ledger()).toEqual([]);
  });
});

describe("charges.policy", () => {
  test("starts off, with GOV.UK's bank holidays, and saves a policy (audited)", async () => {
    const before = await hr().charges.policy.get();
    expect(before.policy.enabled).toBe(false);
    expect(before.bankHolidays).toMatchObject({
      source: "shipped",
      firstDate: "2019-01-01",
      lastDate: "2027-12-28",
    });
    expect(before.bankHolidays.upcoming[0]).toEqual({ date: "2022-04-15", title: "Good Friday" });
    const saved = await hr().charges.policy.update(POLICY);
    expect(saved.policy).toEqual(POLICY);
    expect(await t.app.caller(t.org.users.viewer).charges.policy.get()).toEqual(saved);
    const audit = t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, "charging_policy"))
      .all();
    expect(audit).toHaveLength(1);
    // Southshire keeps its own.
    expect((await t.app.caller(t.other.users.hr).charges.policy.get()).policy.enabled).toBe(false);
  });

  test("takes an uploaded GOV.UK file, whose holidays then count", async () => {
    const { police } = await partnership();
    const file = JSON.stringify({
      "england-and-wales": {
        division: "england-and-wales",
        events: [{ title: "Extra bank holiday", date: "2022-04-29", notes: "", bunting: true }],
      },
      scotland: { division: "scotland", events: [] },
    });
    const result = await hr().charges.policy.uploadBankHolidays({ file });
    expect(result.bankHolidays).toMatchObject({
      source: "uploaded",
      count: 1,
      firstDate: "2022-04-29",
    });
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    // With 29 April a holiday and 2 May not: Wednesday, Thursday and Monday, in time.
    await cancelOn("2022-04-27", bookingOn(session.id, personOf(police)));
    expect(ledger()).toEqual([]);
  });

  test.each([
    ["not JSON", "bank holidays", "The file is not JSON"],
    ["no England and Wales", JSON.stringify({ scotland: {} }), 'no "england-and-wales" division'],
    [
      "a date that is not real",
      JSON.stringify({ "england-and-wales": { events: [{ title: "X", date: "2022-02-30" }] } }),
      "not a real date",
    ],
  ])("refuses a file with %s, naming the file", async (_, file, message) => {
    const upload = hr().charges.policy.uploadBankHolidays({ file });
    await expect(upload).rejects.toThrow(message);
    await expect(upload).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "file" },
    });
  });
});

describe("charges.list and charges.waive", () => {
  async function twoCharges() {
    const { police, charity } = await partnership();
    const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
    priceForNonMembers(session.id, 10_000);
    bookingOn(session.id, personOf(charity, "Bea Cole"));
    await cancelOn("2022-05-02", bookingOn(session.id, personOf(police)));
    return { police, charity };
  }

  test("lists a quarter's charges with each agency's totals, exact in pence", async () => {
    const { police, charity } = await twoCharges();
    const list = await hr().charges.list({ financialYearStart: 2022, quarter: 1 });
    expect(list.charges.map((row) => [row.agencyName, row.kind, row.amountPence])).toEqual([
      ["Northshire Police", "late_cancellation", 9000],
      ["Hope Charity", "non_member_place", 10_000],
    ]);
    expect(list.byAgency).toEqual([
      {
        agencyId: charity,
        agencyName: "Hope Charity",
        count: 1,
        owedPence: 10_000,
        waivedPence: 0,
      },
      {
        agencyId: police,
        agencyName: "Northshire Police",
        count: 1,
        owedPence: 9000,
        waivedPence: 0,
      },
    ]);
    expect(list.owedPence).toBe(19_000);
    expect((await hr().charges.list({ financialYearStart: 2022, quarter: 2 })).charges).toEqual([]);
    expect((await hr().charges.list({ financialYearStart: 2021 })).charges).toEqual([]);
    const policeOnly = await hr().charges.list({ financialYearStart: 2022, agencyId: police });
    expect(policeOnly.charges.map((row) => row.agencyId)).toEqual([police]);
    expect(
      (await t.app.caller(t.other.users.hr).charges.list({ financialYearStart: 2022 })).charges,
    ).toEqual([]);
    await expect(
      t.app.caller(t.other.users.hr).charges.list({ financialYearStart: 2022, agencyId: police }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", cause: { field: "agencyId" } });
  });

  test("one person's charges on the same day list by their sessions' times, whatever order they were made in", async () => {
    const { police } = await partnership();
    const person = personOf(police, "Sam Hill");
    const afternoon = createSession(t.hr, {
      startsAt: "2022-05-03T12:00:00.000Z",
      endsAt: "2022-05-03T15:00:00.000Z",
    });
    const morning = createSession(t.hr, {
      startsAt: "2022-05-03T08:00:00.000Z",
      endsAt: "2022-05-03T11:00:00.000Z",
    });
    const bookings = [bookingOn(afternoon.id, person), bookingOn(morning.id, person)];
    for (const booking of bookings) await cancelOn("2022-05-02", booking);
    const list = await hr().charges.list({ financialYearStart: 2022 });
    expect(list.charges.map((row) => row.sessionId)).toEqual([morning.id, afternoon.id]);
  });

  test("shows an agency lead their own agency's charges only", async () => {
    const { police, charity } = await twoCharges();
    const lead = { ...t.org.users.agency_lead, agencyId: police };
    const list = await t.app
      .caller(lead)
      .charges.list({ financialYearStart: 2022, agencyId: charity });
    expect(list.charges.map((row) => row.agencyId)).toEqual([police]);
  });

  test("waives a charge with the reason, audited, and only once", async () => {
    const { police } = await twoCharges();
    const charge = ledger().find((row) => row.agencyId === police);
    const waived = await hr().charges.waive({
      id: charge?.id ?? "",
      reason: "Snow closed the roads",
    });
    expect(waived).toMatchObject({
      waiveReason: "Snow closed the roads",
      waivedAt: t.app.clock.now.toISOString(),
    });
    const list = await hr().charges.list({ financialYearStart: 2022 });
    expect([list.owedPence, list.waivedPence]).toEqual([10_000, 9000]);
    const audit = t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "charge"), eq(auditLog.action, "waive")))
      .all();
    expect(audit.map((row) => [row.entityId, row.userId, row.after])).toEqual([
      [
        charge?.id,
        t.org.users.hr.id,
        expect.objectContaining({ waiveReason: "Snow closed the roads" }),
      ],
    ]);
    await expect(hr().charges.waive({ id: charge?.id ?? "", reason: "Again" })).rejects.toThrow(
      "already been waived",
    );
  });

  test("refuses a waiver without a reason, or of another organisation's charge", async () => {
    await twoCharges();
    const charge = ledger()[0];
    await expect(hr().charges.waive({ id: charge?.id ?? "", reason: " " })).rejects.toThrow(
      "must say why",
    );
    await expect(
      t.app.caller(t.other.users.hr).charges.waive({ id: charge?.id ?? "", reason: "Not ours" }),
    ).rejects.toThrow("Charge not found");
    expect(ledger().every((row) => row.waivedAt == null)).toBe(true);
  });
});
