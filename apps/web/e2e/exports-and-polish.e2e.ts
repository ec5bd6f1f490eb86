import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";

import { apiAs } from "./support/api";
import { expectNoAxeViolations, settled, USERS } from "./support/browser";
import { journey } from "./support/journey";

const world = journey("admin");
const STAFF = 1_000;
const NOMINATED = 60;

/** A thousand more people (through the staff import), sixty of them nominated for the session. */
beforeAll(async () => {
  const admin = await apiAs(world.server.baseUrl, USERS.admin);
  const rows = Array.from(
    { length: STAFF },
    (_, i) =>
      `SC${String(i).padStart(5, "0")},Scale Person ${String(i)},,Support worker,Scale Directorate,,yes`,
  );
  const csv = [
    "employee_number,name,email,job_title,department,manager_employee_number,active",
    ...rows,
  ].join("\n");
  const imported = await admin.mutate<{ written: boolean }>("staff.importCsv", {
    csv,
    dryRun: false,
  });
  expect(imported.written).toBe(true);
  const { items } = await admin.query<{ items: { id: string }[] }>("staff.list", {
    search: "Scale Person",
    pageSize: NOMINATED,
  });
  await admin.mutate("training.nominations.create", {
    sessionId: world.fixtures.session.id,
    staffIds: items.map((person) => person.id),
    reason: "",
    mandatory: false,
  });
});

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settled(page);
}

describe("exports, titles, narrow screens and the nominate page at 1,000 people", () => {
  test("each page links to its exports, and every link downloads", async () => {
    const { page, fixtures } = world;
    const expected: Record<string, string[]> = {
      "/": ["/api/export/reports.xlsx"],
      "/training": ["/api/export/nominations.csv", "/api/export/sessions.xlsx"],
      [`/training/sessions/${fixtures.session.id}`]: [
        `/api/export/nominations.xlsx?sessionId=${fixtures.session.id}`,
      ],
      "/staff": ["/api/export/staff.csv", "/api/export/staff.xlsx"],
      "/accreditation": ["/api/export/evidence.xlsx"],
      "/funding": ["/api/export/funding-years.xlsx"],
      [`/funding/${fixtures.plan.id}`]: [
        `/api/export/funding-years.xlsx?planId=${fixtures.plan.id}`,
      ],
    };
    for (const [path, wanted] of Object.entries(expected)) {
      await visit(page, path);
      const hrefs = await page
        .locator('a[href^="/api/export/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      for (const href of wanted) expect(hrefs, `${href} on ${path}`).toContain(href);
      for (const href of hrefs) {
        const response = await page.request.get(href);
        expect(response.status(), `${href} from ${path}`).toBe(200);
        expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="dapkit-/);
        expect((await response.body()).byteLength).toBeGreaterThan(0);
      }
    }
  });

  test("titles read 'Page – Service – Organisation'", async () => {
    const { page, fixtures } = world;
    for (const path of ["/", "/training", "/staff", `/training/sessions/${fixtures.session.id}`]) {
      await visit(page, path);
      const heading = (await page.locator("h1").first().textContent())?.trim() ?? "";
      expect(await page.title(), path).toMatch(
        /^[^–]+ – dapkit – Northshire Borough Council \(demo\)$/,
      );
      expect(heading.length, `${path} has a heading`).toBeGreaterThan(0);
    }
  });

  test("at 375 pixels wide the main list pages do not scroll sideways", async () => {
    const { page, fixtures } = world;
    await page.setViewportSize({ width: 375, height: 800 });
    const wide: string[] = [];
    try {
      for (const path of [
        "/",
        "/training",
        "/training/courses",
        `/training/sessions/${fixtures.session.id}`,
        `/training/sessions/${fixtures.session.id}/nominate`,
        "/staff",
        "/accreditation",
        "/recommendations",
        "/funding",
        "/users",
        "/audit",
      ]) {
        await visit(page, path);
        // What sticks out past the right edge, outside any scrolling frame, if anything.
        const offenders = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          const sticking = [...document.querySelectorAll("body *")]
            .filter((element) => element.getBoundingClientRect().right > width + 1)
            .filter((element) => element.closest(".app-table-scroll, .app-scroll") == null)
            .slice(0, 5)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
          return sticking.length === 0 ? ["the page"] : sticking;
        });
        wide.push(...offenders.map((offender) => `${path}: ${offender}`));
      }
      expect(wide).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test("the nominate page lists a page of people at a time and passes axe", async () => {
    const { page, fixtures } = world;
    await visit(page, `/training/sessions/${fixtures.session.id}/nominate`);
    await page.getByText(/current staff/).waitFor();
    const listed = await page.locator(".govuk-checkboxes__item, .app-already-nominated").count();
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThanOrEqual(51);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(7_600);
    await expect.poll(() => page.getByRole("navigation", { name: "Pagination" }).count()).toBe(1);
    await expectNoAxeViolations(page, "the nominate page");
    // The people already nominated are on the first pages of the search, and still pass axe.
    await page.getByLabel("Name or employee number").fill("Scale Person");
    await page.getByRole("button", { name: "Find staff" }).click();
    await page.getByText(/matching staff/).waitFor();
    await expect.poll(() => page.getByText(/Already nominated/).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "the nominate page, searched");
  });

  test("the staff list pages by key: Next and Previous carry the position, and come back", async () => {
    const { page } = world;
    await visit(page, "/staff");
    const names = page.locator("table tbody tr th, table tbody tr td:first-child");
    await expect.poll(() => names.count()).toBeGreaterThan(0);
    const first = await names.allTextContents();
    await page.getByRole("link", { name: "Next page" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("page")).toBe("2");
    expect(new URL(page.url()).searchParams.get("after")).not.toBeNull();
    await expect.poll(async () => (await names.allTextContents())[0]).not.toBe(first[0]);
    const second = await names.allTextContents();
    expect(second.some((name) => first.includes(name))).toBe(false);
    await page.getByRole("link", { name: "Previous page" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("before")).not.toBeNull();
    await expect.poll(() => names.allTextContents()).toEqual(first);
    await expectNoAxeViolations(page, "the staff list, back on page 1");
  });

  test("the sessions list goes to a date, and says what is wrong with one that is not real", async () => {
    const { page } = world;
    await visit(page, "/training");
    const rows = page.locator("table tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const fill = async (day: string, month: string, year: string) => {
      await page.getByLabel("Day").fill(day);
      await page.getByLabel("Month").fill(month);
      await page.getByLabel("Year").fill(year);
      await page.getByRole("button", { name: "Go to date" }).click();
    };
    await fill("31", "2", "2026");
    await page.getByRole("link", { name: "Sessions from must be a real date" }).waitFor();
    await expectNoAxeViolations(page, "the sessions list, a date that is not real");
    await fill("1", "1", "2099");
    await page.getByText("There are no sessions on or after this date.").waitFor();
    expect(new URL(page.url()).searchParams.get("from")).toBe("2099-01-01");
    await fill("", "", "");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("from")).toBeNull();
  });

  test("the session page shows its nominations a page at a time", async () => {
    const { page, fixtures } = world;
    await visit(page, `/training/sessions/${fixtures.session.id}`);
    const rows = page.locator("table", { hasText: "Department" }).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByRole("link", { name: "Page 2" }).click();
    await expect.poll(() => rows.count()).toBe(NOMINATED - 50);
    // "Select all" takes everyone shown by the filter, on every page.
    await expect(
      page.getByLabel(`Select all ${String(NOMINATED)} people shown`).count(),
    ).resolves.toBe(1);
    await expectNoAxeViolations(page, "the session page, page 2");
  });
});
