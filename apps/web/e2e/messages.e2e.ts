import { expect, test } from "vitest";

import { apiAs } from "./support/api";
import { expectNoAxeViolations, newPage, settled, signIn, USERS } from "./support/browser";
import { journey } from "./support/journey";

// The server runs without DAPKIT_SMTP_URL: messages are kept, and the pages say they were not sent.
const world = journey("hr");

test("with no mail server, a session's messages show as not sent; HR sends one again", async () => {
  const { page, server, fixtures } = world;
  const [asha] = fixtures.team;
  if (asha === undefined) throw new Error("no team");
  const hr = await apiAs(server.baseUrl, USERS.hr);
  const [nomination] = await hr.mutate<{ id: string }[]>("training.nominations.create", {
    sessionId: fixtures.session.id,
    staffIds: [asha.id],
    reason: "",
    mandatory: false,
  });
  await hr.mutate("training.nominations.book", { id: nomination?.id, note: "" });

  await page.goto(`/training/sessions/${fixtures.session.id}`);
  await settled(page);
  const section = page.locator("section", {
    has: page.getByRole("heading", { name: "Messages", exact: true }),
  });
  await section.getByText("No mail server is set up").waitFor();
  const rows = section.locator("tbody tr");
  // The nomination (to Asha, and a copy to her manager) and the booking; the fixtures' people have
  // no address, so each says so.
  await expect.poll(() => rows.count()).toBe(3);
  expect(await section.getByText("Not sent", { exact: true }).count()).toBe(3);
  expect(await section.getByText("No email address on record").count()).toBe(3);
  const booked = section.locator("details", { hasText: "Booking confirmed:" });
  await booked.locator("summary").click();
  await booked.getByText("Place: Civic Centre, Room 2").waitFor();
  await expectNoAxeViolations(page, "a session's messages");

  await section.getByRole("button", { name: /^Send again Booking confirmed/ }).click();
  await expect.poll(() => rows.count()).toBe(4);
  expect(await section.getByText("Not sent", { exact: true }).count()).toBe(4);
});

test("an administrator turns a message off, sets reminder days and reads a preview", async () => {
  const { browser, server } = world;
  const { page } = await newPage(browser, server.baseUrl);
  await signIn(page, "admin");
  await page.goto("/settings");
  await settled(page);
  await page.getByRole("heading", { name: "Messages", exact: true }).waitFor();
  await page.getByLabel("Reminder before a session").uncheck();
  const days = page.getByLabel("Reminder days");
  await days.fill("0");
  await page.getByRole("button", { name: "Save message settings" }).click();
  const summary = page.locator(".govuk-error-summary");
  await summary.getByText("Reminder days must be at least 1 day").waitFor();
  await days.fill("14, 2");
  await page.getByRole("button", { name: "Save message settings" }).click();
  await page.getByText("Message settings saved").waitFor();
  await settled(page);
  expect(await page.getByLabel("Reminder days").inputValue()).toBe("14, 2");
  expect(await page.getByLabel("Reminder before a session").isChecked()).toBe(false);
  const preview = page.locator("details", { hasText: "Booking confirmed" });
  await preview.locator("summary").click();
  await preview.getByText("Attached: a calendar invitation (Europe/London times).").waitFor();
  await preview.getByText("Time: 9:30am to 12:30pm").waitFor();
  await expectNoAxeViolations(page, "the message settings");
  const admin = await apiAs(server.baseUrl, USERS.admin);
  const settings = await admin.query<{ reminderDays: number[]; enabledKinds: string[] }>(
    "messages.settings.get",
  );
  expect(settings.reminderDays).toEqual([14, 2]);
  expect(settings.enabledKinds).not.toContain("reminder");
  await page.close();
});
