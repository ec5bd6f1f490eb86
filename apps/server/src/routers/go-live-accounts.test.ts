import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { findSession } from "../auth/session-store";
import { createContextInner } from "../context";
import { auditLog, users } from "../db/schema";
import { LINK_UNUSABLE } from "../services/auth/account-links";
import { PASSWORD_SIGN_IN_OFF } from "../services/auth/sign-in";
import { authenticateToken } from "../services/tokens/authenticate-token";
import { EMAIL_UNAVAILABLE } from "../services/users/manage-users";
import { createCaller } from "../router";
import { recordingCookies, TEST_PASSWORD } from "../test/test-app";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();
const NEW_PASSWORD = "lantern orchard quietly";

/** The token in a set-password link's fragment. */
function tokenOf(url: string): string {
  return new URL(url).hash.replace("#token=", "");
}

async function signInForCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const cookies = recordingCookies();
  await t.app.caller(null, { cookies }).auth.signIn({ email, password });
  const token = cookies.values.get("dapkit_session")?.value;
  if (token === undefined) throw new Error("no session cookie");
  return token;
}

function actions(): string[] {
  return t.app.db
    .select({ action: auditLog.action, entity: auditLog.entity })
    .from(auditLog)
    .all()
    .map((row) => `${row.entity}.${row.action}`);
}

/** A new link's outcome when the administrator was shown the link (the default). */
function shown<T extends { link: { url: string; expiresAt: string } | null }>(outcome: T) {
  const { link } = outcome;
  if (link == null) throw new Error("Expected the link to be shown");
  return { ...outcome, link };
}

describe("inviting and setting a password from the link", () => {
  test("an invited user sets a password once from the link, is signed in, and shows as active", async () => {
    const admin = t.app.caller(t.org.users.admin);
    const { user, link } = shown(
      await admin.users.invite({
        email: "Casey@Northshire.example",
        name: "Casey Example",
        role: "hr",
      }),
    );
    expect(user).toMatchObject({ email: "casey@northshire.example", status: "invited" });
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/set-password#token=[\w-]{43}$/);
    expect(link.expiresAt).toBe("2022-04-08T09:00:00.000Z");
    // Invited users have no password: no password signs them in.
    await expect(
      t.app.caller(null).auth.signIn({ email: user.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const token = tokenOf(link.url);
    expect(await t.app.caller(null).auth.accountLink({ token })).toMatchObject({
      email: user.email,
      organisationName: "Northshire",
      purpose: "invite",
    });
    const cookies = recordingCookies();
    const signedIn = await t.app
      .caller(null, { cookies, ip: "203.0.113.9" })
      .auth.setPassword({ token, password: NEW_PASSWORD });
    expect(signedIn).toMatchObject({ id: user.id, role: "hr" });
    // 32 random bytes in base64url, whose "-" may fall anywhere.
    expect(cookies.values.get("dapkit_session")?.value).toMatch(/^[\w-]{43}$/);
    // Used once: a second use, and a look, are refused alike.
    await expect(
      t.app.caller(null).auth.setPassword({ token, password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: LINK_UNUSABLE });
    await expect(t.app.caller(null).auth.accountLink({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const listed = await admin.users.list();
    expect(listed.find((row) => row.id === user.id)).toMatchObject({
      status: "active",
      lastSignInAt: "2022-04-05T09:00:00.000Z",
    });
    await expect(
      t.app.caller(null).auth.signIn({ email: user.email, password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ id: user.id, passwordChangeToken: null });
    expect(actions()).toEqual(
      expect.arrayContaining(["user.invite", "user.set_password", "session.sign_in"]),
    );
  });

  test("a link expires after 72 hours, a weak password is refused, and only admins invite", async () => {
    const { link } = shown(
      await t.app.caller(t.org.users.admin).users.invite({
        email: "dana@northshire.example",
        name: "Dana",
        role: "viewer",
      }),
    );
    const token = tokenOf(link.url);
    await expect(
      t.app.caller(null).auth.setPassword({ token, password: "passwordpassword" }),
    ).rejects.toThrow(/harder to guess/);
    t.app.clock.now = new Date("2022-04-08T09:00:00.000Z");
    await expect(
      t.app.caller(null).auth.setPassword({ token, password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      t.app.caller(t.org.users.hr).users.invite({ email: "e@x.example", name: "E", role: "hr" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // An address in use in another organisation is refused without saying so.
    await expect(
      t.app.caller(t.org.users.admin).users.invite({
        email: t.other.users.viewer.email,
        name: "Someone",
        role: "viewer",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: EMAIL_UNAVAILABLE });
  });

  test("the service is set up once an organisation exists", async () => {
    expect(await t.app.caller(null).auth.setupStatus()).toEqual({ setUp: true });
  });
});

describe("deactivation, reset and sign-in", () => {
  test("deactivating a user ends their sessions and API tokens at once; reactivating revives neither", async () => {
    const hr = t.org.users.hr;
    const session = await signInForCookie(hr.email);
    const { token } = await t.app
      .caller(hr)
      .account.tokens.create({ name: "Nightly script", expiresInDays: 30 });
    const now = { now: t.app.clock.now, source: "127.0.0.1" };
    expect(authenticateToken(t.app.db, token, now)?.user.id).toBe(hr.id);
    const admin = t.app.caller(t.org.users.admin);
    await admin.users.update({ id: hr.id, data: { active: false } });
    expect(findSession(t.app.db, session, t.app.clock.now)).toBeUndefined();
    expect(authenticateToken(t.app.db, token, now)).toBeUndefined();
    expect((await admin.users.list()).find((row) => row.id === hr.id)?.status).toBe("deactivated");
    await admin.users.update({ id: hr.id, data: { active: true } });
    expect(authenticateToken(t.app.db, token, now)).toBeUndefined();
  });

  test("a reset ends sessions and makes the next sign-in choose a new password first", async () => {
    const viewer = t.org.users.viewer;
    const session = await signInForCookie(viewer.email);
    const { link, user } = shown(
      await t.app.caller(t.org.users.admin).users.resetPassword({ id: viewer.id }),
    );
    expect(user.mustChangePassword).toBe(true);
    expect(link.url).toContain("#token=");
    expect(findSession(t.app.db, session, t.app.clock.now)).toBeUndefined();

    const cookies = recordingCookies();
    const answer = await t.app
      .caller(null, { cookies })
      .auth.signIn({ email: viewer.email, password: TEST_PASSWORD });
    expect(answer.passwordChangeToken).toEqual(expect.any(String));
    expect(cookies.values.size).toBe(0);
    await t.app.caller(null, { cookies }).auth.setPassword({
      token: answer.passwordChangeToken ?? "",
      password: NEW_PASSWORD,
    });
    expect(cookies.values.get("dapkit_session")?.value).toEqual(expect.any(String));
    // The admin's link was superseded by the newer one the sign-in made.
    await expect(
      t.app.caller(null).auth.setPassword({ token: tokenOf(link.url), password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      t.app.caller(null).auth.signIn({ email: viewer.email, password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ passwordChangeToken: null });
    // Another organisation's admin cannot reset this user.
    await expect(
      t.app.caller(t.other.users.admin).users.resetPassword({ id: viewer.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("with password sign-in off, a correct password is refused with a clear message", async () => {
    const admin = t.app.caller(t.org.users.admin);
    // Refused until single sign-on is on, or nobody could sign in.
    await expect(
      admin.organisation.settings.update({ passwordSignInAllowed: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await admin.organisation.settings.update({
      passwordSignInAllowed: false,
      sso: {
        enabled: true,
        issuerUrl: "https://login.example/tenant/v2.0",
        clientId: "dapkit",
        clientSecret: "a client secret",
        allowedDomains: ["Northshire.example"],
      },
    });
    await expect(
      t.app.caller(null).auth.signIn({ email: t.org.users.hr.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: PASSWORD_SIGN_IN_OFF });
    // A wrong password still gets the usual answer, saying nothing about the organisation.
    await expect(
      t.app.caller(null).auth.signIn({ email: t.org.users.hr.email, password: "wrong guess" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // The other organisation is unaffected.
    await expect(
      t.app.caller(null).auth.signIn({ email: t.other.users.hr.email, password: TEST_PASSWORD }),
    ).resolves.toMatchObject({ id: t.other.users.hr.id });
  });
});

describe("organisation settings", () => {
  test("an admin reads and changes them; the client secret is never returned or audited", async () => {
    const admin = t.app.caller(t.org.users.admin);
    expect(await admin.organisation.settings.get()).toMatchObject({
      name: "Northshire",
      attendanceTargetPercent: 80,
      passwordSignInAllowed: true,
      separateEvidenceApproval: true,
      sso: { enabled: false, clientSecretSet: false, createUnknownUsers: false },
    });
    const updated = await admin.organisation.settings.update({
      attendanceTargetPercent: 90,
      dahaFrameworkId: "daha-legacy",
      sso: { clientSecret: "s3cret-value-xyz", roleMapping: { "dapkit.hr": "hr" } },
    });
    expect(updated).toMatchObject({
      attendanceTargetPercent: 90,
      dahaFrameworkId: "daha-legacy",
      sso: { clientSecretSet: true, roleMapping: { "dapkit.hr": "hr" } },
    });
    expect(JSON.stringify(updated)).not.toContain("s3cret-value-xyz");
    const log = t.app.db.select().from(auditLog).all();
    expect(JSON.stringify(log)).not.toContain("s3cret-value-xyz");
    await expect(admin.organisation.settings.update({ sso: { enabled: true } })).rejects.toThrow(
      /give the issuer address/,
    );
    await expect(
      admin.organisation.settings.update({ attendanceTargetPercent: 101 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.app.caller(t.org.users.hr).organisation.settings.get()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await t.app.caller(t.other.users.admin).organisation.settings.get()).name).toBe(
      "Southshire",
    );
  });
});

describe("my account", () => {
  test("change password needs the current one and ends other sessions, not this one", async () => {
    const hr = t.org.users.hr;
    const other = await signInForCookie(hr.email);
    const mineToken = await signInForCookie(hr.email);
    const mine = findSession(t.app.db, mineToken, t.app.clock.now);
    if (mine === undefined) throw new Error("no session");
    const inMySession = createCaller(createContextInner(t.app.deps, { session: mine }));
    await expect(
      inMySession.account.changePassword({ currentPassword: "not it", newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Your current password is not right" });
    await inMySession.account.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(findSession(t.app.db, other, t.app.clock.now)).toBeUndefined();
    expect(findSession(t.app.db, mineToken, t.app.clock.now)?.user.id).toBe(hr.id);
    await expect(
      t.app.caller(null).auth.signIn({ email: hr.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      t.app.caller(null).auth.signIn({ email: hr.email, password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ id: hr.id });
    // A script's API token cannot change the password or make more tokens.
    const asToken = createCaller(
      createContextInner(t.app.deps, { session: { ...mine, via: "token" } }),
    );
    await expect(
      asToken.account.tokens.create({ name: "More", expiresInDays: 1 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("recent sign-ins list successes and failures with their address, newest first", async () => {
    const hr = t.org.users.hr;
    await t.app
      .caller(null, { ip: "198.51.100.7" })
      .auth.signIn({ email: hr.email, password: TEST_PASSWORD });
    await expect(
      t.app.caller(null, { ip: "192.0.2.66" }).auth.signIn({ email: hr.email, password: "guess" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await t.app.caller(hr).account.recentSignIns()).toEqual([
      {
        at: "2022-04-05T09:00:00.000Z",
        succeeded: false,
        source: "192.0.2.66",
        method: "password",
      },
      {
        at: "2022-04-05T09:00:00.000Z",
        succeeded: true,
        source: "198.51.100.7",
        method: "password",
      },
    ]);
    expect(await t.app.caller(t.org.users.viewer).account.recentSignIns()).toEqual([]);
    const account = await t.app.caller(hr).account.get();
    expect(account).toMatchObject({
      email: hr.email,
      organisationName: "Northshire",
      lastSignInAt: "2022-04-05T09:00:00.000Z",
      hasPassword: true,
      passwordSignInAllowed: true,
    });
    await expect(t.app.caller(null).account.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  test("sign out everywhere ends every session of the account", async () => {
    const hr = t.org.users.hr;
    const sessions = [await signInForCookie(hr.email), await signInForCookie(hr.email)];
    expect(await t.app.caller(hr).account.signOutEverywhere()).toEqual({
      signedOut: true,
      sessionsEnded: 2,
    });
    for (const token of sessions) {
      expect(findSession(t.app.db, token, t.app.clock.now)).toBeUndefined();
    }
    expect(actions()).toContain("session.sign_out_everywhere");
  });
});

describe("API tokens", () => {
  test("created once, listed without the secret, revoked, and audited; use is audited once a minute", async () => {
    const hr = t.app.caller(t.org.users.hr);
    const { token, details } = await hr.account.tokens.create({
      name: "Uptake export",
      expiresInDays: 7,
    });
    expect(token).toMatch(/^dapkit_[\w-]{43}$/);
    expect(details).toMatchObject({ status: "active", expiresAt: "2022-04-12T09:00:00.000Z" });
    const listed = await hr.account.tokens.list();
    expect(listed).toEqual([details]);
    expect(JSON.stringify(listed)).not.toContain(token);
    // Nobody else sees or revokes it.
    expect(await t.app.caller(t.org.users.admin).account.tokens.list()).toEqual([]);
    await expect(
      t.app.caller(t.org.users.admin).account.tokens.revoke({ id: details.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const use = (at: string) =>
      authenticateToken(t.app.db, token, { now: new Date(at), source: "10.0.0.5" });
    expect(use("2022-04-05T09:00:10.000Z")?.user).toMatchObject({ role: "hr" });
    use("2022-04-05T09:00:40.000Z");
    use("2022-04-05T09:01:10.000Z");
    const uses = t.app.db
      .select({ at: auditLog.at })
      .from(auditLog)
      .where(eq(auditLog.action, "use"))
      .all();
    expect(uses.map((row) => row.at)).toEqual([
      "2022-04-05T09:00:10.000Z",
      "2022-04-05T09:01:10.000Z",
    ]);
    expect((await hr.account.tokens.list())[0]?.lastUsedAt).toBe("2022-04-05T09:01:10.000Z");

    await hr.account.tokens.revoke({ id: details.id });
    expect(use("2022-04-05T09:02:00.000Z")).toBeUndefined();
    expect((await hr.account.tokens.list())[0]?.status).toBe("revoked");
    expect(actions()).toEqual(
      expect.arrayContaining(["api_token.create", "api_token.use", "api_token.revoke"]),
    );
  });

  test("an expired token is refused, and acts with its owner's current role", async () => {
    const { token } = await t.app
      .caller(t.org.users.viewer)
      .account.tokens.create({ name: "Short", expiresInDays: 1 });
    await t.app
      .caller(t.org.users.admin)
      .users.update({ id: t.org.users.viewer.id, data: { role: "manager" } });
    const at = (iso: string) => ({ now: new Date(iso), source: "10.0.0.5" });
    expect(authenticateToken(t.app.db, token, at("2022-04-06T08:59:00.000Z"))?.user.role).toBe(
      "manager",
    );
    expect(authenticateToken(t.app.db, token, at("2022-04-06T09:00:00.000Z"))).toBeUndefined();
    const row = t.app.db.select().from(users).where(eq(users.id, t.org.users.viewer.id)).get();
    expect(row?.role).toBe("manager");
  });
});
