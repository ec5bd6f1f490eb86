import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { eq } from "drizzle-orm";

import { NOT_SENT_REASONS } from "@dapkit/contract";

import { newId } from "../../db/ids";
import { evidenceItems, messages } from "../../db/schema";
import {
  createCourse,
  createNominations,
  createSession,
  createStaff,
  scopeAs,
} from "../../test/builders";
import { startSmtpCatcher, type SmtpCatcher } from "../../test/smtp-catcher";
import { createTestApp, type TestApp, type TestOrganisation } from "../../test/test-app";
import type { Scope } from "../scope";
import { cancelSession } from "../training/cancel-session";
import { markAttendance } from "../training/mark-attendance";
import { bookNomination, cancelNomination } from "../training/nomination-actions";
import { moveSession } from "../training/move-session";
import { updateSession } from "../training/save-session";
import { deliverDueMessages, messageIdOf, type RetryPolicy } from "./deliver-messages";
import { smtpTransport, type MailTransport } from "./mail-transport";
import { configureMessages, DEFAULT_MESSAGE_CONFIG } from "./message-config";
import { queueScheduledMessages } from "./scheduled-messages";

// Journeys through the services with a real SMTP server on a loopback port: what arrives is read
// back with mailparser and its calendar attachment with ical.js, a real iCalendar parser.

const FAST: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };

let app: TestApp;
let org: TestOrganisation;
let hr: Scope;
let catcher: SmtpCatcher;
let transport: MailTransport;

beforeEach(async () => {
  configureMessages({
    publicUrl: "https://dapkit.test.example",
    fromAddress: "training@test.example",
    deliveryConfigured: true,
  });
  app = createTestApp();
  app.clock.now = new Date("2026-05-01T09:00:00Z");
  org = await app.createOrganisation("Northshire");
  hr = scopeAs(app, org.users.hr);
  catcher = await startSmtpCatcher();
  transport = smtpTransport(catcher.url);
});

afterEach(async () => {
  transport.close();
  await catcher.close();
  configureMessages(DEFAULT_MESSAGE_CONFIG);
});

/** A three-hour session starting at `startsAt`. */
function sessionAt(startsAt: string) {
  const endsAt = new Date(new Date(startsAt).getTime() + 3 * 60 * 60_000).toISOString();
  return createSession(hr, { startsAt, endsAt });
}

function deliver(policy: RetryPolicy = FAST) {
  return deliverDueMessages(app.db, transport, { now: app.clock.now, policy });
}

/** A bookable person, nominated for a session, with a reason that must never be sent. */
function nominee(sessionId: string, reason = "Disclosed concerns about a named family") {
  const manager = createStaff(hr, { name: "Morgan Manager", email: "morgan@test.example" });
  const person = createStaff(hr, {
    name: "Asha Patel",
    email: "asha@test.example",
    managerId: manager.id,
  });
  const [nomination] = createNominations(hr, { sessionId, staffIds: [person.id], reason });
  if (nomination === undefined) throw new Error("no nomination");
  return { person, manager, nomination };
}

function calendarOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((part) => part.filename === "invite.ics");
  if (attachment === undefined) throw new Error(`No invite.ics in "${mail.subject}"`);
  const text = attachment.content.toString("utf8");
  const calendar = ICAL.Component.fromString(text);
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
  return {
    text,
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    startUtc: event.startDate.toJSDate().toISOString(),
    endUtc: event.endDate.toJSDate().toISOString(),
    status: event.component.getFirstPropertyValue("status"),
  };
}

function bySubject(received: readonly ParsedMail[], start: string): ParsedMail[] {
  return received.filter((mail) => mail.subject?.startsWith(start) === true);
}

describe("booking messages over SMTP", () => {
  test.each([
    ["summer (BST)", "2026-07-15T08:30:00.000Z", "2026-07-15T11:30:00.000Z"],
    ["winter (GMT)", "2026-12-15T09:30:00.000Z", "2026-12-15T12:30:00.000Z"],
  ])(
    "a booking in %s arrives with an invitation whose start is right in UTC",
    async (_season, startsAt, endsAt) => {
      const session = createSession(hr, {
        courseId: createCourse(hr, { title: "Domestic abuse awareness" }).id,
        startsAt,
        endsAt,
        location: "Town Hall, Committee Room 2",
      });
      const { nomination } = nominee(session.id);
      bookNomination(hr, { id: nomination.id, note: "" });
      const pass = await deliver();
      expect(pass).toMatchObject({ sent: 3, retrying: 0, failed: 0 });
      const received = await catcher.waitFor(3);
      // Nominated: the person and a copy to their manager.
      expect(bySubject(received, "You have been nominated").map((mail) => mail.to)).toHaveLength(1);
      expect(bySubject(received, "Asha Patel has been nominated")).toHaveLength(1);
      const [booked] = bySubject(received, "Booking confirmed");
      if (booked === undefined) throw new Error("no booking message");
      expect(booked.from?.value[0]).toMatchObject({
        address: "training@test.example",
        name: "Northshire",
      });
      expect(booked.text).toContain("9:30am");
      expect(booked.text).toContain("https://dapkit.test.example/training/sessions/");
      const invite = calendarOf(booked);
      expect(invite).toMatchObject({
        method: "REQUEST",
        uid: `${nomination.id}@dapkit`,
        sequence: 0,
        startUtc: startsAt,
        endUtc: endsAt,
        status: "CONFIRMED",
      });
      expect(invite.text).toContain("DTSTART;TZID=Europe/London:");
      expect(invite.text).toContain("BEGIN:VTIMEZONE");
      // Sent with its outbox key as Message-ID: a repeat would be the same message.
      const row = app.db.select().from(messages).where(eq(messages.kind, "booked")).get();
      expect(booked.messageId).toBe(messageIdOf(org.id, row?.idempotencyKey ?? ""));
      expect(row).toMatchObject({ state: "sent", attempts: 1 });
    },
  );

  test("a move sends an updated invitation with a higher SEQUENCE; a cancellation sends METHOD:CANCEL", async () => {
    const session = createSession(hr, {
      startsAt: "2026-06-10T08:30:00.000Z",
      endsAt: "2026-06-10T11:30:00.000Z",
    });
    const { nomination } = nominee(session.id);
    bookNomination(hr, { id: nomination.id, note: "" });
    // A capacity change alone sends nothing; a new place or time does.
    updateSession(hr, { id: session.id, data: { capacity: 30 } });
    updateSession(hr, { id: session.id, data: { location: "Library, Room 4" } });
    moveSession(hr, {
      id: session.id,
      startsAt: "2026-11-10T10:00:00.000Z",
      endsAt: "2026-11-10T13:00:00.000Z",
      note: "",
    });
    cancelNomination(hr, { id: nomination.id, note: "Reason that stays in the tracker" });
    await deliver();
    const received = await catcher.waitFor(6);
    const [booked] = bySubject(received, "Booking confirmed").map(calendarOf);
    const [placed, moved] = bySubject(received, "Session changed").map(calendarOf);
    const [cancelled] = bySubject(received, "Booking cancelled").map(calendarOf);
    expect(received).toHaveLength(6);
    expect(placed).toMatchObject({ method: "REQUEST", uid: booked?.uid, sequence: 1 });
    expect(placed?.text).toContain("LOCATION:Library\\, Room 4");
    expect(moved).toMatchObject({
      method: "REQUEST",
      uid: booked?.uid,
      sequence: 2,
      startUtc: "2026-11-10T10:00:00.000Z",
    });
    expect(cancelled).toMatchObject({
      method: "CANCEL",
      uid: booked?.uid,
      sequence: 3,
      status: "CANCELLED",
    });
  });

  test("cancelling a session sends each booked person METHOD:CANCEL for their entry", async () => {
    const session = sessionAt("2026-06-10T08:30:00.000Z");
    const { nomination } = nominee(session.id);
    bookNomination(hr, { id: nomination.id, note: "" });
    cancelSession(hr, { id: session.id, reason: "Trainer unavailable" });
    await deliver();
    const received = await catcher.waitFor(4);
    const [booked] = bySubject(received, "Booking confirmed").map(calendarOf);
    const [cancelled] = bySubject(received, "Session cancelled");
    expect(cancelled && calendarOf(cancelled)).toMatchObject({
      method: "CANCEL",
      uid: booked?.uid,
      sequence: 1,
    });
    expect(cancelled?.text).not.toContain("Trainer unavailable");
  });

  test("messages carry course, time, place and links only: never a nomination's reason", async () => {
    const session = sessionAt("2026-06-10T08:30:00.000Z");
    const { nomination } = nominee(session.id, "SECRET-REASON-7731 disclosed at MARAC");
    bookNomination(hr, { id: nomination.id, note: "SECRET-NOTE-4410" });
    cancelNomination(hr, { id: nomination.id, note: "SECRET-NOTE-5521" });
    await deliver();
    const received = await catcher.waitFor(4);
    const everything = JSON.stringify(
      received.map((mail) => [
        mail.subject,
        mail.text,
        mail.attachments.map((a) => a.content.toString()),
      ]),
    );
    expect(everything).toContain("Town Hall");
    expect(everything).not.toMatch(/SECRET|MARAC/);
    const stored = JSON.stringify(app.db.select().from(messages).all());
    expect(stored).not.toMatch(/SECRET|MARAC/);
  });
});

describe("delivery", () => {
  test("a mail server refusing for a while: retried with growing waits, then delivered once", async () => {
    const session = sessionAt("2026-06-10T08:30:00.000Z");
    const staff = createStaff(hr, { name: "Ben Ode", email: "ben@test.example" });
    createNominations(hr, { sessionId: session.id, staffIds: [staff.id] });
    catcher.refusing = true;
    expect(await deliver()).toMatchObject({ sent: 0, retrying: 1 });
    const waiting = app.db.select().from(messages).get();
    expect(waiting).toMatchObject({ state: "queued", attempts: 1 });
    expect(waiting?.lastError).toMatch(/451/);
    // Not due again until the wait has passed.
    expect(await deliver()).toMatchObject({ sent: 0, retrying: 0 });
    app.clock.now = new Date(app.clock.now.getTime() + 1_000);
    catcher.refusing = false;
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(await catcher.waitFor(1)).toHaveLength(1);
    expect(app.db.select().from(messages).get()).toMatchObject({ state: "sent", attempts: 2 });
  });

  test("after the last retry the message is marked failed, with the server's reason and not its content", async () => {
    const session = sessionAt("2026-06-10T08:30:00.000Z");
    const staff = createStaff(hr, { name: "Cy Dee", email: "cy@test.example" });
    createNominations(hr, { sessionId: session.id, staffIds: [staff.id] });
    catcher.refusing = true;
    for (let attempt = 0; attempt < FAST.maxAttempts; attempt += 1) {
      await deliver();
      app.clock.now = new Date(app.clock.now.getTime() + FAST.maxDelayMs);
    }
    const failed = app.db.select().from(messages).get();
    expect(failed).toMatchObject({ state: "failed", attempts: FAST.maxAttempts });
    expect(failed?.lastError).toMatch(/451/);
    expect(failed?.lastError).not.toContain(failed?.subject ?? "-");
    catcher.refusing = false;
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(catcher.received).toHaveLength(0);
  });

  test("without a mail server messages are kept as not sent, saying why; so is one to a person without an address", async () => {
    const session = sessionAt("2026-06-10T08:30:00.000Z");
    const withAddress = createStaff(hr, { email: "dee@test.example" });
    const without = createStaff(hr, { email: null });
    createNominations(hr, { sessionId: session.id, staffIds: [withAddress.id, without.id] });
    expect(
      await deliverDueMessages(app.db, null, { now: app.clock.now, policy: FAST }),
    ).toMatchObject({ sent: 0, notSent: 1 });
    const rows = app.db.select().from(messages).all();
    const outcome = (email: string | null) =>
      rows.find((row) => row.recipientEmail === email) ?? { state: "missing" };
    expect(outcome("dee@test.example")).toMatchObject({ state: "not_sent" });
    expect(outcome("dee@test.example")).toHaveProperty("lastError", NOT_SENT_REASONS.noTransport);
    expect(outcome(null)).toMatchObject({
      state: "not_sent",
      lastError: NOT_SENT_REASONS.noAddress,
    });
    expect(rows).toHaveLength(2);
  });
});

describe("scheduled messages", () => {
  test("a no-show is followed up with the manager the next working day, once, with a link to nominate again", () => {
    // A Friday session: the follow-up is due on Monday.
    const session = sessionAt("2026-06-12T08:30:00.000Z");
    const { nomination } = nominee(session.id);
    bookNomination(hr, { id: nomination.id, note: "" });
    app.clock.now = new Date("2026-06-12T12:00:00Z");
    markAttendance(scopeAs(app, org.users.hr), {
      nominationId: nomination.id,
      outcome: "no_show",
      note: "",
    });
    const followUps = () =>
      app.db.select().from(messages).where(eq(messages.kind, "no_show")).all();
    expect(queueScheduledMessages(app.db, new Date("2026-06-13T09:00:00Z"))).toBe(0); // Saturday
    expect(queueScheduledMessages(app.db, new Date("2026-06-15T07:00:00Z"))).toBe(1); // Monday
    expect(queueScheduledMessages(app.db, new Date("2026-06-15T10:00:00Z"))).toBe(0);
    expect(followUps()).toHaveLength(1);
    expect(followUps()[0]).toMatchObject({
      recipientEmail: "morgan@test.example",
      subject: expect.stringMatching(/^Asha Patel did not attend/) as unknown,
    });
    expect(followUps()[0]?.bodyText).toContain(
      `https://dapkit.test.example/training/nominations/${nomination.id}`,
    );
  });

  test("an evidence owner hears 30 days before its review date and its expiry, once each", () => {
    const lead = org.users.accreditation_lead;
    app.db
      .insert(evidenceItems)
      .values({
        id: newId(),
        organisationId: org.id,
        frameworkId: "daha-2022",
        areaId: "partnerships",
        title: "Information-sharing protocol",
        kind: "policy",
        owner: "Domestic abuse coordinator",
        effectiveDate: "2025-07-01",
        reviewDate: "2026-07-01",
        expiryDate: "2026-07-20",
        status: "approved",
        createdBy: lead.id,
        createdAt: "2025-07-01T09:00:00Z",
        updatedAt: "2025-07-01T09:00:00Z",
      })
      .run();
    const due = () => app.db.select().from(messages).where(eq(messages.kind, "evidence_due")).all();
    expect(queueScheduledMessages(app.db, new Date("2026-05-31T09:00:00Z"))).toBe(0);
    expect(queueScheduledMessages(app.db, new Date("2026-06-01T09:00:00Z"))).toBe(1);
    expect(queueScheduledMessages(app.db, new Date("2026-06-20T09:00:00Z"))).toBe(1);
    expect(queueScheduledMessages(app.db, new Date("2026-06-21T09:00:00Z"))).toBe(0);
    // The owner is a role, not an address, so the messages go to whoever added the evidence.
    expect(due().map((row) => [row.recipientEmail, row.subject])).toEqual([
      [lead.email, "Evidence review due: Information-sharing protocol"],
      [lead.email, "Evidence expiry due: Information-sharing protocol"],
    ]);
  });

  test("a refresher is announced 30 days before it is due, once", () => {
    const course = createCourse(hr, { title: "DASH risk checklist", refresherIntervalMonths: 12 });
    const session = createSession(hr, {
      courseId: course.id,
      startsAt: "2026-06-01T08:30:00.000Z",
      endsAt: "2026-06-01T11:30:00.000Z",
    });
    const { nomination } = nominee(session.id);
    bookNomination(hr, { id: nomination.id, note: "" });
    app.clock.now = new Date("2026-06-01T12:00:00Z");
    markAttendance(scopeAs(app, org.users.hr), {
      nominationId: nomination.id,
      outcome: "fully_attended",
      note: "",
    });
    const refreshers = () =>
      app.db.select().from(messages).where(eq(messages.kind, "refresher_due")).all();
    queueScheduledMessages(app.db, new Date("2027-04-20T09:00:00Z")); // 42 days before
    expect(refreshers()).toHaveLength(0);
    queueScheduledMessages(app.db, new Date("2027-05-05T09:00:00Z")); // 27 days before
    queueScheduledMessages(app.db, new Date("2027-05-06T09:00:00Z"));
    expect(refreshers().map((row) => [row.recipientEmail, row.subject])).toEqual([
      ["asha@test.example", "Refresher due: DASH risk checklist"],
    ]);
  });

  test("reminders 7 days and 1 day before; a restart sends none twice; moving the session reschedules them", async () => {
    const session = createSession(hr, {
      startsAt: "2026-06-20T08:30:00.000Z",
      endsAt: "2026-06-20T11:30:00.000Z",
    });
    const { nomination } = nominee(session.id);
    bookNomination(hr, { id: nomination.id, note: "" });
    const reminders = () =>
      app.db.select().from(messages).where(eq(messages.kind, "reminder")).all();
    const at = (iso: string) => {
      app.clock.now = new Date(iso);
      return queueScheduledMessages(app.db, app.clock.now);
    };
    expect(at("2026-06-12T09:00:00Z")).toBe(0); // 8 days before
    expect(at("2026-06-13T09:00:00Z")).toBe(1); // 7 days before
    expect(at("2026-06-13T09:05:00Z")).toBe(0); // a second pass (a restart) adds nothing
    expect(at("2026-06-16T09:00:00Z")).toBe(0); // still the 7-day window
    expect(at("2026-06-19T07:00:00Z")).toBe(1); // the day before
    expect(reminders().map((row) => row.subject)).toEqual([
      expect.stringMatching(/in 7 days$/),
      expect.stringMatching(/tomorrow$/),
    ]);
    moveSession(hr, {
      id: session.id,
      startsAt: "2026-06-27T08:30:00.000Z",
      endsAt: "2026-06-27T11:30:00.000Z",
      note: "",
    });
    expect(at("2026-06-20T09:00:00Z")).toBe(1); // 7 days before the new date
    await deliver();
    expect(bySubject(await catcher.waitFor(7), "Reminder")).toHaveLength(3);
  });
});
