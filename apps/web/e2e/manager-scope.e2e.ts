import { expect, test } from "vitest";

import { expectNoAxeViolations, screenshot, settled } from "./support/browser";
import { journey } from "./support/journey";

const world = journey("manager");

test("a manager's navigation offers only what their role allows", async () => {
  const { page } = world;
  const links = await page
    .getByRole("navigation", { name: "Menu" })
    .getByRole("link")
    .allTextContents();
  // My account is everyone's; the admin-only sections (Users, Audit log, Settings) are not offered.
  expect(links).toEqual(["Dashboard", "Training", "Staff", "My training", "My account"]);
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  expect(await page.getByText("Your team").count()).toBeGreaterThan(0);
  await screenshot(page, "dashboard-manager");
});

test("a manager sees their own team and nobody else's", async () => {
  const { page, fixtures } = world;
  await page.goto("/staff");
  await settled(page);
  const names = await page.locator("table tbody th a").allTextContents();
  expect(names.sort()).toEqual(fixtures.team.map((person) => person.name).sort());
  for (const person of fixtures.otherTeam) expect(names).not.toContain(person.name);
  await screenshot(page, "staff-manager");
});

test("a direct link to someone in another team shows page not found", async () => {
  const { page, fixtures } = world;
  const outsider = fixtures.otherTeam[0];
  if (outsider === undefined) throw new Error("no fixture");
  await page.goto(`/staff/${outsider.id}`);
  await page.getByRole("heading", { name: "Page not found" }).waitFor();
  expect(await page.getByText(outsider.name).count()).toBe(0);
  expect(await page.title()).toBe("Page not found – dapkit – Northshire Borough Council (demo)");
  await expectNoAxeViolations(page, "page not found");
});

test("a manager can nominate only their own team", async () => {
  const { page, fixtures } = world;
  await page.goto(`/training/sessions/${fixtures.session.id}/nominate`);
  await settled(page);
  const offered = await page.locator(".govuk-checkboxes__label").allTextContents();
  expect(offered.filter((name) => name.includes("Zedfield")).sort()).toEqual(
    fixtures.team.map((person) => person.name).sort(),
  );
  const first = fixtures.team[0];
  if (first === undefined) throw new Error("no fixture");
  await page.getByLabel(first.name).check();
  await page.getByRole("button", { name: "Nominate selected staff" }).click();
  await page.getByText("1 person nominated").waitFor();
  // Managers nominate; they do not approve, book or mark attendance.
  expect(await page.getByRole("button", { name: "Book selected" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Cancel selected" }).count()).toBe(1);
  expect(await page.getByRole("button", { name: "Mark attendance" }).count()).toBe(0);
});

test("a manager who opens HR's pages by address is told they have no access", async () => {
  const { page, fixtures } = world;
  await page.goto(`/training/sessions/${fixtures.session.id}/attendance`);
  await page.getByRole("heading", { name: "You do not have access to this page" }).waitFor();
  await page.goto("/accreditation");
  await page.getByRole("heading", { name: "You do not have access to this page" }).waitFor();
});
