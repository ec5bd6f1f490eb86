import { eq } from "drizzle-orm";

import { newId } from "../../db/ids";
import { agencies, charges, nominations, staff, trainingSessions } from "../../db/schema";
import { createBookings, createSession, createStaff, scopeAs } from "../../test/builders";
import type { TestApp, TestOrganisation } from "../../test/test-app";
import type { Scope } from "../scope";

// A small partnership's 2026/27 for the board report's tests: the county council (four people:
// attended, no-show, late cancellation, walk-in), the police (a substitute, and a waived charge)
// and one person with no agency; plus a session the partnership cancelled, which counts for nobody.

let app: TestApp;
let org: TestOrganisation;
let hr: Scope;

function addAgency(name: string, kind: "county_council" | "police", archived = false): string {
  const id = newId();
  const now = app.clock.now.toISOString();
  app.db
    .insert(agencies)
    .values({
      id,
      organisationId: org.id,
      name,
      kind,
      createdAt: now,
      archivedAt: archived ? now : null,
    })
    .run();
  return id;
}

function person(agencyId: string | null): string {
  const { id } = createStaff(hr);
  app.db.update(staff).set({ agencyId }).where(eq(staff.id, id)).run();
  return id;
}

function book(sessionId: string, staffId: string): string {
  const [nomination] = createBookings(hr, { sessionId, staffIds: [staffId] });
  if (nomination === undefined) throw new Error("the booking was not made");
  return nomination.id;
}

function setNomination(id: string, values: Partial<typeof nominations.$inferInsert>): void {
  app.db.update(nominations).set(values).where(eq(nominations.id, id)).run();
}

interface ChargeValues {
  agencyId: string;
  nominationId: string;
  sessionId: string;
  staffId: string;
  kind: "late_cancellation" | "no_show";
  amountPence: number;
  waived?: boolean;
}

function charge({ waived = false, ...values }: ChargeValues): void {
  const now = app.clock.now.toISOString();
  app.db
    .insert(charges)
    .values({
      id: newId(),
      organisationId: org.id,
      ...values,
      financialYearStart: 2026,
      chargedOn: "2026-04-01",
      createdAt: now,
      ...(waived ? { waivedAt: now, waivedByUserId: org.users.hr.id, waiveReason: "Illness" } : {}),
    })
    .run();
}

/** The agencies of the world built. */
export interface AttendanceWorld {
  county: string;
  police: string;
}

/** Builds the partnership's year in `organisation` of `testApp`, acting as its HR user. */
export function buildAttendanceWorld(
  testApp: TestApp,
  organisation: TestOrganisation,
): AttendanceWorld {
  app = testApp;
  org = organisation;
  hr = scopeAs(app, org.users.hr);
  // Listed after the county although created first: the board reads councils before the police.
  const police = addAgency("Northshire Police", "police");
  const county = addAgency("Northshire County Council", "county_council");
  addAgency("Old Agency With Nothing", "county_council", true);
  const [a1, a2, a3, a4] = [person(county), person(county), person(county), person(county)];
  const [b1, b2, nobody] = [person(police), person(police), person(null)];

  // 00:30 on 1 April 2026 in London (still 31 March in UTC): the first session of 2026/27.
  const may = createSession(hr, {
    startsAt: "2026-03-31T23:30:00.000Z",
    endsAt: "2026-04-01T03:30:00.000Z",
  }).id;
  setNomination(book(may, a1), { state: "fully_attended" });
  const noShow = book(may, a2);
  setNomination(noShow, { state: "no_show" });
  const late = book(may, a3);
  setNomination(late, { state: "cancelled" });
  setNomination(book(may, a4), { state: "fully_attended", unscheduled: true });
  const original = book(may, b1);
  setNomination(original, { state: "cancelled" });
  setNomination(book(may, b2), { state: "fully_attended", substitutedForId: original });
  charge({
    agencyId: county,
    nominationId: late,
    sessionId: may,
    staffId: a3,
    kind: "late_cancellation",
    amountPence: 5000,
  });
  charge({
    agencyId: county,
    nominationId: noShow,
    sessionId: may,
    staffId: a2,
    kind: "no_show",
    amountPence: 9000,
  });

  const july = createSession(hr, {
    startsAt: "2026-07-10T08:30:00.000Z",
    endsAt: "2026-07-10T15:30:00.000Z",
  }).id;
  const forgiven = book(july, b1);
  setNomination(forgiven, { state: "fully_attended" });
  setNomination(book(july, nobody), { state: "partially_attended" });
  charge({
    agencyId: police,
    nominationId: forgiven,
    sessionId: july,
    staffId: b1,
    kind: "no_show",
    amountPence: 2500,
    waived: true,
  });

  // A session the partnership cancelled counts for nobody.
  const cancelled = createSession(hr, {
    startsAt: "2026-06-01T08:30:00.000Z",
    endsAt: "2026-06-01T11:30:00.000Z",
  }).id;
  setNomination(book(cancelled, a1), { state: "cancelled" });
  app.db
    .update(trainingSessions)
    .set({ cancelledAt: app.clock.now.toISOString(), cancelReason: "Trainer ill" })
    .where(eq(trainingSessions.id, cancelled))
    .run();
  return { county, police };
}
