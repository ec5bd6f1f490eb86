import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

import { DEMO_PASSWORD } from "./server";

/** Debian's Chromium; the suite never downloads a browser. */
const CHROMIUM = process.env.DAPKIT_E2E_CHROMIUM ?? "/usr/bin/chromium";

const SCREENSHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));

/** The demo users, by the role each signs in as. */
export const USERS = {
  admin: "admin@northshire.example",
  hr: "hr@northshire.example",
  lead: "lead@northshire.example",
  manager: "manager@northshire.example",
  viewer: "viewer@northshire.example",
  agencyLead: "agency-lead@northshire.example",
} as const;

/** A demo user's role. */
export type Role = keyof typeof USERS;

/** Starts headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A fresh browser profile (no cookies) pointed at the server, and its first tab. */
export async function newPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  // A page error is a bug the user would see as a broken page; fail loudly.
  page.on("pageerror", (error) => {
    throw error;
  });
  return { context, page };
}

/** Signs in through the sign-in page and waits for the dashboard. */
export async function signIn(page: Page, role: Role): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(USERS[role]);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: /^Sign out/ }).waitFor();
}

/** Waits until the page has finished loading its data (no "Loading the …" left). */
export async function settled(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await expect.poll(() => page.getByText(/^Loading the /).count(), { timeout: 15_000 }).toBe(0);
}

/** Runs axe with the WCAG 2.2 AA rule sets and fails on any violation, listing them. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = result.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
