import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import {
  expectNoAxeViolations,
  newPage,
  screenshot,
  settled,
  signIn,
  type Role,
} from "./support/browser";
import { journey } from "./support/journey";

const world = journey(null);

/** Follows the first link in the page's first table, if there is one (a record's own page). */
async function firstRecordOf(page: Page, path: string): Promise<string | null> {
  await page.goto(path);
  await settled(page);
  const link = page.locator("table tbody a.govuk-link").first();
  if ((await link.count()) === 0) return null;
  return link.getAttribute("href");
}

// The agency lead exists only in a partnership; partnership.e2e.ts checks their pages with axe.
type CouncilRole = Exclude<Role, "agencyLead">;

// The main pages each role uses; detail pages are found by following the lists.
const PAGES: Record<CouncilRole, string[]> = {
  admin: [
    "/",
    "/training",
    "/training/courses",
    "/training/courses/new",
    "/staff",
    "/staff/import",
    "/accreditation",
    "/recommendations",
    "/funding",
  ],
  hr: [
    "/",
    "/training",
    "/training/courses",
    "/training/sessions/new",
    "/staff",
    "/staff/import",
    "/accreditation/readiness",
    "/recommendations",
    "/funding",
  ],
  lead: [
    "/",
    "/accreditation",
    "/accreditation/readiness",
    "/accreditation/evidence/new",
    "/recommendations",
    "/funding",
  ],
  manager: ["/", "/training", "/staff"],
  viewer: ["/", "/training", "/staff", "/accreditation", "/recommendations", "/funding"],
};

// Lists whose first record is checked too, when the demo data has one.
const DETAIL_LISTS: Record<CouncilRole, string[]> = {
  admin: [],
  hr: [],
  lead: ["/accreditation"],
  manager: [],
  viewer: ["/accreditation"],
};

async function checkPage(
  page: Page,
  visit: { role: Role; path: string; label?: string },
): Promise<void> {
  const { role, path, label } = visit;
  await page.goto(path);
  await settled(page);
  // Every page has exactly one h1 and a title in the service's pattern.
  expect(await page.locator("h1").count(), `one h1 on ${path}`).toBe(1);
  expect(await page.title()).toMatch(/ – dapkit – Northshire Borough Council \(demo\)$/);
  await expectNoAxeViolations(page, `${path} as ${role}`);
  const name = label ?? (path === "/" ? "dashboard" : path.slice(1).replace(/[^a-z0-9]+/gi, "-"));
  await screenshot(page, `${role}-${name}`);
}

test("the sign-in page, and its error summary, pass axe", async () => {
  const { context, page } = await newPage(world.browser, world.server.baseUrl);
  await page.goto("/sign-in");
  await settled(page);
  await expectNoAxeViolations(page, "sign in");
  await screenshot(page, "sign-in");
  await page.getByLabel("Email address").fill("hr@northshire.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page
    .locator(".govuk-error-summary")
    .getByRole("link", { name: "Enter a correct email address and password" })
    .waitFor();
  expect(await page.title()).toBe("Error: Sign in – dapkit");
  await expectNoAxeViolations(page, "sign in with errors");
  await screenshot(page, "sign-in-errors");
  await context.close();
});

// Record pages, named for their screenshots; which roles see each follows their permissions.
function recordPages(role: CouncilRole): [string, string][] {
  const session = `/training/sessions/${world.fixtures.session.id}`;
  const pages: [string, string][] = [];
  if (role !== "lead" && role !== "viewer") pages.push(["session", session]);
  if (role === "hr")
    pages.push(["nominate", `${session}/nominate`], ["attendance", `${session}/attendance`]);
  if (role !== "manager") {
    pages.push(
      ["recommendation", `/recommendations/${world.fixtures.recommendation.id}`],
      ["funding-plan", `/funding/${world.fixtures.plan.id}`],
    );
  }
  if (role !== "lead" && role !== "viewer")
    pages.push(["staff-member", `/staff/${world.fixtures.team[0]?.id ?? ""}`]);
  return pages;
}

for (const role of Object.keys(PAGES) as CouncilRole[]) {
  test(`every main page passes axe (WCAG 2.2 AA) signed in as ${role}`, async () => {
    const { context, page } = await newPage(world.browser, world.server.baseUrl);
    await signIn(page, role);
    for (const path of PAGES[role]) await checkPage(page, { role, path });
    for (const [name, path] of recordPages(role))
      await checkPage(page, { role, path, label: name });
    for (const list of DETAIL_LISTS[role]) {
      const detail = await firstRecordOf(page, list);
      if (detail != null)
        await checkPage(page, { role, path: detail, label: `${list.slice(1)}-record` });
    }
    await context.close();
  });
}
