import { readFileSync } from "node:fs";

import { officeFile } from "@dapkit/tooling/office-files";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { expectNoAxeViolations, newPage, screenshot, settled, signIn } from "./support/browser";
import { journey } from "./support/journey";

const world = journey("lead", { fixtures: false });

// A small but real PDF: the server checks that a file's contents match its type.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** The readiness words, and the reasons, shown for each priority area of the task list. */
async function readiness(target: Page): Promise<Map<string, { words: string; why: string }>> {
  await target.goto("/accreditation/readiness");
  await settled(target);
  const result = new Map<string, { words: string; why: string }>();
  for (const row of await target.locator(".govuk-task-list__item").all()) {
    const name = ((await row.locator(".govuk-task-list__link").textContent()) ?? "").trim();
    const words = ((await row.locator(".govuk-tag").textContent()) ?? "").trim();
    const why = ((await row.locator(".govuk-task-list__hint").textContent()) ?? "").trim();
    result.set(name, { words, why });
  }
  return result;
}

test("the lead adds evidence and cannot approve it; a second person approves it and the area turns ready", async () => {
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

  // No decision is chosen for the user, not even the only one there is.
  expect(await page.getByLabel("Send for review").isChecked()).toBe(false);
  await page.getByLabel("Send for review").check();
  await page.getByRole("button", { name: "Save decision" }).click();
  await page.getByText("Evidence sent for review").waitFor();
  // One banner, for the latest outcome only: the upload's has gone.
  expect(await page.locator(".govuk-notification-banner").allTextContents()).toEqual([
    expect.stringContaining("Evidence sent for review"),
  ]);
  expect(await page.getByLabel("Approve").isChecked()).toBe(false);

  // The lead wrote it, so the lead cannot approve it.
  await page.getByLabel("Approve").check();
  await page.getByRole("button", { name: "Save decision" }).click();
  await page
    .locator(".govuk-error-summary")
    .getByText(/^You cannot approve evidence you added, uploaded or sent for review/)
    .waitFor();
  expect(await page.locator(".govuk-notification-banner").count()).toBe(0);
  await screenshot(page, "evidence-own-approval-refused");
  await expectNoAxeViolations(page, "the evidence page refusing the author's approval");

  // A second person (the administrator) can.
  const evidencePath = new URL(page.url()).pathname;
  const { context, page: second } = await newPage(world.browser, world.server.baseUrl);
  await signIn(second, "admin");
  await second.goto(evidencePath);
  await settled(second);
  await second.getByLabel("Approve").check();
  await second.getByLabel("Reason or note").fill("Meets the publicity standard.");
  await second.getByRole("button", { name: "Save decision" }).click();
  await second.getByText("Evidence approved").waitFor();
  await second.getByText("Note: Meets the publicity standard.").waitFor();
  await screenshot(second, "evidence-approved");
  await expectNoAxeViolations(second, "the evidence page");
  await context.close();

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
  expect(await page.locator(".govuk-notification-banner").count()).toBe(0);
  await page
    .locator(".govuk-error-summary")
    .getByRole("link", { name: "Enter why the evidence is rejected" })
    .click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("note");
});

test("a PowerPoint file is accepted and a macro-enabled Word file refused", async () => {
  const { page } = world;
  await page.goto("/accreditation/evidence/new");
  await settled(page);
  await page.getByLabel("Priority area").selectOption({ index: 2 });
  await page.getByLabel("Title").fill("Awareness training slides");
  await page.getByLabel("Kind of evidence").selectOption({ index: 1 });
  await page.getByLabel("Owner").fill("Learning and development");
  await page.locator("#effectiveDate").fill("3");
  await page.locator("#effectiveDate-month").fill("6");
  await page.locator("#effectiveDate-year").fill("2025");
  await page.getByRole("button", { name: "Add evidence" }).click();
  await page.getByText("Awareness training slides added as a draft").waitFor();

  const file = page.getByLabel("Upload a file", { exact: true });
  await file.setInputFiles({
    name: "Training policy.docm",
    mimeType: "application/vnd.ms-word.document.macroEnabled.12",
    buffer: officeFile("docm"),
  });
  await page.getByRole("button", { name: "Upload file" }).click();
  await page
    .locator(".govuk-error-summary")
    .getByText(/^The file contains macros/)
    .waitFor();
  await screenshot(page, "evidence-macro-file-refused");
  await expectNoAxeViolations(page, "the upload refusing a macro-enabled file");

  await file.setInputFiles({
    name: "Awareness training.pptx",
    mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    buffer: officeFile("pptx"),
  });
  await page.getByRole("button", { name: "Upload file" }).click();
  await page.getByText(/Awareness training\.pptx uploaded/).waitFor();
  await page.getByRole("link", { name: "Awareness training.pptx" }).waitFor();
  expect(await page.locator(".govuk-error-summary").count()).toBe(0);
});

/** Downloads the evidence pack from the library page; the ZIP's bytes. */
async function downloadPack(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download evidence pack" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^evidence-pack-.*\.zip$/);
  await page.getByText(/Evidence pack downloaded/).waitFor();
  return readFileSync(await download.path());
}

// A ZIP stores each entry's name uncompressed, so the names in the pack can be read from its bytes.
function holds(zip: Buffer, name: string): boolean {
  return zip.includes(Buffer.from(name));
}

test("the default pack holds only approved, in-date evidence; the lead may add the rest, marked", async () => {
  const { page } = world;
  await page.goto("/accreditation");
  await settled(page);
  const approvedOnly = await downloadPack(page);
  // Every ZIP starts with the local file header signature "PK\x03\x04".
  expect(approvedOnly.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  expect(holds(approvedOnly, "campaign-plan.pdf")).toBe(true);
  expect(holds(approvedOnly, "manifest.json")).toBe(true);
  expect(holds(approvedOnly, "audit.txt")).toBe(false);
  expect(holds(approvedOnly, "Awareness training.pptx")).toBe(false);
  expect(holds(approvedOnly, "Not approved")).toBe(false);

  await page.getByLabel("Include evidence that is not approved").check();
  const everything = await downloadPack(page);
  expect(holds(everything, "campaign-plan.pdf")).toBe(true);
  expect(holds(everything, "Not approved - audit.txt")).toBe(true);
  expect(holds(everything, "Not approved - Awareness training.pptx")).toBe(true);
  await screenshot(page, "evidence-library");
  await expectNoAxeViolations(page, "the evidence library");
});

test("the library narrows to one status and one priority area, kept in the address", async () => {
  const { page } = world;
  await page.goto("/accreditation");
  await settled(page);
  const table = page.locator("table.govuk-table");
  const headers = () => table.locator("thead th").allTextContents();
  const tags = () => table.locator("tbody .govuk-tag").allTextContents();
  expect(await headers()).toContain("Priority area");

  await page.getByLabel("Status").selectOption({ label: "Approved" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/[?&]status=approved\b/);
  // The rows before stay in view until the page's new ones arrive.
  await expect.poll(async () => new Set(await tags())).toEqual(new Set(["Approved"]));

  // The area of the first approved item, chosen from the filter as a person would.
  const areaName =
    (await table.locator("tbody tr").first().locator("td").first().textContent()) ?? "";
  await page.getByLabel("Priority area").selectOption({ label: areaName });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/[?&]area=[^&]+/);
  await page.getByRole("heading", { level: 2, name: new RegExp(`^${areaName}`) }).waitFor();
  await expect.poll(headers).not.toContain("Priority area");
  expect(new Set(await tags())).toEqual(new Set(["Approved"]));
  await expectNoAxeViolations(page, "the evidence library filtered by area and status");

  // The address keeps the choice: a reload shows the same, with the filters as chosen.
  await page.reload();
  await settled(page);
  expect(await page.getByLabel("Status").inputValue()).toBe("approved");
  expect(await page.getByLabel("Priority area").locator("option:checked").textContent()).toBe(
    areaName,
  );
  await page.getByRole("link", { name: "Show every priority area" }).click();
  await expect.poll(headers).toContain("Priority area");

  // Words in a title, case aside: the campaign added in the first journey.
  await page.getByLabel("Title contains").fill("PUBLICITY CAMPAIGN");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/[?&]search=/);
  await expect
    .poll(() => table.locator("tbody th").allTextContents())
    .toEqual(["Domestic abuse publicity campaign 2026"]);
});
