import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { apiAs } from "./support/api";
import {
  expectNoAxeViolations,
  newPage,
  screenshot,
  settled,
  signIn,
  USERS,
  type Role,
} from "./support/browser";
import { journey } from "./support/journey";

// From the demo: a member of staff (the demo viewer, linked to a team member's staff record) asks
// for a place, their manager approves, HR books, and they see it in My training; HR adds a new
// starter and changes their manager. Every new page is checked with axe.
const world = journey(null);

async function pageAs(role: Role): Promise<Page> {
  const { page } = await newPage(world.browser, world.server.baseUrl);
  await signIn(page, role);
  return page;
}

// Presses Tab until the focused element matches, as a keyboard user would.
async function tabTo(target: Page, matches: (element: Element) => boolean): Promise<void> {
  for (let step = 0; step < 80; step += 1) {
    await target.keyboard.press("Tab");
    if (await target.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error("Could not reach the element with the Tab key");
}

test("someone whose account is not linked to a staff record is told why My training is empty", async () => {
  const page = await pageAs("lead");
  await page.getByRole("link", { name: "My training" }).click();
  await settled(page);
  await page.getByText("Your account is not linked to your staff record").waitFor();
  await expectNoAxeViolations(page, "My training, not linked");
  await page.close();
});

test("a member of staff asks for a place, their manager approves, HR books, and they see it booked", async () => {
  const { server, fixtures } = world;
  const [member] = fixtures.team;
  if (member === undefined) throw new Error("the fixtures have a team");
  // The demo links the viewer to the demo manager's team; the journey's manager has their own, so
  // the administrator links the viewer's account to a member of it.
  const admin = await apiAs(server.baseUrl, USERS.admin);
  const accounts = await admin.query<{ id: string; email: string }[]>("users.list");
  const viewer = accounts.find((account) => account.email === USERS.viewer);
  await admin.mutate("users.update", { id: viewer?.id, data: { staffId: member.id } });

  // The member of staff asks, with the keyboard for the request itself.
  const staff = await pageAs("viewer");
  await staff.getByRole("link", { name: "My training" }).click();
  await settled(staff);
  await staff.getByText(`Your line manager is ${fixtures.manager.name}`).waitFor();
  await expectNoAxeViolations(staff, "My training");
  await staff.getByRole("button", { name: "Ask for a place on a session" }).click();
  await settled(staff);
  await expectNoAxeViolations(staff, "sessions open to requests");
  const row = staff.getByRole("row").filter({ hasText: fixtures.course.title });
  await row
    .getByRole("link", { name: /^Ask for a place/ })
    .first()
    .click();
  await settled(staff);
  await expectNoAxeViolations(staff, "asking for a place");
  await tabTo(staff, (element) => element.id === "reason");
  await staff.keyboard.type("Needed for my caseload");
  await tabTo(staff, (element) => element.textContent === "Ask for a place");
  await staff.keyboard.press("Enter");
  await staff.getByText(`You asked for a place on ${fixtures.course.title}`).waitFor();
  const upcoming = staff.getByRole("table", { name: "Upcoming" });
  await expect.poll(() => upcoming.textContent()).toContain("Nominated");
  await screenshot(staff, "my-training-requested");

  // Their manager sees it among the team's requests, and approves.
  const manager = await pageAs("manager");
  await manager.getByRole("link", { name: "My training" }).click();
  await settled(manager);
  await manager.getByRole("button", { name: "Your team's requests" }).click();
  await settled(manager);
  await expectNoAxeViolations(manager, "the team's requests");
  const request = manager.getByRole("row").filter({ hasText: member.name });
  expect(await request.textContent()).toContain("Needed for my caseload");
  await request.getByRole("link", { name: /^Decide/ }).click();
  await settled(manager);
  // Saving without a decision names what is missing.
  await manager.getByRole("button", { name: "Save decision" }).click();
  await manager
    .locator(".govuk-error-summary")
    .getByText("Select whether to approve or decline")
    .waitFor();
  await expectNoAxeViolations(manager, "deciding a request, with an error");
  await manager.getByLabel("Approve").check();
  await manager.getByRole("button", { name: "Save decision" }).click();
  await manager.getByText(`${member.name}'s request approved`).waitFor();
  await manager.getByText("No requests are waiting for your decision.").waitFor();

  // HR books the approved place on the session page.
  const hr = await pageAs("hr");
  await hr.goto(`/training/sessions/${fixtures.session.id}`);
  await settled(hr);
  const nominee = hr.getByRole("row").filter({ hasText: member.name });
  expect(await nominee.textContent()).toContain("Approved");
  await nominee.getByRole("checkbox").check();
  await hr.getByRole("button", { name: "Book selected" }).click();
  await hr.getByText("Booked: 1").waitFor();

  // The member of staff sees the place booked.
  await staff.reload();
  await settled(staff);
  await expect
    .poll(() => staff.getByRole("table", { name: "Upcoming" }).textContent())
    .toContain("Booked");
  await screenshot(staff, "my-training-booked");
  await Promise.all([staff.close(), manager.close(), hr.close()]);
});

test("HR adds a new starter in the page, then changes their manager", async () => {
  const { fixtures } = world;
  const page = await pageAs("hr");
  await page.getByRole("link", { name: "Staff", exact: true }).click();
  await settled(page);
  await page.getByRole("button", { name: "Add a member of staff" }).click();
  await settled(page);
  // Each field is checked against the contract's schema before anything is sent.
  await page.getByRole("button", { name: "Add member of staff" }).click();
  const summary = page.locator(".govuk-error-summary");
  await summary.getByText("Full name must not be empty").waitFor();
  await summary.getByText("Select the department they work in").waitFor();
  await expectNoAxeViolations(page, "the staff form with errors");

  await page.getByLabel("Full name").fill("Nia Starter");
  await page.getByLabel("Employee number").fill("ZF9001");
  await page.getByLabel("Email address (optional)").fill("nia.starter@northshire.example");
  await page.getByLabel("Job title").fill("Support worker");
  await page.getByLabel("Department").selectOption({ label: "Zedfield Housing" });
  await page.getByLabel("Line manager").selectOption({ label: "Morgan Zedfield, Housing officer" });
  const start = page.getByRole("group", { name: "Start date (optional)" });
  await start.getByLabel("Day").fill("6");
  await start.getByLabel("Month").fill("1");
  await start.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Add member of staff" }).click();
  await page.getByText("Nia Starter added").waitFor();
  await expect
    .poll(() => page.locator(".govuk-summary-list").textContent())
    .toContain("6 January 2026");
  await expectNoAxeViolations(page, "the new starter's record");

  await page.getByRole("button", { name: "Change this record" }).click();
  await settled(page);
  await page.getByLabel("Line manager").selectOption({ label: "Olu Zedfield, Housing officer" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText("Nia Starter saved").waitFor();
  expect(await page.locator(".govuk-summary-list").textContent()).toContain("Olu Zedfield");
  expect(fixtures.otherTeam.length).toBeGreaterThan(0);
  await expectNoAxeViolations(page, "the changed record");

  // The lists linked from the staff page.
  for (const [link, what] of [
    ["Staff who have never been trained", "never trained"],
    ["Refreshers overdue or due soon", "refreshers due"],
  ] as const) {
    await page.goto("/staff");
    await page.getByRole("link", { name: link }).click();
    await settled(page);
    await expectNoAxeViolations(page, what);
  }
  await page
    .getByRole("link", { name: /^Download as CSV/ })
    .first()
    .waitFor();
  await page.close();
});
