import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

import { expectNoAxeViolations, launchBrowser, newPage, settled } from "./support/browser";
import { startServer, type RunningServer } from "./support/server";

// A council going live: the server starts with no demo and no organisation, and everything from
// there is done through the command and the web pages, as the README's "Going live" describes.
const ADMIN_EMAIL = "lead@oxford.example";
const HR_EMAIL = "hr@oxford.example";
const ADMIN_PASSWORD = "correct horse battery staple";
const HR_PASSWORD = "kettle orchard lantern ribbon";
const HR_NEW_PASSWORD = "meadow copper violin harbour";

let server: RunningServer;
let browser: Browser;
let admin: Page;
let hr: Page;
let adminLink = "";

beforeAll(async () => {
  server = await startServer({ demo: false });
  browser = await launchBrowser();
  ({ page: admin } = await newPage(browser, server.baseUrl));
  ({ page: hr } = await newPage(browser, server.baseUrl));
});

afterAll(async () => {
  await browser.close();
  await server.stop();
});

/** The path and fragment of the set-password link in `text` (the host is the server's own). */
function linkIn(text: string): string {
  const match = /\/set-password#token=[\w-]+/.exec(text);
  expect(match, `a set-password link in:\n${text}`).not.toBeNull();
  return match?.[0] ?? "";
}

/** Chooses a password on a set-password page and waits until signed in. */
async function setPassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).waitFor();
  await expectNoAxeViolations(page, "the set-password page");
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password").fill(password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await page.getByRole("button", { name: /^Sign out/ }).waitFor();
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function visit(page: Page, path: string, what: string): Promise<void> {
  await page.goto(path);
  await settled(page);
  await expectNoAxeViolations(page, what);
}

test("before set-up, the sign-in page says so and shows the command; there is no sign-up", async () => {
  await admin.goto("/sign-in");
  await admin.getByRole("heading", { name: "dapkit has not been set up yet" }).waitFor();
  expect(await admin.locator("pre code").textContent()).toContain(
    "dapkit-server create-organisation --name",
  );
  expect(await admin.getByLabel("Password").count()).toBe(0);
  expect(await admin.title()).toBe("dapkit has not been set up yet – dapkit");
  await expectNoAxeViolations(admin, "the not-set-up page");
});

test("create-organisation prints a single-use link; a bad or repeated command is refused", async () => {
  const created = await server.command([
    "create-organisation",
    "--name",
    "Oxford City Council",
    "--admin-email",
    ADMIN_EMAIL,
  ]);
  expect(created.code, created.output).toBe(0);
  adminLink = linkIn(created.output);

  const again = await server.command([
    "create-organisation",
    "--name",
    "oxford city council",
    "--admin-email",
    "other@oxford.example",
  ]);
  expect(again.code).not.toBe(0);
  expect(again.output).toContain("already exists");
});

test("a link that is not complete cannot be used", async () => {
  await admin.goto("/set-password#token=not-a-real-token");
  await admin.getByRole("heading", { name: "This link cannot be used" }).waitFor();
  await expectNoAxeViolations(admin, "the unusable-link page");
});

test("the first administrator sets a password from the link, and sees the admin pages", async () => {
  await admin.goto(adminLink);
  await admin.getByRole("heading", { name: "Set your password" }).waitFor();
  // Passwords that differ are caught before anything is sent.
  await admin.getByLabel("New password", { exact: true }).fill(ADMIN_PASSWORD);
  await admin.getByLabel("Confirm new password").fill("something else entirely");
  await admin.getByRole("button", { name: "Set password and sign in" }).click();
  await admin.locator(".govuk-error-summary").getByText("The passwords do not match").waitFor();

  await setPassword(admin, adminLink, ADMIN_PASSWORD);
  expect(await admin.getByText(/^Signed in as/).textContent()).toBe(
    "Signed in as Administrator (Administrator)",
  );
  const nav = admin.getByRole("navigation", { name: "Menu" });
  for (const item of ["Users", "Audit log", "Settings", "My account"]) {
    await nav.getByRole("link", { name: item }).waitFor();
  }
  expect(await admin.title()).toMatch(/ – dapkit – Oxford City Council$/);

  // The link works once.
  await hr.goto(adminLink);
  await hr.getByRole("heading", { name: "This link cannot be used" }).waitFor();
});

test("the administrator invites an HR user, who sets a password and signs in", async () => {
  await visit(admin, "/users", "the users page");
  await admin.getByRole("button", { name: "Invite a user" }).click();
  await admin.getByRole("heading", { name: "Invite a user" }).waitFor();
  await admin.getByRole("button", { name: "Invite user" }).click();
  await admin.locator(".govuk-error-summary").waitFor();
  await expectNoAxeViolations(admin, "the invite page with errors");

  await admin.getByLabel("Full name").fill("Harriet Rowe");
  await admin.getByLabel("Email address").fill(HR_EMAIL);
  await admin.getByLabel("HR", { exact: true }).check();
  // This server has no mail server, so emailing the link is refused, saying why, and adds nobody.
  await admin.getByLabel("Email it to them").check();
  await admin.getByRole("button", { name: "Invite user" }).click();
  await admin
    .locator(".govuk-error-summary")
    .getByText(/No mail server is set up/)
    .waitFor();
  await admin.getByLabel("Show me the link, and I will send it to them").check();
  await admin.getByRole("button", { name: "Invite user" }).click();
  await admin.getByRole("heading", { name: "Harriet Rowe has been invited" }).waitFor();
  await expectNoAxeViolations(admin, "the invited page");
  const link = linkIn(await admin.getByLabel("Single-use link").inputValue());

  await setPassword(hr, link, HR_PASSWORD);
  expect(await hr.getByText(/^Signed in as/).textContent()).toBe("Signed in as Harriet Rowe (HR)");
  expect(await hr.getByRole("link", { name: "Users" }).count()).toBe(0);
  await hr.goto("/users");
  await hr.getByRole("heading", { name: "You do not have access to this page" }).waitFor();
});

test("the administrator changes HR's role, which signs HR out to sign in with the new one", async () => {
  await visit(admin, "/users", "the users page with two users");
  await admin.getByRole("link", { name: "Harriet Rowe" }).click();
  await admin.getByRole("heading", { name: "Harriet Rowe" }).waitFor();
  await expectNoAxeViolations(admin, "a user's page");
  await admin.getByRole("link", { name: "Change role" }).click();
  await admin.getByRole("group", { name: /Change role/ }).waitFor();
  await expectNoAxeViolations(admin, "the change-role page");
  await admin.getByLabel("Viewer", { exact: true }).check();
  await admin.getByRole("button", { name: "Save role" }).click();
  await admin.getByText("Harriet Rowe's role has been changed").waitFor();

  // HR's open tab: the old role's session has ended, so the next page asks them to sign in.
  await hr.goto("/account");
  await hr.waitForURL(/\/sign-in\?next=%2Faccount/);
  await signInAs(hr, HR_EMAIL, HR_PASSWORD);
  await hr.waitForURL(/\/account$/);
  expect(await hr.getByText(/^Signed in as/).textContent()).toBe(
    "Signed in as Harriet Rowe (Viewer)",
  );
});

test("a reset password must be changed at the next sign-in", async () => {
  await visit(admin, "/users", "the users page");
  await admin.getByRole("link", { name: "Harriet Rowe" }).click();
  await admin.getByRole("button", { name: "Reset password" }).click();
  await admin.getByRole("heading", { name: "Reset Harriet Rowe's password?" }).waitFor();
  await expectNoAxeViolations(admin, "the reset confirmation");
  await admin.getByRole("button", { name: "Reset password" }).click();
  await admin.getByRole("heading", { name: "Harriet Rowe's password has been reset" }).waitFor();
  await expectNoAxeViolations(admin, "the reset link page");
  expect(linkIn(await admin.getByLabel("Single-use link").inputValue())).not.toBe("");

  // The old password still proves who they are, but only to choose a new one.
  await hr.goto("/staff");
  await hr.waitForURL(/\/sign-in/);
  await signInAs(hr, HR_EMAIL, HR_PASSWORD);
  await hr.getByRole("heading", { name: "Choose a new password" }).waitFor();
  await expectNoAxeViolations(hr, "the forced password change");
  await hr.getByLabel("New password", { exact: true }).fill(HR_NEW_PASSWORD);
  await hr.getByLabel("Confirm new password").fill(HR_NEW_PASSWORD);
  await hr.getByRole("button", { name: "Set password and sign in" }).click();
  await hr.waitForURL(/\/staff$/);
  await hr.getByRole("button", { name: /^Sign out/ }).waitFor();
});

test("API tokens are shown once and revoked after a confirmation", async () => {
  await visit(admin, "/account/tokens/new", "create an API token");
  await admin.getByLabel("Token name").fill("Uptake report script");
  await admin.getByLabel("Days until it expires").fill("30");
  await admin.getByRole("button", { name: "Create token" }).click();
  await admin.getByRole("heading", { name: "API token “Uptake report script” created" }).waitFor();
  await expectNoAxeViolations(admin, "the new token");
  expect((await admin.getByLabel("API token").inputValue()).length).toBeGreaterThan(20);

  await visit(admin, "/account", "my account with a token");
  await admin.getByRole("link", { name: "Revoke Uptake report script" }).click();
  await admin
    .getByRole("heading", { name: /revoke the API token “Uptake report script”/ })
    .waitFor();
  await expectNoAxeViolations(admin, "the revoke confirmation");
  await admin.getByRole("button", { name: "Revoke token" }).click();
  await admin.getByText("The API token “Uptake report script” has been revoked").waitFor();
  await admin.getByRole("cell", { name: "Revoked" }).waitFor();
});

test("every new page passes axe: account, settings, audit log", async () => {
  await visit(admin, "/account", "my account");
  await visit(admin, "/account/password", "change password");
  await visit(admin, "/account/sign-out-everywhere", "sign out everywhere");
  await visit(admin, "/settings", "settings");
  await visit(admin, "/audit", "the audit log");
  // The role change is in the log, readably.
  await admin.getByLabel("Action").selectOption({ label: "Update" });
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await admin.getByRole("cell", { name: /Role/ }).first().waitFor();
  await expectNoAxeViolations(admin, "the filtered audit log");
});

test("deactivating HR, after a confirmation, ends their open session", async () => {
  await visit(admin, "/users", "the users page");
  await admin.getByRole("link", { name: "Harriet Rowe" }).click();
  await admin.getByRole("button", { name: "Deactivate" }).click();
  await admin
    .getByRole("heading", { name: "Are you sure you want to deactivate Harriet Rowe?" })
    .waitFor();
  await expectNoAxeViolations(admin, "the deactivate confirmation");
  await admin.getByRole("button", { name: "Deactivate Harriet Rowe" }).click();
  await admin.getByText("Harriet Rowe has been deactivated").waitFor();

  // HR's tab was open all along: its next page finds it signed out.
  await hr.goto("/account");
  await hr.waitForURL(/\/sign-in/);
  const me = await hr.request.get("/trpc/auth.me");
  expect(JSON.stringify(await me.json())).toContain('"data":null');

  // And their password no longer signs them in.
  await signInAs(hr, HR_EMAIL, HR_NEW_PASSWORD);
  await hr.locator(".govuk-error-summary").waitFor();
  await expectNoAxeViolations(hr, "the sign-in page with an error");
});

test("signing out everywhere, after a confirmation, ends the administrator's session too", async () => {
  await visit(admin, "/account/sign-out-everywhere", "sign out everywhere");
  await admin.getByRole("button", { name: "Sign out everywhere" }).click();
  await admin.waitForURL(/\/sign-in/);
  await admin.getByText("You have been signed out everywhere, including here").waitFor();
  await admin.goto("/users");
  await admin.waitForURL(/\/sign-in\?next=%2Fusers/);
});
