import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { expectNoAxeViolations, screenshot, settled } from "./support/browser";
import { journey } from "./support/journey";

// The administrator holds manageFunding: the partnership's commissioner.
const world = journey("admin", { fixtures: false });

const PLAN = "Oxfordshire co-funded domestic abuse services";
const SCENARIO = "Oxfordshire without Oxford City Council";

// Oxfordshire's 2017 paper (seed 000): a contract of about £335,000 against the county's £200,000
// budget; the district councils and the Police and Crime Commissioner close the £135,000 gap.
const PARTNERS = [
  ["Oxfordshire County Council", "Social care", "£200,000"],
  ["Police and Crime Commissioner", "Criminal justice", "£60,000"],
  ["Oxford City Council", "Housing", "£25,000"],
  ["Cherwell District Council", "Housing", "£25,000"],
  ["West Oxfordshire District Council", "Housing", "£25,000"],
] as const;

async function fillPartner(page: Page, index: number, [name, sector, cash]: readonly string[]) {
  await page.locator(`#partner-${String(index)}-name`).fill(name ?? "");
  await page.locator(`#partner-${String(index)}-sector`).selectOption({ label: sector ?? "" });
  await page.locator(`#partner-${String(index)}-cash-0`).fill(cash ?? "");
}

/** The rows of the comparison table for one year (or the whole plan), as their cells' text. */
async function comparedRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole("region", { name: caption }).locator("table");
  const rows: string[][] = [];
  for (const row of await table.locator("tbody tr").all()) {
    rows.push((await row.locator("th, td").allTextContents()).map((text) => text.trim()));
  }
  return rows;
}

test("a commissioner builds the Oxfordshire co-funded plan, field by field", async () => {
  const { page } = world;
  await page.goto("/funding");
  await settled(page);
  await expectNoAxeViolations(page, "the funding plans list");
  await page.getByRole("button", { name: "Add a funding plan" }).click();
  await page.getByRole("heading", { level: 1, name: "Add a funding plan" }).waitFor();

  // A first try with a bad amount: the summary names the partner and year, and its link focuses it.
  await page.getByLabel("Plan name").fill(PLAN);
  await page.getByLabel("First financial year").fill("2018/19");
  await page.locator("#cost-0").fill("£335,000");
  await fillPartner(page, 0, ["Oxfordshire County Council", "Social care", "two hundred thousand"]);
  await page.getByRole("button", { name: "Save plan" }).click();
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor();
  const message =
    "Oxfordshire County Council's 2018/19 cash contribution must be an amount in pounds, like £20,000";
  await summary.getByRole("link", { name: message }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("partner-0-cash-0");
  await expectNoAxeViolations(page, "the plan form with errors");
  await screenshot(page, "funding-plan-form-errors");

  // The whole plan, with the keyboard adding each partner.
  await fillPartner(page, 0, PARTNERS[0]);
  for (const [index, partner] of PARTNERS.entries()) {
    if (index === 0) continue;
    await page.getByRole("button", { name: "Add a partner" }).focus();
    await page.keyboard.press("Enter");
    await fillPartner(page, index, partner);
  }
  await page.getByRole("button", { name: "Save plan" }).click();
  await page.getByText("Funding plan added").waitFor();
  await page.getByRole("heading", { level: 1, name: PLAN }).waitFor();
  await settled(page);
  await expect.poll(() => page.getByText("Balanced").count()).toBeGreaterThan(0);
  await page.getByRole("img", { name: /Cost, income by kind and the gap each year/ }).waitFor();
  const partners = page.getByRole("region", {
    name: "Partners: contributions, share and fair share",
  });
  await partners.getByRole("row", { name: /Oxford City Council £25,000 £25,000 7\.5%/ }).waitFor();
  await expectNoAxeViolations(page, "the plan page");
  await screenshot(page, "funding-plan");

  // The printable one-page summary for one partner.
  await page.getByRole("link", { name: "One-page summary for Oxford City Council" }).click();
  await page.getByRole("heading", { level: 1, name: "Oxford City Council" }).waitFor();
  await page.getByText("shared equally by 3 partners").waitFor();
  await expectNoAxeViolations(page, "a partner's one-page summary");
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".govuk-header").isVisible()).toBe(false);
  await screenshot(page, "funding-partner-summary-print");
  await page.emulateMedia({ media: "screen" });
});

test("the commissioner copies the plan into a scenario where a partner leaves, and compares the two", async () => {
  const { page } = world;
  await page.goto("/funding");
  await settled(page);
  await page.getByRole("link", { name: PLAN }).click();
  await settled(page);
  await page.getByRole("button", { name: "Copy into a scenario" }).click();
  await page.getByRole("heading", { level: 1, name: "Copy into a scenario" }).waitFor();
  await expectNoAxeViolations(page, "the copy form");
  await page.getByLabel("Name of the copy").fill(SCENARIO);
  await page.getByLabel("What the scenario assumes").fill("Oxford City Council leaves in 2018");
  await page.getByRole("button", { name: "Copy the plan" }).click();
  await page.getByText("Scenario copied: change its assumptions below").waitFor();
  await settled(page);
  await expectNoAxeViolations(page, "the plan form of the copy");
  await page.getByRole("button", { name: "Remove Oxford City Council" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText("Funding plan saved").waitFor();
  await page.getByRole("heading", { level: 1, name: SCENARIO }).waitFor();
  await settled(page);
  await expect.poll(() => page.getByText("£25,000 shortfall").count()).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Compare with another version" }).click();
  await page.getByRole("heading", { level: 1, name: "Compare two versions" }).waitFor();
  await settled(page);
  const whole = await comparedRows(page, "Whole plan");
  expect(whole).toContainEqual([
    "— Oxford City Council",
    "£25,000",
    "Not in this version",
    "−£25,000",
  ]);
  expect(whole).toContainEqual(["Gap (shortfall positive)", "£0", "£25,000", "+£25,000"]);
  expect(whole).toContainEqual(["Cost", "£335,000", "£335,000", "No change"]);
  expect(await page.locator(".app-changed").count()).toBeGreaterThanOrEqual(8);
  expect(await comparedRows(page, "2018/19")).toEqual(whole);
  await expectNoAxeViolations(page, "the comparison");
  await screenshot(page, "funding-compare");
});

test("the commissioner checks Lancashire's Year 1 table and sees all its errors", async () => {
  const { page } = world;
  await page.goto("/funding/check-table");
  await page.getByRole("heading", { level: 1, name: "Check a council table" }).waitFor();
  await expectNoAxeViolations(page, "the table check");
  await page.getByRole("button", { name: "Load the Lancashire Year 1 sample" }).focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.getByRole("textbox", { name: "The table" }).inputValue())
    .toMatch(/^Work Theme area/);
  await page.getByRole("button", { name: "Check the table" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 2, name: "5 figures do not add up" }).waitFor();
  const wrong = await page.locator(".app-cell-wrong").allTextContents();
  expect(wrong).toEqual([
    "30,217Should be £37,564 (row formula)",
    "212,035Should be £212,103 (row formula)",
    "137,724Should be £137,734 (row formula)",
    "1,047,003Should be £1,047,002 (column sum)",
    "455,447Should be £455,546 (totals row)",
  ]);
  await page.getByText("nor the variance column's sum, £448,121").waitFor();
  await expectNoAxeViolations(page, "the checked table");
  await screenshot(page, "funding-check-table");

  // A table that cannot be read says why, at the field.
  await page.getByRole("textbox", { name: "The table" }).fill("Area,Cost\nA,1\n");
  await page.getByRole("button", { name: "Check the table" }).click();
  await page
    .locator(".govuk-error-summary")
    .getByText(/there is no allocation column/)
    .waitFor();
});
