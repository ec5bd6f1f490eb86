import { describe, expect, test } from "vitest";

import { MESSAGE_KIND_CODES } from "@dapkit/contract";

import { deliverDueMessages } from "../services/notifications/deliver-messages";
import { createBookings, createNominations, createSession, createStaff } from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

/** A person with an address, booked on a session next month, and the session. */
function bookedPerson() {
  t.app.clock.now = new Date("2026-05-01T09:00:00Z");
  const session = createSession(t.hr, {
    startsAt: "2026-06-10T08:30:00Z",
    endsAt: "2026-06-10T11:30:00Z",
  });
  const person = createStaff(t.hr, { name: "Asha Patel", email: "asha@test.example" });
  createBookings(t.hr, { sessionId: session.id, staffIds: [person.id] });
  return { session, person };
}

describe("messages API", () => {
  test("with no mail server, a session's and a person's messages show as not sent, saying why", async () => {
    const { session, person } = bookedPerson();
    await deliverDueMessages(t.app.db, null, { now: t.app.clock.now });
    const hr = t.app.caller(t.org.users.hr);
    const bySession = await hr.messages.list({ sessionId: session.id });
    expect(bySession.deliveryConfigured).toBe(false);
    expect(bySession.items.map((item) => [item.kind, item.state])).toEqual([
      ["booked", "not_sent"],
      ["nominated", "not_sent"],
    ]);
    expect(bySession.items[0]).toMatchObject({
      recipientEmail: "asha@test.example",
      hasCalendar: true,
      lastError: expect.stringContaining("DAPKIT_SMTP_URL") as unknown,
    });
    expect((await hr.messages.list({ staffId: person.id })).items).toHaveLength(2);
    // Another organisation sees none of them, and cannot resend them.
    const other = t.app.caller(t.other.users.hr);
    await expect(other.messages.list({ sessionId: session.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(other.messages.list({ staffId: person.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(other.messages.resend({ id: bySession.items[0]?.id ?? "" })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
  });

  test("messages written together list newest first in the order they were written, whatever their ids", async () => {
    t.app.clock.now = new Date("2026-05-01T09:00:00Z");
    const session = createSession(t.hr, {
      startsAt: "2026-06-10T08:30:00Z",
      endsAt: "2026-06-10T11:30:00Z",
    });
    // Asked for out of alphabetical order, so neither names nor ids could give this order.
    const names = ["Cy Webb", "Al Hart", "Di Moss", "Bo Lane"];
    const staffIds = names.map((name) => createStaff(t.hr, { name }).id);
    createNominations(t.hr, { sessionId: session.id, staffIds });
    const listed = await t.app.caller(t.org.users.hr).messages.list({ sessionId: session.id });
    expect(listed.items.map((item) => item.recipientName)).toEqual(names.toReversed());
  });

  test("HR resends a message: a new message to the same address, queued, the original kept", async () => {
    const { session } = bookedPerson();
    await deliverDueMessages(t.app.db, null, { now: t.app.clock.now });
    const hr = t.app.caller(t.org.users.hr);
    const [booked] = (await hr.messages.list({ sessionId: session.id })).items;
    const resent = await hr.messages.resend({ id: booked?.id ?? "" });
    expect(resent).toMatchObject({
      kind: "booked",
      state: "queued",
      attempts: 0,
      subject: booked?.subject,
      resentBy: t.org.users.hr.name,
    });
    const items = (await hr.messages.list({ sessionId: session.id })).items;
    expect(items.map((item) => item.state)).toEqual(["queued", "not_sent", "not_sent"]);
    // Managers and viewers see and resend nothing.
    await expect(
      t.app.caller(t.org.users.manager).messages.resend({ id: resent.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("the list needs exactly one of a session and a person", async () => {
    const hr = t.app.caller(t.org.users.hr);
    await expect(hr.messages.list({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  test("settings: a kind turned off is not written at all; reminder days and sender are checked", async () => {
    const admin = t.app.caller(t.org.users.admin);
    expect(await admin.messages.settings.get()).toEqual({
      enabledKinds: MESSAGE_KIND_CODES,
      reminderDays: [7, 1],
      senderName: "",
      replyTo: "",
    });
    const updated = await admin.messages.settings.update({
      enabledKinds: MESSAGE_KIND_CODES.filter((kind) => kind !== "nominated"),
      reminderDays: [1, 14],
      senderName: "Learning and Development",
      replyTo: "training@test.example",
    });
    expect(updated).toMatchObject({
      reminderDays: [14, 1],
      senderName: "Learning and Development",
    });
    await expect(admin.messages.settings.update({ reminderDays: [0] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at least 1 day") as unknown,
    });
    await expect(
      admin.messages.settings.update({ replyTo: "not an address" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const { session } = bookedPerson();
    const kinds = (await t.app.caller(t.org.users.hr).messages.list({ sessionId: session.id }))
      .items;
    expect(kinds.map((item) => item.kind)).toEqual(["booked"]);
    // The other organisation's settings are its own.
    expect((await t.app.caller(t.other.users.admin).messages.settings.get()).reminderDays).toEqual([
      7, 1,
    ]);
  });

  test("each kind a change could send is turned off on its own: the others of that change still go", async () => {
    const admin = t.app.caller(t.org.users.admin);
    await admin.messages.settings.update({
      enabledKinds: MESSAGE_KIND_CODES.filter(
        (kind) => !["booked", "waitlisted", "nominated", "evaluation_before"].includes(kind),
      ),
    });
    t.app.clock.now = new Date("2026-05-01T09:00:00Z");
    const session = createSession(t.hr, {
      startsAt: "2026-06-10T08:30:00Z",
      endsAt: "2026-06-10T11:30:00Z",
      capacity: 1,
    });
    const [first, second] = ["Asha Patel", "Ben Okafor"].map(
      (name) => createStaff(t.hr, { name, email: `${name.split(" ")[0] ?? ""}@test.example` }).id,
    );
    const [booked] = createBookings(t.hr, {
      sessionId: session.id,
      staffIds: [first ?? "", second ?? ""],
    });
    const hr = t.app.caller(t.org.users.hr);
    const kinds = async () =>
      (await hr.messages.list({ sessionId: session.id })).items.map((item) => [
        item.kind,
        item.recipientName,
        item.hasCalendar,
      ]);
    // Booked and waiting are off: nothing yet.
    expect(await kinds()).toEqual([]);
    await hr.training.nominations.cancel({ id: booked?.id ?? "", note: "Rota clash" });
    // The cancellation and the promotion from the waiting list are on. The cancellation has no
    // calendar entry to remove, since no invitation was sent.
    expect(await kinds()).toEqual([
      ["promoted", "Ben Okafor", true],
      ["booking_cancelled", "Asha Patel", false],
    ]);
  });

  test("previews: every kind with sample data, course, time and place, signed with the organisation's name", async () => {
    const previews = await t.app.caller(t.org.users.admin).messages.previews();
    expect(previews.map((preview) => preview.kind)).toEqual(MESSAGE_KIND_CODES);
    const booked = previews.find((preview) => preview.kind === "booked");
    expect(booked).toMatchObject({ calendarMethod: "REQUEST" });
    expect(booked?.bodyText).toContain("Time: 9:30am to 12:30pm");
    expect(booked?.bodyText).toContain("Northshire");
    expect(previews.find((preview) => preview.kind === "session_cancelled")).toMatchObject({
      calendarMethod: "CANCEL",
    });
  });
});
