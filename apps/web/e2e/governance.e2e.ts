import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { expectNoAxeViolations, screenshot, settled } from "./support/browser";
import { journey } from "./support/journey";

const world = journey("lead", { fixtures: false });

/** Each priority area's readiness words and hint, from the readiness task list. */
async function taskList(page: Page): Promise<Map<string, { words: string; hint: string }>> {
  await page.goto("/accreditation/readiness");
  await settled(page);
  const result = new Map<string, { words: string; hint: string }>();
  for (const item of await page.locator(".govuk-task-list__item").all()) {
    const name = ((await item.locator(".govuk-task-list__link").textContent()) ?? "").trim();
    const words = ((await item.locator(".govuk-tag").textContent()) ?? "").trim();
    const hint = ((await item.locator(".govuk-task-list__hint").textContent()) ?? "").trim();
    result.set(name, { words, hint });
  }
  return result;
}

test("an overdue action in the plan turns a ready area amber, with the reason", async () => {
  const { page } = world;
  const before = await taskList(page);
  expect(before.size).toBe(8);
  await expectNoAxeViolations(page, "the readiness task list");
  const area = [...before].find(([, { words }]) => words === "Green: ready")?.[0];
  if (area === undefined) throw new Error("The demo has no ready area to make amber");

  await page.locator(".govuk-task-list__link", { hasText: area }).click();
  await page.getByRole("heading", { level: 1, name: area }).waitFor();
  await settled(page);
  await expectNoAxeViolations(page, "a priority area's page");

  await page.getByText("Add an action", { exact: true }).click();
  // A bad submit first: the problems are listed and nothing is added.
  await page.getByRole("button", { name: "Add action" }).click();
  await page
    .locator(".govuk-error-summary")
    .getByText("What is to be done must not be empty")
    .waitFor();
  await page.getByLabel("What is to be done").fill("Review the tenancy policy with survivors");
  await page.getByLabel("Owner", { exact: true }).fill("Tenancy Services Manager");
  await page.locator("#dueDate").fill("15");
  await page.locator("#dueDate-month").fill("1");
  await page.locator("#dueDate-year").fill("2024");
  await page.getByRole("button", { name: "Add action" }).click();
  await page.getByText("Action added: Review the tenancy policy with survivors").waitFor();
  const row = page.locator("tr", { hasText: "Review the tenancy policy with survivors" });
  await row.getByText("Overdue").waitFor();
  await screenshot(page, "action-plan-overdue");
  await expectNoAxeViolations(page, "an area page with an overdue action");

  const after = await taskList(page);
  expect(after.get(area)?.words).toBe("Amber: action needed");
  expect(after.get(area)?.hint).toContain(
    'Action "Review the tenancy policy with survivors" was due on 15 January 2024',
  );
  await screenshot(page, "readiness-task-list");

  // Marking it done puts the area back to ready.
  await page.locator(".govuk-task-list__link", { hasText: area }).click();
  await settled(page);
  await page.getByRole("link", { name: "Change Review the tenancy policy with survivors" }).click();
  await page.getByRole("heading", { level: 1, name: "Change an action" }).waitFor();
  await expectNoAxeViolations(page, "the action form");
  await page.getByLabel("Status").selectOption({ label: "Done" });
  await page.getByRole("button", { name: "Save action" }).click();
  await page.getByText("Action saved").waitFor();
  expect((await taskList(page)).get(area)?.words).toBe("Green: ready");
});

test("a readiness gap is offered as an action and added in one click", async () => {
  const { page } = world;
  const areas = await taskList(page);
  const red = [...areas].find(([, { hint }]) => hint === "No approved evidence")?.[0];
  if (red === undefined) throw new Error("The demo has no area lacking evidence");
  await page.locator(".govuk-task-list__link", { hasText: red }).click();
  await settled(page);
  const suggestion = `Gather evidence for ${red} and have it approved`;
  await page.getByText(suggestion, { exact: true }).waitFor();
  const offered = page.locator("li", { hasText: suggestion }).getByRole("button", {
    name: /^Add this action/,
  });
  await offered.click();
  await page.locator("tr", { hasText: suggestion }).waitFor();
  // Once planned, it is no longer offered.
  await expect.poll(() => offered.count()).toBe(0);
});

test("a recommendation is added, changed and given progress; the template refuses duplicates", async () => {
  const { page } = world;
  await page.goto("/recommendations");
  await settled(page);
  // The demo already tracks the Oxfordshire review's nine: starting again would duplicate them.
  await page.getByRole("button", { name: "Start from the Oxfordshire review template" }).click();
  await page
    .locator(".govuk-error-summary")
    .getByText(/^You already have recommendation 1, 2, 3, 4, 5, 6, 7, 8, 9 of the/)
    .waitFor();
  await expectNoAxeViolations(page, "the recommendations list");

  await page.getByRole("link", { name: "Add a recommendation" }).click();
  await page.getByRole("heading", { level: 1, name: "Add a recommendation" }).waitFor();
  await settled(page);
  await page.getByLabel("Number").fill("10");
  await page
    .getByLabel("Recommendation", { exact: true })
    .fill("Train every housing officer in domestic abuse awareness");
  await page.getByLabel("Review it comes from").fill("Housing scrutiny review 2026");
  await page.getByLabel("Owner").fill("Head of Housing");
  await page.locator("#targetDate").fill("31");
  await page.locator("#targetDate-month").fill("3");
  await page.locator("#targetDate-year").fill("2027");
  await page.getByLabel("RAG rating").selectOption({ label: "Amber" });
  await page.getByLabel("Staff Development").check();
  await expectNoAxeViolations(page, "the recommendation form");
  await page.getByRole("button", { name: "Add recommendation" }).click();
  await page.getByText("Recommendation added").waitFor();
  await page
    .getByRole("heading", {
      level: 1,
      name: "Train every housing officer in domestic abuse awareness",
    })
    .waitFor();
  await page.getByText("31 March 2027").waitFor();
  await page.getByRole("link", { name: "Staff Development" }).waitFor();

  await page.getByRole("link", { name: "Change this recommendation" }).click();
  await page.getByRole("heading", { level: 1, name: "Change a recommendation" }).waitFor();
  await settled(page);
  await page.getByLabel("RAG rating").selectOption({ label: "Green" });
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "In progress" });
  await page.getByRole("button", { name: "Save recommendation" }).click();
  await page.getByText("Recommendation saved").waitFor();
  await page.locator(".govuk-summary-list").getByText("Green").waitFor();

  await page
    .getByLabel("What has happened")
    .fill("Two awareness sessions booked for housing officers.");
  await page.getByRole("button", { name: "Add update" }).click();
  await page.getByText("Progress update added").waitFor();
  await page.getByText("Two awareness sessions booked for housing officers.").waitFor();
  await screenshot(page, "recommendation-updated");
  await expectNoAxeViolations(page, "a recommendation");
});

test("a committee paper is drafted, edited and downloaded as Word with live figures", async () => {
  const { page } = world;
  await page.goto("/recommendations/committee-papers");
  await settled(page);
  await expectNoAxeViolations(page, "the committee papers list");
  await page.getByRole("link", { name: "Draft a committee paper" }).click();
  await page.getByRole("heading", { level: 1, name: "Draft a committee paper" }).waitFor();
  await settled(page);
  await page.getByLabel("To (committee or board)").fill("Health Improvement Board");
  await page.locator("#meetingDate").fill("10");
  await page.locator("#meetingDate-month").fill("4");
  await page.locator("#meetingDate-year").fill("2027");
  await page.getByLabel("Report of").fill("Strategic Lead for Domestic Abuse");
  await page.getByLabel("Title of report").fill("Strategic Review of Domestic Abuse Update");
  await page
    .getByLabel("Purpose of report")
    .fill("To inform the Board of progress on the review's recommendations.");
  await page.getByLabel("No", { exact: true }).check();
  // A single council's new paper leaves out the partnership's training by agency.
  const section = (heading: string) => page.getByLabel(heading, { exact: true }).isChecked();
  expect(await section("Domestic abuse training")).toBe(true);
  expect(await section("Partnership training by agency")).toBe(false);
  await expectNoAxeViolations(page, "the new committee paper form");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page
    .getByRole("heading", { level: 1, name: "Strategic Review of Domestic Abuse Update" })
    .waitFor();
  await settled(page);
  // The figures come from the demo's own data: 56 of 90 nominated attended.
  await page
    .getByText(/attended by 56 members of staff, although 90 were nominated by their managers/)
    .waitFor();

  await page
    .getByLabel("Conclusion: your narrative")
    .fill("The Board is asked to note good progress.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByText("Draft saved").waitFor();
  await page
    .locator("#preview-heading ~ div", { hasText: "The Board is asked to note good progress." })
    .first()
    .waitFor();
  await screenshot(page, "committee-paper");
  await expectNoAxeViolations(page, "a committee paper");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download as a Word document" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("2027-04-10-Health-Improvement-Board-paper.docx");
  const docx = readFileSync(await download.path());
  // A Word document is a ZIP holding word/document.xml.
  expect(docx.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  expect(docx.includes(Buffer.from("word/document.xml"))).toBe(true);
});
