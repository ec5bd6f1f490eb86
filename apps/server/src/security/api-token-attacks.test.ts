import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";
import { createTrackerClient, signInToTracker, type TrackerClient } from "@dapkit/sdk";

import { newDataDir } from "../test/data-dir";
import { runCommand } from "../test/run-command";
import { runServer, type RunningServer } from "../test/run-server";

// A council set up from nothing, against a real server process: `create-organisation` run while
// the server is running, the link it prints used through the SDK, then a script with only the SDK
// and a personal API token.

const PASSWORD = "lantern orchard quietly";
let server: RunningServer;
let admin: TrackerClient;
let token: string;
let tokenId: string;

beforeAll(async () => {
  const dataDir = newDataDir();
  server = await runServer({ DAPKIT_DATA_DIR: dataDir, DAPKIT_DEMO: "off" });
  const created = await runCommand(
    [
      "create-organisation",
      "--name",
      "Oxford City Council",
      "--admin-email",
      "lead@oxford.example",
    ],
    { DAPKIT_DATA_DIR: dataDir, DAPKIT_PUBLIC_URL: server.baseUrl },
  );
  expect(created.code, created.output).toBe(0);
  const link = /(http\S+#token=\S+)/.exec(created.output)?.[1] ?? "";
  expect(link.startsWith(`${server.baseUrl}/set-password#token=`)).toBe(true);
  admin = createTrackerClient({ url: server.baseUrl });
  await admin.auth.setPassword.mutate({
    token: new URL(link).hash.replace("#token=", ""),
    password: PASSWORD,
  });
  const made = await admin.account.tokens.create.mutate({ name: "Script", expiresInDays: 30 });
  token = made.token;
  tokenId = made.details.id;
}, 60_000);

afterAll(async () => {
  await server.stop();
});

function post(path: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({}),
  });
}

describe("personal API tokens over HTTP", () => {
  test("a script with only the SDK and a token lists sessions, as its owner", async () => {
    const script = createTrackerClient({ url: server.baseUrl, token });
    expect(await script.training.sessions.list.query({})).toMatchObject({ items: [], total: 0 });
    expect(await script.auth.me.query()).toMatchObject({
      email: "lead@oxford.example",
      role: "admin",
      organisationName: "Oxford City Council",
    });
  });

  test("a bearer call needs no CSRF header; a cookie call still does", async () => {
    const bearer = await post("organisation.settings.update", { authorization: `Bearer ${token}` });
    expect(bearer.status).toBe(200);
    const { cookie } = await signInToTracker({
      url: server.baseUrl,
      email: "lead@oxford.example",
      password: PASSWORD,
    });
    // Signed in with a cookie but without the CSRF header: refused, as before tokens existed.
    expect((await post("organisation.settings.update", { cookie })).status).toBe(403);
    expect(
      (await post("organisation.settings.update", { cookie, [CSRF_HEADER]: "1" })).status,
    ).toBe(200);
  });

  test("a wrong token is refused with 401 and never falls back to a cookie", async () => {
    const wrong = await post("organisation.settings.update", {
      authorization: `Bearer ${token}x`,
      [CSRF_HEADER]: "1",
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("This API token is not valid");
  });

  test("a revoked token gets 401 at once", async () => {
    await admin.account.tokens.revoke.mutate({ id: tokenId });
    const script = createTrackerClient({ url: server.baseUrl, token });
    await expect(script.training.sessions.list.query({})).rejects.toMatchObject({
      httpStatus: 401,
    });
    const tokens = await admin.account.tokens.list.query();
    expect(tokens[0]).toMatchObject({ status: "revoked" });
    expect(tokens[0]?.lastUsedAt).not.toBeNull();
  });
});
