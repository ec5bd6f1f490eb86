import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import type { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";

import { CSRF_HEADER } from "@dapkit/contract";

import type { AppDeps } from "../context";
import { AppError } from "../errors";
import { log } from "../log";
import { appRouter } from "../router";
import {
  bearerToken,
  contextFromRequest,
  isSecureRequest,
  type ConnectionOptions,
} from "./request-context";
import type { Route } from "./route";
import { setSecurityHeaders } from "./security-headers";
import { sendError, sendJson } from "./send";
import { serveWebApp } from "./static-files";
import { answerPlainQuery, plainQuery } from "./trpc-query";

// Large enough for a 100,000-row CSV import, small enough that a runaway client cannot exhaust memory.
const MAX_TRPC_BODY_BYTES = 32 * 1024 * 1024;

/** The most calls one tRPC request may batch: more than any page makes at once. */
export const MAX_BATCH_SIZE = 20;

/** What the HTTP server needs beyond the app's storage. */
export interface ServerOptions extends ConnectionOptions {
  /** The built web client to serve, if any. */
  webRoot: string;
  /** Plain HTTP routes for uploads, downloads and exports. */
  routes: readonly Route[];
}

/** Whether an Origin header names this host; one that does not parse is treated as another site. */
function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin == null || origin === "null") return true;
  if (!URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

// A path is matched as tRPC will read it, percent-escapes and all.
function isAuthPath(path: string): boolean {
  try {
    return decodeURIComponent(path).startsWith("auth.");
  } catch {
    return path.startsWith("auth.");
  }
}

/**
 * Refuses a tRPC request that batches more than MAX_BATCH_SIZE calls, or batches an `auth.`
 * mutation (sign-in, sign-out) with others, before its body is read: a batch of sign-ins would
 * run one password hash per call for a single request. Queries (`auth.me` among them) may share a
 * batch, as the web app's do; they hash nothing. tRPC's own `maxBatchSize` is set too, but it acts
 * only once the adapter has the request; this answers first, from the URL alone.
 */
function assertBatchAllowed(req: IncomingMessage, url: URL): void {
  if (url.searchParams.get("batch") !== "1") return;
  const paths = url.pathname.slice("/trpc/".length).split(",");
  if (paths.length > MAX_BATCH_SIZE) {
    throw new AppError(
      "bad_request",
      `A request may batch at most ${MAX_BATCH_SIZE} calls; send the rest separately`,
    );
  }
  if (req.method === "POST" && paths.length > 1 && paths.some(isAuthPath)) {
    throw new AppError("bad_request", "Sign-in calls must be sent on their own, not in a batch");
  }
}

/**
 * Refuses state-changing requests that a page on another site could have sent: they must carry
 * a custom header (which a cross-site form cannot add, and cross-site fetch cannot without a CORS
 * approval this server never gives) and, when the browser says where they came from, be same-origin.
 */
function assertSameSite(req: IncomingMessage): void {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return;
  // A script's API token, which no browser sends cross-site; its cookies are then ignored.
  if (bearerToken(req) !== undefined) return;
  const fetchSite = req.headers["sec-fetch-site"];
  const crossSite =
    fetchSite === "cross-site" || !isSameOrigin(req.headers.origin, req.headers.host);
  if (crossSite || req.headers[CSRF_HEADER] == null) {
    throw new AppError("forbidden", "This request did not come from dapkit and was refused");
  }
}

function matchRoute(routes: readonly Route[], method: string, pathname: string) {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (match) return { route, params: { ...match.groups } };
  }
  return undefined;
}

/** The tracker's HTTP server: the tRPC API, plain routes, and the web client, on one port. */
export function createHttpServer(deps: AppDeps, options: ServerOptions): Server {
  // Only the kind of failure is logged: messages can carry input such as names or titles.
  const onError = ({ error, path }: { error: TRPCError; path?: string | undefined }): void => {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      log.error("procedure failed", { path: path ?? null, cause: error.cause?.name ?? null });
    }
  };
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: MAX_TRPC_BODY_BYTES,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: (http) => contextFromRequest(deps, http, options),
    onError,
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res, { secure: isSecureRequest(req, options) });
    const url = new URL(req.url ?? "/", "http://localhost");
    // Answers from the API carry personal data: no browser or shared cache keeps them. Downloads
    // set their own (also no-store) value; the web app's files are cached as static-files says.
    if (url.pathname.startsWith("/trpc/") || url.pathname.startsWith("/api/")) {
      res.setHeader("Cache-Control", "no-store");
    }
    try {
      assertSameSite(req);
      if (url.pathname.startsWith("/trpc/")) {
        assertBatchAllowed(req, url);
        // A single GET query, the dashboard's every call among them, is answered directly.
        const query = plainQuery(req, url);
        if (query === undefined) {
          trpc(req, res);
          return;
        }
        await answerPlainQuery(query, {
          res,
          createContext: () => contextFromRequest(deps, { req, res }, options),
          onError,
        });
        return;
      }
      if (url.pathname === "/healthz") {
        sendJson(res, 200, { status: "ok" });
        return;
      }
      if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/verify/")) {
        const matched = matchRoute(options.routes, req.method ?? "GET", url.pathname);
        if (matched === undefined) throw new AppError("not_found", "There is no such address");
        const ctx = contextFromRequest(deps, { req, res }, options);
        await matched.route.handle({ req, res, url, params: matched.params, ctx });
        return;
      }
      if (
        (req.method === "GET" || req.method === "HEAD") &&
        serveWebApp(options.webRoot, url.pathname, res)
      ) {
        return;
      }
      throw new AppError("not_found", "There is no such address");
    } catch (error) {
      sendError(res, error);
    }
  }

  return createServer((req, res) => {
    void handle(req, res);
  });
}
