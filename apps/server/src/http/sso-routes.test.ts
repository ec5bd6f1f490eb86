import type { Server } from "node:http";

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { SSO_PATHS, type SsoRefusalReason, type UserRole } from "@dapkit/contract";

import { SESSION_COOKIE } from "../auth/cookie";
import { ADDRESS_POLICY, SignInLimiter } from "../auth/sign-in-limiter";
import { auditLog, organisations, users } from "../db/schema";
import { createStaff, scopeAs } from "../test/builders";
import { callProcedure, close, listen } from "../test/http-client";
import { startTestProvider, type ProviderAccount, type TestProvider } from "../test/oidc-provider";
import {
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganisation,
} from "../test/test-app";
import { createHttpServer } from "./create-server";
import { routes } from "./routes";
import { SSO_COOKIE } from "./sso-routes";

// The tracker and a real OpenID Provider, each on its own loopback port, talking over HTTP.
let app: TestApp;
let tracker: Server;
let trackerUrl: string;
let provider: TestProvider;
let otherProvider: TestProvider;
let org: TestOrganisation;

const DOMAIN = "northshire.example";

beforeAll(async () => {
  app = createTestApp();
  tracker = createHttpServer(app.deps, { webRoot: "/nonexistent", routes, trustProxy: false });
  trackerUrl = await listen(tracker);
  provider = await startTestProvider(`${trackerUrl}${SSO_PATHS.callback}`);
  otherProvider = await startTestProvider(`${trackerUrl}${SSO_PATHS.callback}`);
  org = await app.createOrganisation("Northshire");
});

afterAll(async () => {
  await close(tracker);
  await provider.stop();
  await otherProvider.stop();
});

function configure(settings: Partial<typeof organisations.$inferInsert> = {}): void {
  app.db
    .update(organisations)
    .set({
      ssoEnabled: true,
      ssoIssuerUrl: provider.issuer,
      ssoClientId: provider.clientId,
      ssoClientSecret: provider.clientSecret,
      ssoAllowedDomains: [DOMAIN],
      ssoRoleClaim: null,
      ssoRoleMapping: {},
      ssoDefaultRole: null,
      ssoCreateUnknownUsers: false,
      ...settings,
    })
    .where(eq(organisations.id, org.id))
    .run();
}

beforeEach(() => {
  configure();
  provider.setCodeLifetime(60);
  app.db.update(users).set({ active: true }).where(eq(users.organisationId, org.id)).run();
});

/** Cookies one site has set, sent back on every request to it. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(";")[0] ?? "";
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function get(url: string | URL, jar: CookieJar): Promise<Response> {
  const response = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
  jar.store(response);
  return response;
}

function locationOf(response: Response, base: string): URL {
  const location = response.headers.get("location");
  if (location == null) throw new Error(`no redirect (status ${response.status})`);
  return new URL(location, base);
}

/** Asks the tracker to start single sign-on for `email`; the answer redirects to a provider. */
async function start(email: string, browser: CookieJar): Promise<Response> {
  return get(`${trackerUrl}${SSO_PATHS.start}?email=${encodeURIComponent(email)}`, browser);
}

/**
 * Follows the provider's redirects, signed in there as `account`, until it sends the browser
 * back to the tracker, and returns that callback address (not yet visited).
 */
async function signInAtProvider(
  authorisationUrl: URL,
  account: ProviderAccount,
  at: TestProvider = provider,
): Promise<URL> {
  at.signInAs(account);
  const jar = new CookieJar();
  let url = authorisationUrl;
  for (let hops = 0; hops < 10; hops += 1) {
    const response = await get(url, jar);
    url = locationOf(response, url.href);
    if (url.href.startsWith(trackerUrl)) return url;
  }
  throw new Error("the provider never sent the browser back");
}

/** The whole journey up to the callback: start at the tracker, sign in at the provider. */
async function callbackFor(
  account: ProviderAccount,
  email = account.email,
): Promise<{ browser: CookieJar; callback: URL }> {
  const browser = new CookieJar();
  const started = await start(email, browser);
  expect(started.status).toBe(303);
  const callback = await signInAtProvider(locationOf(started, trackerUrl), account);
  return { browser, callback };
}

/** Visits the callback; the tracker answers with a redirect to the app or the sign-in page. */
async function finish(callback: URL, browser: CookieJar) {
  const response = await get(callback, browser);
  const body = await response.text();
  return { status: response.status, location: locationOf(response, trackerUrl), body };
}

async function me(browser: CookieJar): Promise<{ email: string; role: UserRole } | null> {
  const session = browser.get(SESSION_COOKIE);
  if (session === undefined || session === "") return null;
  const answer = await callProcedure(trackerUrl, "auth.me", {
    cookie: `${SESSION_COOKIE}=${session}`,
  });
  return (answer.body as { result: { data: { email: string; role: UserRole } | null } }).result
    .data;
}

/** Why the latest refused sign-in was refused, as the audit log records it. */
function lastFailureReason(): string {
  const rows = app.db.select().from(auditLog).where(eq(auditLog.action, "sign_in_failed")).all();
  return (rows.at(-1)?.after as { reason?: string } | null)?.reason ?? "";
}

async function expectRefused(
  outcome: { location: URL; body: string },
  browser: CookieJar,
  reason: SsoRefusalReason,
) {
  expect(outcome.location.pathname).toBe("/sign-in");
  expect(outcome.location.search).toBe(`?sso=${reason}`);
  expect(outcome.body).toBe("");
  expect(await me(browser)).toBeNull();
}

describe("single sign-on against a real OpenID Provider", () => {
  it("signs a known user in with the same session a password gives, audited with the address", async () => {
    const hr = org.users.hr;
    const { browser, callback } = await callbackFor({ email: hr.email });
    expect(callback.searchParams.get("iss")).toBe(provider.issuer);

    const outcome = await finish(callback, browser);

    expect(outcome.status).toBe(303);
    expect(outcome.location.href).toBe(`${trackerUrl}/`);
    expect(await me(browser)).toMatchObject({ email: hr.email, role: "hr" });
    expect(browser.get(SSO_COOKIE)).toBe("");
    const row = app.db.select().from(users).where(eq(users.id, hr.id)).get();
    expect(row?.lastSignInAt).toBe(app.clock.now.toISOString());
    const audit = app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "sign_in"), eq(auditLog.userId, hr.id)))
      .all()
      .at(-1);
    expect(audit).toMatchObject({ source: "127.0.0.1", organisationId: org.id });
    expect(audit?.after).toEqual({ method: "single sign-on" });
  });

  it("refuses a code brought back twice, even with the first sign-in's cookie, or under a new state", async () => {
    const { browser, callback } = await callbackFor({ email: org.users.viewer.email });
    const usedCookie = browser.get(SSO_COOKIE) ?? "";
    expect((await finish(callback, browser)).location.pathname).toBe("/");

    // The same callback again, with a copy of the cookie the first sign-in had.
    const replay = new CookieJar();
    replay.set(SSO_COOKIE, usedCookie);
    await expectRefused(await finish(callback, replay), replay, "failed");
    expect(lastFailureReason()).toMatch(/no sign-in was waiting/);

    // The used code under a fresh sign-in's state and cookie: the provider refuses the code.
    const fresh = new CookieJar();
    const started = locationOf(await start(org.users.viewer.email, fresh), trackerUrl);
    const forged = new URL(callback);
    forged.searchParams.set("state", started.searchParams.get("state") ?? "");
    await expectRefused(await finish(forged, fresh), fresh, "failed");
    expect(lastFailureReason()).toMatch(/invalid_grant/);
  });

  it("refuses a code used after it expired at the provider", async () => {
    provider.setCodeLifetime(1);
    const { browser, callback } = await callbackFor({ email: org.users.hr.email });
    await new Promise((resolve) => setTimeout(resolve, 2100));

    await expectRefused(await finish(callback, browser), browser, "failed");
    expect(lastFailureReason()).toMatch(/invalid_grant/);
  });

  it("sends PKCE, state and nonce, and keeps only a key in a short-lived HttpOnly cookie", async () => {
    const started = await start(org.users.hr.email, new CookieJar());
    const request = locationOf(started, trackerUrl);

    expect(request.origin).toBe(provider.issuer);
    expect(request.searchParams.get("code_challenge_method")).toBe("S256");
    for (const parameter of ["code_challenge", "state", "nonce"]) {
      expect(request.searchParams.get(parameter)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(request.searchParams.get("login_hint")).toBe(org.users.hr.email);
    expect(request.searchParams.get("redirect_uri")).toBe(`${trackerUrl}${SSO_PATHS.callback}`);
    const [cookie = ""] = started.headers.getSetCookie();
    expect(cookie).toMatch(new RegExp(`^${SSO_COOKIE}=[A-Za-z0-9_-]{43}; `));
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Max-Age=600");
    expect(cookie).not.toContain(request.searchParams.get("state") ?? "(none)");
  });

  it("refuses a callback once the organisation has turned single sign-on off", async () => {
    const { browser, callback } = await callbackFor({ email: org.users.hr.email });
    configure({ ssoEnabled: false });

    await expectRefused(await finish(callback, browser), browser, "unavailable");
    expect(lastFailureReason()).toBe("single sign-on was turned off");
  });

  it("refuses a tampered state", async () => {
    const { browser, callback } = await callbackFor({ email: org.users.hr.email });
    callback.searchParams.set("state", "made-up-state");

    await expectRefused(await finish(callback, browser), browser, "failed");
    expect(lastFailureReason()).toMatch(/unexpected "state"/);
  });

  it("refuses a callback with no sign-in waiting, or one left longer than ten minutes", async () => {
    const { callback } = await callbackFor({ email: org.users.hr.email });
    const stranger = new CookieJar();
    await expectRefused(await finish(callback, stranger), stranger, "failed");
    expect(lastFailureReason()).toMatch(/no sign-in was waiting/);

    const late = await callbackFor({ email: org.users.hr.email });
    const startedAt = app.clock.now;
    app.clock.now = new Date(startedAt.getTime() + 11 * 60 * 1000);
    try {
      await expectRefused(await finish(late.callback, late.browser), late.browser, "failed");
      expect(lastFailureReason()).toMatch(/no sign-in/);
    } finally {
      app.clock.now = startedAt;
    }
  });

  it("refuses a code from another issuer (a mix-up), with or without its iss parameter", async () => {
    // The tracker's own authorisation request, taken to a different provider that knows the
    // same client: its code carries that provider's issuer.
    const browser = new CookieJar();
    const started = await start(org.users.hr.email, browser);
    const mixedUp = locationOf(started, trackerUrl);
    const elsewhere = new URL(otherProvider.issuer);
    mixedUp.protocol = elsewhere.protocol;
    mixedUp.host = elsewhere.host;
    const callback = await signInAtProvider(mixedUp, { email: org.users.hr.email }, otherProvider);
    expect(callback.searchParams.get("iss")).toBe(otherProvider.issuer);

    await expectRefused(await finish(callback, browser), browser, "failed");
    expect(lastFailureReason()).toMatch(/unexpected "iss"/);

    const second = new CookieJar();
    const again = locationOf(await start(org.users.hr.email, second), trackerUrl);
    again.protocol = elsewhere.protocol;
    again.host = elsewhere.host;
    const stripped = await signInAtProvider(again, { email: org.users.hr.email }, otherProvider);
    stripped.searchParams.delete("iss");
    await expectRefused(await finish(stripped, second), second, "failed");
    expect(lastFailureReason()).toMatch(/"iss" \(issuer\) missing/);
  });

  it("refuses to start when the provider does not name itself as the configured issuer", async () => {
    configure({ ssoIssuerUrl: provider.issuer.replace("127.0.0.1", "localhost") });
    const browser = new CookieJar();
    const started = await start(org.users.hr.email, browser);

    expect(locationOf(started, trackerUrl).search).toBe("?sso=unavailable");
    expect(lastFailureReason()).toMatch(/discovery failed/);
  });

  it("refuses an address whose domain the organisation does not allow", async () => {
    configure({ ssoCreateUnknownUsers: true, ssoDefaultRole: "viewer" });
    const { browser, callback } = await callbackFor(
      { email: "someone@elsewhere.example" },
      org.users.hr.email,
    );

    await expectRefused(await finish(callback, browser), browser, "not-allowed");
    expect(lastFailureReason()).toBe("the email domain is not allowed");
    expect(
      app.db.select().from(users).where(eq(users.email, "someone@elsewhere.example")).get(),
    ).toBeUndefined();
  });

  it("refuses a deactivated user", async () => {
    const hr = org.users.hr;
    app.db.update(users).set({ active: false }).where(eq(users.id, hr.id)).run();
    const { browser, callback } = await callbackFor({ email: hr.email });

    await expectRefused(await finish(callback, browser), browser, "not-allowed");
    expect(lastFailureReason()).toBe("the user is deactivated");
  });

  it("links an account to its provider subject, and refuses the address under another subject", async () => {
    const manager = org.users.manager;
    const first = await callbackFor({ email: manager.email, subject: "manager-original" });
    expect((await finish(first.callback, first.browser)).location.pathname).toBe("/");
    const row = app.db.select().from(users).where(eq(users.id, manager.id)).get();
    expect(row?.ssoSubject).toBe("manager-original");

    // The provider has given the address to someone else since: not the same person.
    const reused = await callbackFor({ email: manager.email, subject: "someone-new" });
    await expectRefused(
      await finish(reused.callback, reused.browser),
      reused.browser,
      "not-allowed",
    );
    expect(lastFailureReason()).toBe("the address is linked to another subject");
  });

  it("refuses an address the provider says is not verified", async () => {
    const { browser, callback } = await callbackFor({
      email: org.users.hr.email,
      emailVerified: false,
    });

    await expectRefused(await finish(callback, browser), browser, "not-allowed");
    expect(lastFailureReason()).toBe("the provider says the email is not verified");
  });

  it("refuses an unknown user while creating users is off, and creates none", async () => {
    const email = `new.person@${DOMAIN}`;
    const { browser, callback } = await callbackFor({ email, groups: ["dapkit-hr"] });

    await expectRefused(await finish(callback, browser), browser, "not-allowed");
    expect(lastFailureReason()).toBe("unknown user and creation is off");
    expect(app.db.select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
  });

  it("creates an unknown user with the role their groups map to when creating is on", async () => {
    configure({
      ssoCreateUnknownUsers: true,
      ssoRoleClaim: "groups",
      ssoRoleMapping: { "dapkit-hr": "hr", "dapkit-viewers": "viewer" },
      ssoDefaultRole: "viewer",
    });
    const email = `mapped.person@${DOMAIN}`;
    const { browser, callback } = await callbackFor({
      email,
      name: "Mapped Person",
      groups: ["dapkit-viewers", "unrelated", "dapkit-hr"],
    });

    const outcome = await finish(callback, browser);

    expect(outcome.location.pathname).toBe("/");
    expect(await me(browser)).toMatchObject({ email, role: "hr" });
    const created = app.db.select().from(users).where(eq(users.email, email)).get();
    expect(created).toMatchObject({
      organisationId: org.id,
      name: "Mapped Person",
      role: "hr",
      passwordHash: null,
    });
  });

  it("links a created user to the current staff record with their email, for My training", async () => {
    configure({ ssoCreateUnknownUsers: true, ssoDefaultRole: "viewer" });
    const email = `staff.member@${DOMAIN}`;
    // Matched whatever the case: HR systems and identity providers spell addresses differently.
    const person = createStaff(scopeAs(app, org.users.hr), { email: `Staff.Member@${DOMAIN}` });
    const { browser, callback } = await callbackFor({ email, name: "Staff Member" });
    await finish(callback, browser);
    expect(await me(browser)).toMatchObject({ role: "viewer", staffId: person.id });
  });

  it("gives a created user the default role when no group maps, and refuses when there is none", async () => {
    configure({
      ssoCreateUnknownUsers: true,
      ssoRoleClaim: "groups",
      ssoRoleMapping: { "dapkit-hr": "hr" },
      ssoDefaultRole: "manager",
    });
    const first = await callbackFor({ email: `default.role@${DOMAIN}`, groups: ["other"] });
    await finish(first.callback, first.browser);
    expect(await me(first.browser)).toMatchObject({ role: "manager" });

    configure({ ssoCreateUnknownUsers: true, ssoRoleClaim: "groups", ssoDefaultRole: null });
    const second = await callbackFor({ email: `no.role@${DOMAIN}`, groups: ["other"] });
    await expectRefused(
      await finish(second.callback, second.browser),
      second.browser,
      "not-allowed",
    );
    expect(lastFailureReason()).toBe("no role maps and no default");
    expect(
      app.db
        .select()
        .from(users)
        .where(eq(users.email, `no.role@${DOMAIN}`))
        .get(),
    ).toBeUndefined();
  });

  it("works as an administrator sets it up, with password sign-in off and the secret write-only", async () => {
    app.db
      .update(organisations)
      .set({ ssoEnabled: false, ssoIssuerUrl: null, ssoClientId: null, ssoClientSecret: null })
      .where(eq(organisations.id, org.id))
      .run();
    const admin = app.caller(org.users.admin);
    // Plain http is refused for a provider anywhere but this machine.
    await expect(
      admin.organisation.settings.update({
        sso: { issuerUrl: "http://login.example/tenant/v2.0" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const settings = await admin.organisation.settings.update({
      passwordSignInAllowed: false,
      sso: {
        enabled: true,
        issuerUrl: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        allowedDomains: [DOMAIN.toUpperCase()],
      },
    });
    expect(settings.sso).toMatchObject({ enabled: true, clientSecretSet: true });
    expect(JSON.stringify(settings)).not.toContain(provider.clientSecret);

    try {
      await expect(
        app.caller(null).auth.signIn({ email: org.users.hr.email, password: TEST_PASSWORD }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      const { browser, callback } = await callbackFor({ email: org.users.hr.email });
      expect((await finish(callback, browser)).location.pathname).toBe("/");
      expect(await me(browser)).toMatchObject({ email: org.users.hr.email });
    } finally {
      await admin.organisation.settings.update({ passwordSignInAllowed: true });
    }
  });

  it("tells the sign-in page whether any organisation uses single sign-on", async () => {
    const available = async () =>
      (
        (await (await fetch(`${trackerUrl}${SSO_PATHS.availability}`)).json()) as {
          available: boolean;
        }
      ).available;
    expect(await available()).toBe(true);
    configure({ ssoEnabled: false });
    expect(await available()).toBe(false);
    configure({ ssoClientSecret: null });
    expect(await available()).toBe(false);
  });

  it("turns a client away once 50 of its single sign-ons were refused, recording no more", async () => {
    app.deps.limiters.address = new SignInLimiter(ADDRESS_POLICY);
    try {
      const refused = async () =>
        locationOf(await start("someone@unknown-council.example", new CookieJar()), trackerUrl)
          .search;
      for (let attempt = 0; attempt < ADDRESS_POLICY.maxFailures; attempt += 1) {
        expect(await refused()).toBe("?sso=unavailable");
      }
      const recorded = app.db.select().from(auditLog).all().length;

      expect(await refused()).toBe("?sso=too-many");
      const browser = new CookieJar();
      const callback = new URL(`${trackerUrl}${SSO_PATHS.callback}?code=guess&state=guess`);
      await expectRefused(await finish(callback, browser), browser, "too-many");
      expect(app.db.select().from(auditLog).all()).toHaveLength(recorded);
    } finally {
      app.deps.limiters.address = new SignInLimiter(ADDRESS_POLICY);
    }
  });

  it("sends an address no organisation signs in with single sign-on back to the sign-in page", async () => {
    const browser = new CookieJar();
    const started = await start("someone@unknown-council.example", browser);

    expect(started.status).toBe(303);
    expect(locationOf(started, trackerUrl).search).toBe("?sso=unavailable");
    expect(browser.get(SSO_COOKIE)).toBeUndefined();
  });
});
