import type { Server } from "node:http";

import { afterAll, beforeAll } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";

import { SESSION_COOKIE } from "../auth/cookie";
import { createSession } from "../auth/session-store";
import type { SessionUser } from "../auth/session-user";
import { createHttpServer } from "../http/create-server";
import type { ConnectionOptions } from "../http/request-context";
import { routes } from "../http/routes";
import { close, listen } from "../test/http-client";
import { createTestApp, type TestApp, type TestOrganisation } from "../test/test-app";

/** A tracker with two organisations and the real HTTP server (every route) in front of it. */
export interface AttackTarget {
  app: TestApp;
  org: TestOrganisation;
  other: TestOrganisation;
  baseUrl: string;
  /** A session cookie for `user`, made directly in the database. */
  cookieOf(user: SessionUser): string;
}

/**
 * Serves a fresh tracker for the tests of the file that calls this, over HTTP on loopback, behind
 * the given proxy settings (so tests can play a client with any address through X-Forwarded-For).
 * The object returned is filled in before the tests run.
 */
export function serveAttackTarget(connection: ConnectionOptions): AttackTarget {
  const target = {} as AttackTarget;
  let server: Server | undefined;
  beforeAll(async () => {
    const app = createTestApp();
    const org = await app.createOrganisation("Northshire");
    const other = await app.createOrganisation("Southmoor");
    server = createHttpServer(app.deps, { webRoot: "/nonexistent", routes, ...connection });
    Object.assign(target, {
      app,
      org,
      other,
      baseUrl: await listen(server),
      cookieOf: (user: SessionUser) =>
        `${SESSION_COOKIE}=${createSession(app.db, user, app.clock.now).token}`,
    });
  });
  afterAll(async () => {
    if (server !== undefined) await close(server);
  });
  return target;
}

/** A tRPC mutation (or a batch of them, when `path` says so) sent as the web app sends it. */
export async function post(
  baseUrl: string,
  call: { path: string; body: unknown; headers?: Record<string, string> },
): Promise<{ status: number; body: unknown; setCookie: string[] }> {
  const { path, body, headers } = call;
  const response = await fetch(`${baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", [CSRF_HEADER]: "1", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: await response.json(),
    setCookie: response.headers.getSetCookie(),
  };
}

/** A sign-in over HTTP from the client address `from` (read from X-Forwarded-For by the server). */
export function signInFrom(
  baseUrl: string,
  from: string,
  credentials: { email: string; password: string },
) {
  return post(baseUrl, {
    path: "auth.signIn",
    body: credentials,
    headers: { "x-forwarded-for": from },
  });
}

/** The error message of a tRPC error body. */
export function messageOf(body: unknown): string {
  return (body as { error?: { message?: string } }).error?.message ?? "";
}

/** The input field a tRPC error names, if any. */
export function fieldOf(body: unknown): unknown {
  return (body as { error?: { data?: { field?: unknown } } }).error?.data?.field;
}
