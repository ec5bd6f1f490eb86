import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { RequestListener, Server } from "node:http";
import { request } from "node:http";
import { createServer as createHttpsServer, request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";

import { SESSION_COOKIE } from "../auth/cookie";
import { createSession } from "../auth/session-store";
import { createHttpServer } from "../http/create-server";
import { routes } from "../http/routes";
import { evidenceInput, uploadFile } from "../services/evidence/evidence-fixtures";
import { close, listen } from "../test/http-client";
import {
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganisation,
} from "../test/test-app";

// The HTTP surface as a browser, or an attacker with curl, meets it: the headers on every kind of
// response, downloads that never render, CSRF on the plain routes, and malformed requests that
// must be refused in words rather than fail inside the server.

let app: TestApp;
let org: TestOrganisation;
let server: Server;
let baseUrl: string;
let cookie: string;
let revisionId: string;

beforeAll(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
  const site = mkdtempSync(join(tmpdir(), "dapkit-site-"));
  const webRoot = join(site, "dist");
  mkdirSync(join(webRoot, "assets"), { recursive: true });
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>dapkit</title>");
  writeFileSync(join(webRoot, "assets", "app-1234.js"), "console.log('app')");
  writeFileSync(join(site, "secret.txt"), "outside the web root");
  server = createHttpServer(app.deps, { webRoot, routes, trustProxy: false });
  baseUrl = await listen(server);
  const { token } = createSession(app.db, org.users.accreditation_lead, app.clock.now);
  cookie = `${SESSION_COOKIE}=${token}`;
  const item = await app.caller(org.users.accreditation_lead).evidence.create(evidenceInput());
  // Text that is a page once past its first line: allowed as text, so it must never render.
  const revision = await uploadFile(app, {
    user: org.users.accreditation_lead,
    evidenceId: item.id,
    name: "notes.txt",
    type: "text/plain",
    body: Buffer.from("Meeting notes\n<html><script>alert(document.cookie)</script></html>"),
  });
  revisionId = revision.id;
});

afterAll(async () => {
  await close(server);
});

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { headers: { cookie, ...headers } });
}

/** A request sent exactly as written, path and all (fetch would tidy `..` away). */
function raw(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(baseUrl);
    const req = request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function expectSecurityHeaders(response: Response, what: string): void {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp, what).toMatch(/(script-src 'self'|default-src 'none')/);
  expect(csp, what).not.toContain("unsafe-inline");
  expect(csp, what).not.toContain("unsafe-eval");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(response.headers.get("x-frame-options"), what).toBe("DENY");
}

describe("security headers", () => {
  test("are on every kind of response: page, asset, API, error, download, export", async () => {
    const responses: [string, Response][] = [
      ["the web app", await get("/")],
      ["a client route", await get("/training/sessions")],
      ["an asset", await get("/assets/app-1234.js")],
      ["the health check", await get("/healthz")],
      ["a query", await get("/trpc/auth.me")],
      ["a refused query", await get("/trpc/users.list")],
      ["an unknown procedure", await get("/trpc/no.such")],
      ["an unknown API address", await get("/api/nothing")],
      ["an evidence download", await get(`/api/evidence/revisions/${revisionId}/file`)],
      ["the evidence pack", await get("/api/evidence/pack.zip")],
      ["an export", await get("/api/export/evidence.csv")],
    ];
    for (const [what, response] of responses) {
      expectSecurityHeaders(response, what);
      expect(response.status, what).toBeLessThan(500);
    }
  });
});

describe("downloads", () => {
  test("an evidence file is an attachment of its stored type, sandboxed, never a page", async () => {
    const response = await get(`/api/evidence/revisions/${revisionId}/file`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="notes\.txt"/,
    );
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  test("the evidence pack and every export are attachments that no cache keeps", async () => {
    for (const path of [
      "/api/evidence/pack.zip",
      "/api/export/evidence.csv",
      "/api/export/evidence.xlsx",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-disposition"), path).toMatch(/^attachment; filename="/);
      expect(response.headers.get("cache-control"), path).toMatch(/no-store/);
    }
  });
});

describe("CSRF on the plain routes", () => {
  async function upload(headers: Record<string, string>): Promise<number> {
    const item = await app.caller(org.users.accreditation_lead).evidence.create(evidenceInput());
    const response = await fetch(`${baseUrl}/api/evidence/${item.id}/revisions`, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/pdf",
        "x-file-name": "policy.pdf",
        ...headers,
      },
      body: "%PDF-1.7 csrf",
    });
    return response.status;
  }

  test("an upload without the request header, or from another site, is refused", async () => {
    expect(await upload({})).toBe(403);
    expect(await upload({ [CSRF_HEADER]: "1", origin: "https://evil.example" })).toBe(403);
    expect(await upload({ [CSRF_HEADER]: "1", "sec-fetch-site": "cross-site" })).toBe(403);
    expect(
      await upload({ [CSRF_HEADER]: "1", origin: baseUrl, "sec-fetch-site": "same-origin" }),
    ).toBe(201);
  });
});

describe("malformed requests are refused, never a server failure", () => {
  test("broken JSON, broken input, wrong methods and broken cookies", async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { cookie, [CSRF_HEADER]: "1", "content-type": "application/json", ...headers },
        body,
      });
    const cases: [string, Promise<Response>, number][] = [
      ["JSON that does not parse", post("/trpc/evidence.create", "{not json"), 400],
      ["a query's input that does not parse", get("/trpc/evidence.list?input=%7Bnot"), 400],
      ["a mutation called as a query", get("/trpc/evidence.create"), 405],
      ["a query called as a mutation", post("/trpc/evidence.list", "{}"), 405],
      [
        "a cookie that is not percent-encoded",
        get("/trpc/auth.me", { cookie: `${SESSION_COOKIE}=%E0%A4%A` }),
        200,
      ],
      [
        "a made-up session token",
        get("/trpc/users.list", { cookie: `${SESSION_COOKIE}=forged` }),
        401,
      ],
      [
        "a body of the wrong type",
        post("/trpc/evidence.create", "x=1", { "content-type": "text/plain" }),
        415,
      ],
    ];
    for (const [what, pending, status] of cases) {
      const response = await pending;
      expect([what, response.status]).toEqual([what, status]);
    }
  });

  test("paths that climb out of the web root get the app's page, never the file", async () => {
    for (const path of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/assets/..%2f..%2fsecret.txt",
    ]) {
      const response = await raw(path);
      expect(response.body, path).not.toContain("outside the web root");
      expect(response.status, path).toBeLessThan(500);
    }
  });
});

describe("served directly over HTTPS", () => {
  /** A throwaway self-signed certificate for 127.0.0.1, made with openssl for this test only. */
  function selfSigned(): { key: Buffer; cert: Buffer } {
    const dir = mkdtempSync(join(tmpdir(), "dapkit-tls-"));
    const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        .concat(["-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"])
        .concat(["-addext", "subjectAltName=IP:127.0.0.1"]),
      { stdio: "ignore" },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  }

  test("the session cookie is Secure and HSTS is sent, with no proxy involved", async () => {
    const tls = selfSigned();
    const plain = createHttpServer(app.deps, {
      webRoot: "/nonexistent",
      routes,
      trustProxy: false,
    });
    const handler = plain.listeners("request")[0] as RequestListener;
    const secure = createHttpsServer(tls, handler);
    await new Promise<void>((resolve) => secure.listen(0, "127.0.0.1", resolve));
    const { port } = secure.address() as { port: number };
    try {
      const answer = await new Promise<{ status: number; headers: Record<string, unknown> }>(
        (resolve, reject) => {
          const req = httpsRequest(
            {
              host: "127.0.0.1",
              port,
              path: "/trpc/auth.signIn",
              method: "POST",
              ca: tls.cert,
              headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
            },
            (res) => {
              res.resume();
              res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
            },
          );
          req.on("error", reject);
          req.end(JSON.stringify({ email: org.users.viewer.email, password: TEST_PASSWORD }));
        },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers["set-cookie"]).toEqual([
        expect.stringMatching(
          /^dapkit_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure$/,
        ),
      ]);
      expect(answer.headers["strict-transport-security"]).toBe(
        "max-age=31536000; includeSubDomains",
      );
    } finally {
      await new Promise((resolve) => secure.close(resolve));
    }
  });
});
