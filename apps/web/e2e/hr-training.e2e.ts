import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { expectNoAxeViolations, screenshot, settled } from "./support/browser";
import { funnelFigures } from "./support/dashboard";
import { journey } from "./support/journey";

const world = journey("hr");

// Presses Tab until the focused element matches, as a keyboard user would.
async function tabTo(
  target: Page,
  matches: (element: Element) => boolean,
  limit = 80,
): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    await target.keyboard.press("Tab");
    if (await target.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error("Could not reach the element with the Tab key");
}

test("a bad form shows the error summary, whose link puts focus on the field", async () => {
  const { page } = world;
  await page.goto("/training/courses/new");
  await settled(page);
  await page.getByRole("button", { name: "Save course" }).click();
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor();
  expect(await page.title()).toBe(
    "Error: Add a course – dapkit – Northshire Borough Council (demo)",
  );
  expect(
    await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary")),
  ).toBe(true);
  await screenshot(page, "course-form-errors");
  await summary.getByRole("link", { name: "Course title must not be empty" }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("title");
  await expectNoAxeViolations(page, "the course form with errors");
});

test("HR nominates three people, books them and marks the register with the keyboard alone", async () => {
  const { page, fixtures } = world;
  const before = await funnelFigures(page);

  // Find the session as a person would: narrow the list to the course, then open the session.
  await page.goto("/training");
  await page
    .getByRole("navigation", { name: "Sessions by course" })
    .getByRole("link", { name: fixtures.course.title, exact: true })
    .click();
  await page.getByRole("link", { name: new RegExp(`^${fixtures.course.title} on `) }).click();
  await page.getByRole("button", { name: "Nominate staff" }).click();
  await settled(page);
  await page.getByLabel("Search by name or employee number").fill("Zedfield");
  await page.getByRole("button", { name: "Search" }).click();
  for (const person of fixtures.team) await page.getByLabel(person.name).check();
  await expect.poll(() => page.getByText("3 people selected").count()).toBe(1);
  await screenshot(page, "nominate");
  await expectNoAxeViolations(page, "the nominate page");
  await page.getByRole("button", { name: "Nominate selected staff" }).click();
  await page.getByText("3 people nominated").waitFor();
  // The success banner takes focus, so a screen reader announces it first.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
    "3 people nominated",
  );

  for (const person of fixtures.team) {
    await page.getByRole("button", { name: `Book ${person.name}` }).click();
    await page.getByText(`${person.name} booked`).waitFor();
  }
  await screenshot(page, "session");
  await expectNoAxeViolations(page, "the session page");

  // The register, with the keyboard only: Tab to the shortcut, Space, arrow keys, Tab, Enter.
  await page.goto(`/training/sessions/${fixtures.session.id}/attendance`);
  await settled(page);
  expect(await page.title()).toBe("Mark attendance – dapkit – Northshire Borough Council (demo)");
  await tabTo(page, (element) => element.textContent === "Mark all as fully attended");
  // Space presses a focused button, as Enter does.
  await page.keyboard.press("Space");
  await page.getByText("3 fully attended, 0 partially attended").waitFor();
  // Into the first person's radio group (focus lands on the checked radio), then one to the right.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
    "fully_attended",
  );
  await page.keyboard.press("ArrowRight");
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
    "partially_attended",
  );
  await page.getByText("2 fully attended, 1 partially attended").waitFor();
  await screenshot(page, "mark-attendance");
  await expectNoAxeViolations(page, "the attendance register");
  await tabTo(page, (element) => element.textContent === "Save attendance");
  await page.keyboard.press("Enter");
  await page.getByText(/Attendance saved: 3 marks changed/).waitFor();

  // The dashboard counts them straight away.
  const after = await funnelFigures(page);
  expect(after.Nominated).toBe((before.Nominated ?? 0) + 3);
  expect(after.Booked).toBe((before.Booked ?? 0) + 3);
  expect(after.Attended).toBe((before.Attended ?? 0) + 3);
  const sentence = await page.getByTestId("uptake-sentence").textContent();
  expect(sentence).toContain(`${after.Attended} of ${after.Nominated} nominated staff attended`);
  await screenshot(page, "dashboard-hr");
});

test("each nomination keeps its history: who changed it, when and to what", async () => {
  const { page, fixtures } = world;
  await page.goto(`/training/sessions/${fixtures.session.id}`);
  const name = fixtures.team[1]?.name ?? "";
  await page.getByRole("link", { name }).click();
  await settled(page);
  const history = page.getByRole("list", { name: "Changes to this nomination, oldest first" });
  const states = await history.locator(".govuk-tag").allTextContents();
  expect(states).toEqual(["Nominated", "Booked", "Fully attended"]);
  expect(await history.textContent()).toContain("by Harper Hughes");
  await screenshot(page, "nomination-history");
});

test("a staff file is checked first: every bad row is listed and nothing is saved until confirmed", async () => {
  const { page } = world;
  const header = "employee_number,name,email,job_title,department,manager_employee_number,active";
  const bad = [
    header,
    "ZF9001,Fern Zedfield,fern@northshire.example,Tenancy officer,Zedfield Housing,ZF0001,yes",
    "ZF9002,,not-an-email,Tenancy officer,Zedfield Housing,,yes",
    "ZF9003,Gil Zedfield,,Caretaker,Zedfield Housing,NOBODY,maybe",
  ].join("\n");
  await page.goto("/staff/import");
  await settled(page);
  await page
    .getByLabel("Upload a CSV file")
    .setInputFiles({ name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Check the file" }).click();
  const problems = page.getByRole("table", { name: "Problems in staff.csv" });
  await problems.waitFor();
  const rows = await problems.locator("tbody tr").allTextContents();
  // Lines 3 and 4 are wrong in several columns; every problem is listed with its line.
  expect(rows.some((row) => row.startsWith("3") && row.includes("name"))).toBe(true);
  expect(rows.some((row) => row.startsWith("3") && row.includes("email"))).toBe(true);
  expect(rows.some((row) => row.startsWith("4") && row.includes("active"))).toBe(true);
  expect(await page.getByRole("button", { name: "Confirm and import" }).count()).toBe(0);
  await screenshot(page, "staff-import-errors");
  await expectNoAxeViolations(page, "the staff import preview with errors");

  // Nothing was saved by the check.
  await page.goto("/staff?search=ZF900");
  await page.getByText("No staff match these filters.").waitFor();

  const good = [
    header,
    "ZF9001,Fern Zedfield,fern@northshire.example,Tenancy officer,Zedfield Housing,ZF0001,yes",
  ].join("\n");
  await page.goto("/staff/import");
  await settled(page);
  await page
    .getByLabel("Upload a CSV file")
    .setInputFiles({ name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.getByRole("button", { name: "Confirm and import" }).click();
  await page.getByText("Staff imported: 1 added, 0 changed").waitFor();
  await page.goto("/staff?search=ZF900");
  await page.getByRole("link", { name: "Fern Zedfield" }).waitFor();
});
