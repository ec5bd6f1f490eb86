import { CSRF_HEADER } from "@dapkit/contract";

import { SESSION_COOKIE } from "../auth/cookie";
import { createSession } from "../auth/session-store";
import type { SessionUser } from "../auth/session-user";
import { appRouter } from "../router";
import { PDF_BYTES } from "../services/evidence/evidence-fixtures";
import { callProcedure } from "../test/http-client";
import type { TestApp } from "../test/test-app";
import type { OrganisationRecords } from "./security-world";

/** What came back from a call over HTTP. */
export interface HttpAnswer {
  status: number;
  /** The body as text, to search for what must not be there. */
  text: string;
}

// A new session for every call: a call that ends sessions (sign-out, a password change) must not
// change the outcome of the next.
function cookieOf(app: TestApp, user: SessionUser | null): string | undefined {
  if (user == null) return undefined;
  const { token } = createSession(app.db, user, app.clock.now);
  return `${SESSION_COOKIE}=${token}`;
}

/** Every tRPC procedure's path and whether it is a query or a mutation. */
export function procedureTypes(): Map<string, "query" | "mutation" | "subscription"> {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: "query" | "mutation" | "subscription" } }
  >;
  return new Map(Object.entries(procedures).map(([path, { _def }]) => [path, _def.type]));
}

/** Calls a procedure over HTTP as `user` (or signed out), as the web app would. */
export async function callAs(
  baseUrl: string,
  app: TestApp,
  call: { user: SessionUser | null; path: string; input: unknown },
): Promise<HttpAnswer> {
  const cookie = cookieOf(app, call.user);
  const response = await callProcedure(baseUrl, call.path, {
    input: call.input,
    mutation: procedureTypes().get(call.path) === "mutation",
    ...(cookie === undefined ? {} : { cookie }),
  });
  return { status: response.status, text: JSON.stringify(response.body) };
}

/** A request to one of the plain HTTP routes under /api. */
export interface RouteRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
}

/** A request for every plain route that needs a record, aimed at one organisation's records. */
export const ROUTE_REQUESTS: Record<string, (r: OrganisationRecords) => RouteRequest> = {
  "upload an evidence file": (r) => ({
    method: "POST",
    path: `/api/evidence/${r.evidenceId}/revisions`,
    headers: { "content-type": "application/pdf", "x-file-name": "matrix.pdf" },
    body: PDF_BYTES,
  }),
  "download an evidence file": (r) => ({
    method: "GET",
    path: `/api/evidence/revisions/${r.revisionId}/file`,
  }),
  "download the evidence pack": () => ({ method: "GET", path: "/api/evidence/pack.zip" }),
  "print a sign-in sheet": (r) => ({
    method: "GET",
    path: `/api/sessions/${r.sessionId}/sign-in-sheet.pdf`,
  }),
  "download a certificate": (r) => ({
    method: "GET",
    path: `/api/nominations/${r.nominationId}/certificate.pdf`,
  }),
  "download a committee paper": (r) => ({
    method: "GET",
    path: `/api/committee-papers/${r.committeePaperId}.docx`,
  }),
};

/** The request for an export. */
export function exportRequest(name: string, format: "csv" | "xlsx"): RouteRequest {
  return { method: "GET", path: `/api/export/${name}.${format}` };
}

/** Sends a request to a plain route as `user` (or signed out), with the CSRF header. */
export async function sendAs(
  baseUrl: string,
  app: TestApp,
  call: { user: SessionUser | null; request: RouteRequest },
): Promise<{ status: number; body: Uint8Array }> {
  const { user, request } = call;
  const cookie = cookieOf(app, user);
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: {
      [CSRF_HEADER]: "1",
      ...(cookie === undefined ? {} : { cookie }),
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
}
