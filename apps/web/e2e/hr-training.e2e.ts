import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { apiAs } from "./support/api";
import { expectNoAxeViolations, screenshot, settled, USERS } from "./support/browser";
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

// A session of the journey's course that starts `seconds` from now, made through the API.
async function sessionStartingIn(seconds: number, capacity: number): Promise<string> {
  const { server, fixtures } = world;
  const admin = await apiAs(server.baseUrl, USERS.admin);
  const startsAt = new Date(Date.now() + seconds * 1000);
  const endsAt = new Date(startsAt.getTime() + 3 * 60 * 60 * 1000);
  const session = await admin.mutate<{ id: string }>("training.sessions.create", {
    courseId: fixtures.course.id,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    capacity,
    location: "Civic Centre, Room 3",
    trainer: "Northshire DA Service",
  });
  return session.id;
}

// Counts the clicks a journey takes, so "under 10 clicks" is measured, not assumed.
function counted(target: Page) {
  let clicks = 0;
  return {
    click: async (name: string | RegExp, role: "button" | "checkbox" = "button") => {
      clicks += 1;
      await (
        role === "checkbox" ? target.getByLabel(name) : target.getByRole(role, { name })
      ).click();
    },
    get clicks() {
      return clicks;
    },
  };
}

let registerSessionId = "";

test("HR nominates three people, books them and marks the register with the keyboard alone", async () => {
  const { page, fixtures } = world;
  const before = await funnelFigures(page);
  // Nominating and booking close when the session starts and attendance opens then, so this one
  // starts shortly: booked first, marked once it has started.
  const lead = 45;
  const opens = Date.now() + lead * 1000;
  registerSessionId = await sessionStartingIn(lead, 10);

  await page.goto(`/training/sessions/${registerSessionId}`);
  await page.getByRole("button", { name: "Nominate staff" }).click();
  await settled(page);
  await page.getByLabel("Name or employee number").fill("Zedfield");
  await page.getByRole("button", { name: "Find staff" }).click();
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

  await page.getByLabel("Select all 3 people shown").check();
  await page.getByRole("button", { name: "Book selected" }).click();
  await page.getByText("Booked: 3").waitFor();
  await screenshot(page, "session");
  await expectNoAxeViolations(page, "the session page after booking");

  await new Promise((resolve) => setTimeout(resolve, Math.max(0, opens - Date.now()) + 2000));
  // The register, with the keyboard only: Tab to the shortcut, Space, arrow keys, Tab, Enter.
  await page.goto(`/training/sessions/${registerSessionId}/attendance`);
  await settled(page);
  expect(await page.title()).toMatch(/^Mark attendance – /);
  await tabTo(page, (element) => element.textContent === "Mark all as fully attended");
  // Space presses a focused button, as Enter does.
  await page.keyboard.press("Space");
  await page.getByText("3 fully attended, 0 partially attended").waitFor();
  // Into the first person's radio group (focus lands on the checked radio, past the register's
  // scrollable frame, which takes focus so a keyboard can scroll it), then one to the right.
  await tabTo(page, (element) => element.getAttribute("type") === "radio");
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
  await page.goto(`/training/sessions/${registerSessionId}`);
  const name = fixtures.team[1]?.name ?? "";
  await page.getByRole("link", { name }).click();
  await settled(page);
  const history = page.getByRole("list", { name: "Changes to this nomination, oldest first" });
  await expect
    .poll(() => history.locator(".govuk-tag").allTextContents())
    .toEqual(["Nominated", "Booked", "Fully attended"]);
  expect(await history.textContent()).toContain("by Harper Hughes");
  await screenshot(page, "nomination-history");

  // The trainer's sign-in sheet is one link from the session.
  await page.goto(`/training/sessions/${registerSessionId}`);
  const sheet = page.getByRole("link", { name: "Print the sign-in sheet (PDF)" });
  const response = await page.request.get(
    new URL((await sheet.getAttribute("href")) ?? "", page.url()).toString(),
  );
  expect(`${response.status()} ${response.status() === 200 ? "" : await response.text()}`).toBe(
    "200 ",
  );
  expect(response.headers()["content-type"]).toBe("application/pdf");
});

test("HR books all 90 of a session's nominations in under 10 clicks; the rest wait", async () => {
  const { page, server } = world;
  // Oxford's 90 nominations, for a session of 80 places.
  const admin = await apiAs(server.baseUrl, USERS.admin);
  const department = await admin.mutate<{ id: string }>("staff.departments.create", {
    name: "Zedfield Children's Services",
  });
  const staffIds: string[] = [];
  for (let n = 1; n <= 90; n += 1) {
    const person = await admin.mutate<{ id: string }>("staff.create", {
      employeeNumber: `ZC${String(n).padStart(4, "0")}`,
      name: `Person ${String(n).padStart(2, "0")} Zedfield`,
      email: null,
      jobTitle: "Social worker",
      departmentId: department.id,
      managerId: null,
    });
    staffIds.push(person.id);
  }
  const sessionId = await sessionStartingIn(7 * 24 * 60 * 60, 80);
  await admin.mutate("training.nominations.create", { sessionId, staffIds });

  await page.goto(`/training/sessions/${sessionId}`);
  await settled(page);
  const hr = counted(page);
  await hr.click("Select all 90 people shown", "checkbox");
  await page.getByText("90 people selected").waitFor();
  await hr.click("Book selected");
  await page.getByText("Booked: 80, Waiting list: 10").waitFor();
  expect(hr.clicks).toBeLessThan(10);
  const outcomes = page.getByRole("table", { name: "What happened to each person" });
  expect(await outcomes.locator("tbody tr").count()).toBe(90);
  await page.getByText("80 booked of 80").waitFor();
  await expectNoAxeViolations(page, "the session page with each person's outcome");
  await screenshot(page, "bulk-booked");

  // Cancelling asks for a reason on a confirmation page first, and a freed place goes to the list.
  await page.getByLabel("Show", { exact: true }).selectOption({ label: "Booked" });
  await page.getByLabel("Select Person 01 Zedfield").check();
  await page.getByRole("button", { name: "Cancel selected" }).click();
  await page.getByRole("heading", { name: "Cancel 1 nomination?" }).waitFor();
  await page.getByRole("button", { name: "Cancel 1 nomination" }).click();
  await page.getByRole("link", { name: "Enter the reason for cancelling" }).waitFor();
  await expectNoAxeViolations(page, "the cancel confirmation with an error");
  await page.getByLabel("Reason for cancelling").fill("Moved to another team");
  await page.getByRole("button", { name: "Cancel 1 nomination" }).click();
  await page.getByText("Booked from the waiting list into the places freed").waitFor();
}, 120_000);

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
