import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { expectNoAxeViolations, screenshot, settled } from "./support/browser";
import { journey } from "./support/journey";

const world = journey("lead", { fixtures: false });

// A small but real PDF: the server checks that a file's contents match its type.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** The readiness words, and the reasons, shown for each priority area. */
async function readiness(target: Page): Promise<Map<string, { words: string; why: string }>> {
  await target.goto("/accreditation/readiness");
  await settled(target);
  const result = new Map<string, { words: string; why: string }>();
  for (const row of await target.locator("table tbody tr").all()) {
    const name = ((await row.locator("th").textContent()) ?? "").trim();
    const words = ((await row.locator(".govuk-tag").textContent()) ?? "").trim();
    const why = ((await row.locator("td").last().textContent()) ?? "").trim();
    result.set(name, { words, why });
  }
  return result;
}

test("the lead adds evidence, uploads a file, approves it and the area turns ready", async () => {
  const { page } = world;
  const before = await readiness(page);
  await screenshot(page, "readiness-before");
  // An area with no approved evidence yet, other than staff development (which also needs training).
  // An area that only lacks approved evidence (not staff development, which also needs training).
  const area = [...before].find(
    ([name, { words, why }]) =>
      words === "Red: not ready" &&
      why === "No approved evidence" &&
      !/staff development/i.test(name),
  )?.[0];
  if (area === undefined) throw new Error("Every area is ready already; nothing to show");

  await page.goto("/accreditation");
  await settled(page);
  await page.getByRole("button", { name: "Add evidence" }).click();
  await page.getByRole("heading", { level: 1, name: "Add evidence" }).waitFor();

  // A bad submit first: the summary lists each problem and its link puts focus on the field.
  await page.getByRole("button", { name: "Add evidence" }).click();
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor();
  await summary.getByRole("link", { name: "Title must not be empty" }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("title");
  await screenshot(page, "evidence-form-errors");
  await expectNoAxeViolations(page, "the evidence form with errors");

  await page.getByLabel("Priority area").selectOption({ label: area });
  await page.getByLabel("Title").fill("Domestic abuse publicity campaign 2026");
  await page.getByLabel("Kind of evidence").selectOption({ label: "Publicity" });
  await page.getByLabel("Owner").fill("Communications team");
  await page.locator("#effectiveDate").fill("1");
  await page.locator("#effectiveDate-month").fill("4");
  await page.locator("#effectiveDate-year").fill("2025");
  await page.getByRole("button", { name: "Add evidence" }).click();
  await page.getByText("Domestic abuse publicity campaign 2026 added as a draft").waitFor();

  // A scanned plan of about 600 KB over a slow connection, so the upload takes a few seconds
  // and its progress shows (Chromium throttles the upload through the DevTools protocol).
  const scanned = Buffer.concat([PDF, Buffer.from(`%${"x".repeat(600 * 1024)}\n%%EOF\n`)]);
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 200 * 1024,
  });
  await page
    .getByLabel("Upload a file", { exact: true })
    .setInputFiles({ name: "campaign-plan.pdf", mimeType: "application/pdf", buffer: scanned });
  await page.getByRole("button", { name: "Upload file" }).click();
  const progress = page.locator("progress#upload-progress");
  await progress.waitFor();
  await page.getByText(/^Uploading: \d+% \(/).waitFor();
  await screenshot(page, "evidence-upload-progress");
  await page.getByText(/campaign-plan\.pdf uploaded/).waitFor();
  await devtools.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  expect(await progress.count()).toBe(0);
  await page.getByRole("link", { name: "campaign-plan.pdf" }).waitFor();

  await page.getByLabel("Send for review").check();
  await page.getByRole("button", { name: "Save decision" }).click();
  await page.getByText("Evidence sent for review").waitFor();
  await page.getByLabel("Approve").check();
  await page.getByLabel("Note (optional when approving)").fill("Meets the publicity standard.");
  await page.getByRole("button", { name: "Save decision" }).click();
  await page.getByText("Evidence approved").waitFor();
  await screenshot(page, "evidence-approved");
  await expectNoAxeViolations(page, "the evidence page");

  const after = await readiness(page);
  expect(before.get(area)?.words).toBe("Red: not ready");
  expect(after.get(area)?.words).toBe("Green: ready");
  await screenshot(page, "readiness-after");
});

test("a rejection needs a note, shown against the note field", async () => {
  const { page } = world;
  await page.goto("/accreditation/evidence/new");
  await settled(page);
  await page.getByLabel("Priority area").selectOption({ index: 1 });
  await page.getByLabel("Title").fill("Draft case audit");
  await page.getByLabel("Kind of evidence").selectOption({ label: "Case audit" });
  await page.getByLabel("Owner").fill("Housing options");
  await page.locator("#effectiveDate").fill("2");
  await page.locator("#effectiveDate-month").fill("5");
  await page.locator("#effectiveDate-year").fill("2025");
  await page.getByRole("button", { name: "Add evidence" }).click();
  await page.getByText("Draft case audit added as a draft").waitFor();
  await page.getByLabel("Upload a file", { exact: true }).setInputFiles({
    name: "audit.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Case audit notes\n"),
  });
  await page.getByRole("button", { name: "Upload file" }).click();
  await page.getByText(/audit\.txt uploaded/).waitFor();
  await page.getByLabel("Send for review").check();
  await page.getByRole("button", { name: "Save decision" }).click();
  await page.getByText("Evidence sent for review").waitFor();
  await page.getByLabel("Reject").check();
  await page.getByRole("button", { name: "Save decision" }).click();
  await page
    .locator(".govuk-error-summary")
    .getByRole("link", { name: "Enter why the evidence is rejected" })
    .click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("note");
});

test("the evidence pack downloads as a ZIP file", async () => {
  const { page } = world;
  await page.goto("/accreditation");
  await settled(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download evidence pack" }).click(),
  ]);
  const path = await download.path();
  const bytes = readFileSync(path);
  // Every ZIP starts with the local file header signature "PK\x03\x04".
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  expect(download.suggestedFilename()).toMatch(/^evidence-pack-.*\.zip$/);
  await page.getByText(/Evidence pack downloaded/).waitFor();
  await screenshot(page, "evidence-library");
  await expectNoAxeViolations(page, "the evidence library");
});
