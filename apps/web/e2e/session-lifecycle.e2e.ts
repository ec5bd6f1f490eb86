import { expect, test } from "vitest";

import { formatDate, formatTime } from "@dapkit/schemas";

import { apiAs } from "./support/api";
import { expectNoAxeViolations, screenshot, settled, USERS } from "./support/browser";
import { journey } from "./support/journey";

const world = journey("hr");

interface Session {
  id: string;
  startsAt: string;
  status: string;
  booked: number;
}

// "9am on 2 April 2027": how the pages and the API name a session's start, in London time.
function startOf(session: { startsAt: string }): string {
  return `${formatTime(session.startsAt)} on ${formatDate(session.startsAt)}`;
}

const hrApi = () => apiAs(world.server.baseUrl, USERS.hr);

test("a future session refuses attendance, naming when it opens, on the page and in the API", async () => {
  const { page, fixtures } = world;
  const [asha] = fixtures.team;
  const hr = await hrApi();
  const [nomination] = await hr.mutate<{ id: string }[]>("training.nominations.create", {
    sessionId: fixtures.session.id,
    staffIds: [asha?.id],
  });
  await hr.mutate("training.nominations.book", { id: nomination?.id });
  const session = await hr.query<Session>("training.sessions.get", { id: fixtures.session.id });
  const message = `Attendance can be recorded from ${startOf(session)}, when the session starts`;

  await page.goto(`/training/sessions/${session.id}`);
  await settled(page);
  await page.getByText(message).waitFor();
  expect(await page.getByRole("button", { name: "Mark attendance" }).count()).toBe(0);
  await page.goto(`/training/sessions/${session.id}/attendance`);
  await page.getByText(message).waitFor();
  expect(await page.getByRole("button", { name: "Save attendance" }).count()).toBe(0);
  await expectNoAxeViolations(page, "the attendance page before the session starts");
  await expect(
    hr.mutate("training.attendance.mark", { nominationId: nomination?.id, outcome: "no_show" }),
  ).rejects.toThrow(message);
});

test("a session held in the past refuses nominations; closing it makes attendance final", async () => {
  const { page } = world;
  const hr = await hrApi();
  const sessions = await hr.query<{ items: Session[] }>("training.sessions.list", {
    pageSize: 100,
  });
  const held = sessions.items.find((row) => row.status === "held" && row.booked > 0);
  if (held === undefined) throw new Error("The demo has no session that has been held");
  const message = `This session started at ${startOf(held)}, so nobody can be nominated for it`;

  await page.goto(`/training/sessions/${held.id}`);
  await settled(page);
  expect(await page.getByRole("button", { name: "Nominate staff" }).count()).toBe(0);
  await page.goto(`/training/sessions/${held.id}/nominate`);
  await page.getByText(message).waitFor();
  await expectNoAxeViolations(page, "the nominate page of a session that has started");
  const [someone] = (await hr.query<{ items: { id: string }[] }>("staff.list", { active: true }))
    .items;
  await expect(
    hr.mutate("training.nominations.create", { sessionId: held.id, staffIds: [someone?.id] }),
  ).rejects.toThrow(message);

  // Every booking of the demo's past sessions has an outcome, so it can be closed.
  await page.goto(`/training/sessions/${held.id}`);
  await page.getByRole("button", { name: "Close session" }).click();
  await page.getByRole("heading", { name: "Close this session?" }).waitFor();
  await expectNoAxeViolations(page, "the close session confirmation");
  await page.getByRole("button", { name: "Close session" }).click();
  await page.getByText("Session closed: its attendance is final").waitFor();
  await page.getByText(/This session was closed on .*: HR can correct its attendance/).waitFor();

  // A correction after closing needs a reason, kept in the person's history.
  const closed = await hr.query<{ nominations: { id: string; state: string }[] }>(
    "training.sessions.get",
    { id: held.id },
  );
  const attended = closed.nominations.find((row) => row.state === "fully_attended");
  await page.goto(`/training/nominations/${attended?.id}`);
  await page.getByRole("button", { name: "Correct attendance" }).click();
  await page.getByLabel("No show").check();
  await page.getByRole("button", { name: "Save correction" }).click();
  await page
    .getByRole("link", { name: "Enter the reason for correcting attendance on a closed session" })
    .waitFor();
  await expectNoAxeViolations(page, "the attendance correction page with an error");
  await page.getByLabel("Reason for the correction").fill("Signed the sheet but left at once");
  await page.getByRole("button", { name: "Save correction" }).click();
  await page.getByText(/attendance corrected$/).waitFor();
  const corrected = await hr.query<{ state: string; history: { note: string }[] }>(
    "training.nominations.get",
    { id: attended?.id },
  );
  expect(corrected.state).toBe("no_show");
  expect(corrected.history.at(-1)?.note).toBe("Signed the sheet but left at once");
});

test("cancelling a session asks for a reason, then cancels every booking and the waiting list", async () => {
  const { page, fixtures } = world;
  const admin = await apiAs(world.server.baseUrl, USERS.admin);
  const startsAt = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
  startsAt.setUTCHours(9, 0, 0, 0);
  const session = await admin.mutate<Session>("training.sessions.create", {
    courseId: fixtures.course.id,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000).toISOString(),
    capacity: 2,
    location: "Civic Centre, Room 4",
    trainer: "Northshire DA Service",
  });
  const nominated = await admin.mutate<{ id: string }[]>("training.nominations.create", {
    sessionId: session.id,
    staffIds: fixtures.team.map((person) => person.id),
  });
  for (const nomination of nominated) {
    await admin.mutate("training.nominations.book", { id: nomination.id });
  }

  await page.goto(`/training/sessions/${session.id}`);
  await settled(page);
  await page.getByRole("button", { name: "Cancel session" }).click();
  await page.getByRole("heading", { name: "Cancel this session?" }).waitFor();
  await page.getByText("3 people in all").waitFor();
  await page.getByRole("button", { name: "Cancel session" }).click();
  await page.getByRole("link", { name: "Enter the reason for cancelling the session" }).waitFor();
  await expectNoAxeViolations(page, "the cancel session page with an error");
  await page.getByLabel("Reason for cancelling the session").fill("The trainer is unwell");
  await page.getByRole("button", { name: "Cancel session" }).click();
  await page.getByText("Session cancelled: 3 nominations cancelled").waitFor();
  await page.getByText("Reason: The trainer is unwell").waitFor();
  await screenshot(page, "session-cancelled");
  await expectNoAxeViolations(page, "a cancelled session");
  const after = await admin.query<Session & { nominations: { state: string }[] }>(
    "training.sessions.get",
    { id: session.id },
  );
  expect(after).toMatchObject({ status: "cancelled", booked: 0, waitlisted: 0 });
  expect(after.nominations.map((row) => row.state)).toEqual([
    "cancelled",
    "cancelled",
    "cancelled",
  ]);
});

test("cancelling one nomination asks for confirmation and a reason; the person can be nominated again", async () => {
  const { page, fixtures } = world;
  const ben = fixtures.team[1];
  if (ben === undefined) throw new Error("no team");
  const hr = await hrApi();
  const [nomination] = await hr.mutate<{ id: string }[]>("training.nominations.create", {
    sessionId: fixtures.session.id,
    staffIds: [ben.id],
  });

  await page.goto(`/training/nominations/${nomination?.id}`);
  await settled(page);
  await page.getByRole("button", { name: "Cancel nomination" }).click();
  await page.getByRole("heading", { name: `Cancel ${ben.name}'s nomination?` }).waitFor();
  // Nothing happens until the reason is given and the warning button pressed.
  await page.getByRole("button", { name: "Cancel nomination" }).click();
  await page.getByRole("link", { name: "Enter the reason for cancelling" }).waitFor();
  await expectNoAxeViolations(page, "the cancel nomination page with an error");
  await page.getByLabel("Reason for cancelling").fill("Shift pattern changed");
  await page.getByRole("button", { name: "Cancel nomination" }).click();
  await page.getByText(`${ben.name}'s nomination cancelled`).waitFor();

  await page.goto(`/training/sessions/${fixtures.session.id}/nominate`);
  await settled(page);
  await page.getByLabel("Name or employee number").fill(ben.name);
  await page.getByRole("button", { name: "Find staff" }).click();
  await page.getByText("Earlier nomination: Cancelled").waitFor();
  await page.getByLabel(ben.name).check();
  await page.getByRole("button", { name: "Nominate selected staff" }).click();
  await page.getByText("1 person nominated").waitFor();
  const history = await hr.query<{ history: { state: string; note: string }[] }>(
    "training.nominations.get",
    { id: nomination?.id },
  );
  expect(history.history.at(-1)).toMatchObject({
    state: "cancelled",
    note: "Shift pattern changed",
  });
});

test("moving a session keeps its bookings and tells each person's history", async () => {
  const { page, fixtures } = world;
  await page.goto(`/training/sessions/${fixtures.session.id}`);
  await settled(page);
  await page.getByRole("button", { name: "Move to a new date" }).click();
  await page.getByRole("heading", { name: "Move to a new date" }).waitFor();
  await page.getByRole("button", { name: "Move session" }).click();
  await page.locator(".govuk-error-summary").waitFor();
  await expectNoAxeViolations(page, "the move session page with an error");
  const next = new Date(Date.now() + 9 * 24 * 60 * 60 * 1000);
  await page.getByLabel("Day").fill(String(next.getUTCDate()));
  await page.getByLabel("Month").fill(String(next.getUTCMonth() + 1));
  await page.getByLabel("Year").fill(String(next.getUTCFullYear()));
  await page.getByLabel("Start time").fill("10:00");
  await page.getByLabel("End time").fill("13:00");
  await page.getByRole("button", { name: "Move session" }).click();
  await page.getByText(/^Session moved to /).waitFor();
  const hr = await hrApi();
  const session = await hr.query<Session & { booked: number }>("training.sessions.get", {
    id: fixtures.session.id,
  });
  expect(formatTime(session.startsAt)).toBe("10am");
  expect(session.booked).toBe(1);
});
