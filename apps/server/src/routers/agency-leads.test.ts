import { describe, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { createContextInner } from "../context";
import { runExport } from "../exports/run-export";
import {
  createAgency,
  createBookings,
  createSession,
  createStaff,
  linkAgencyLead,
  scopeAs,
} from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

// Two agencies of Northshire's partnership, one person in each booked on one session, and the
// agency lead acting for the first.
function partnership() {
  const admin = scopeAs(t.app, t.org.users.admin);
  const own = createAgency(t.hr, { name: "Northshire District Council" });
  const other = createAgency(t.hr, { name: "Northshire Police", kind: "police" });
  const mine = createStaff(t.hr, { name: "Olu Own", agencyId: own.id });
  const theirs = createStaff(t.hr, { name: "Tam Theirs", agencyId: other.id });
  const session = createSession(t.hr);
  const [myBooking, theirBooking] = createBookings(t.hr, {
    sessionId: session.id,
    staffIds: [mine.id, theirs.id],
  });
  const lead = linkAgencyLead(admin, t.org.users.agency_lead, own.id);
  return { own, other, mine, theirs, session, myBooking, theirBooking, lead };
}

const as = (user: SessionUser) => t.app.caller(user);

describe("an agency lead reads their own agency's people only", () => {
  test("staff lists, records and a session's candidates", async () => {
    const { mine, theirs, session, lead, other } = partnership();
    const staff = await as(lead).staff.list();
    expect(staff.items.map((person) => person.name)).toEqual(["Olu Own"]);
    expect(staff.items[0]).toMatchObject({ agencyName: "Northshire District Council" });
    await expect(as(lead).staff.get({ id: mine.id })).resolves.toMatchObject({ id: mine.id });
    await expect(as(lead).staff.get({ id: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Asking for the other agency's people by filter finds nobody.
    await expect(as(lead).staff.list({ agencyId: other.id })).resolves.toMatchObject({
      items: [],
      total: 0,
    });
    const candidates = await as(lead).training.sessions.candidates({ sessionId: session.id });
    expect(candidates.items.map((person) => person.name)).toEqual(["Olu Own"]);
  });

  test("nominations, a session's list and the uptake figures", async () => {
    const { session, lead, myBooking, theirBooking } = partnership();
    const list = await as(lead).training.nominations.list();
    expect(list).toMatchObject({ total: 1, items: [{ id: myBooking?.id }] });
    await expect(
      as(lead).training.nominations.get({ id: theirBooking?.id ?? "" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const detail = await as(lead).training.sessions.get({ id: session.id });
    expect(detail.nominations.map((nomination) => nomination.staffName)).toEqual(["Olu Own"]);
    const uptake = await as(lead).reports.uptake();
    expect(uptake.overall.booked).toBe(1);
    // HR sees both, counted from the running tallies.
    expect((await as(t.org.users.hr).reports.uptake()).overall.booked).toBe(2);
    expect((await as(t.org.users.hr).training.nominations.list()).total).toBe(2);
  });

  test("the never-trained list, the uptake by manager and the staff export", async () => {
    const { lead } = partnership();
    const neverTrained = await as(lead).reports.neverTrained();
    expect(neverTrained.items.map((person) => person.name)).toEqual(["Olu Own"]);
    const byManager = await as(lead).reports.uptakeByManager();
    expect(byManager.items.map((row) => row.booked)).toEqual([1]);
    const ctx = createContextInner(t.app.deps, { session: { id: "lead-export", user: lead } });
    const csv = Buffer.from((await runExport(ctx, { name: "staff", format: "csv" })).body).toString(
      "utf8",
    );
    expect(csv).toContain("Olu Own");
    expect(csv).not.toContain("Tam Theirs");
  });

  test("an agency lead with no agency sees nobody", async () => {
    partnership();
    const unlinked = { ...t.org.users.agency_lead, agencyId: null };
    await expect(as(unlinked).staff.list()).resolves.toMatchObject({ items: [], total: 0 });
    await expect(as(unlinked).training.nominations.list()).resolves.toMatchObject({ total: 0 });
    expect((await as(unlinked).reports.uptake()).overall.booked).toBe(0);
  });
});

describe("an agency lead acts for their own agency's people only", () => {
  test("nominates their own people, and is refused another agency's, naming the field", async () => {
    const { mine, theirs, lead } = partnership();
    const later = createSession(t.hr);
    await expect(
      as(lead).training.nominations.create({ sessionId: later.id, staffIds: [mine.id, theirs.id] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You can only nominate your own agency's people",
      cause: { field: "staffIds" },
    });
    const [nominated] = await as(lead).training.nominations.create({
      sessionId: later.id,
      staffIds: [mine.id],
    });
    expect(nominated).toMatchObject({ staffId: mine.id, state: "nominated" });
  });

  test("an agency lead with no agency can nominate nobody", async () => {
    const { mine } = partnership();
    const unlinked = { ...t.org.users.agency_lead, agencyId: null };
    await expect(
      as(unlinked).training.nominations.create({
        sessionId: createSession(t.hr).id,
        staffIds: [mine.id],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", cause: { field: "staffIds" } });
  });

  test("cancels their own people's bookings, and cannot touch another agency's", async () => {
    const { lead, myBooking, theirBooking, session } = partnership();
    await expect(
      as(lead).training.nominations.cancel({ id: theirBooking?.id ?? "", note: "Not needed" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const many = await as(lead).training.nominations.cancelMany({
      sessionId: session.id,
      ids: [theirBooking?.id ?? ""],
      note: "Not needed",
    });
    expect(many.results).toMatchObject([{ id: theirBooking?.id, outcome: "skipped" }]);
    await expect(
      as(lead).training.nominations.cancel({ id: myBooking?.id ?? "", note: "Off sick" }),
    ).resolves.toMatchObject({ nomination: { state: "cancelled" } });
    const theirs = await as(t.org.users.hr).training.nominations.get({
      id: theirBooking?.id ?? "",
    });
    expect(theirs.state).toBe("booked");
  });

  test("another organisation's agency lead sees and changes nothing here", async () => {
    const { myBooking, mine } = partnership();
    const theirAgency = createAgency(scopeAs(t.app, t.other.users.hr), { name: "Southshire" });
    const stranger = linkAgencyLead(
      scopeAs(t.app, t.other.users.admin),
      t.other.users.agency_lead,
      theirAgency.id,
    );
    await expect(as(stranger).staff.get({ id: mine.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      as(stranger).training.nominations.cancel({ id: myBooking?.id ?? "", note: "Not mine" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
