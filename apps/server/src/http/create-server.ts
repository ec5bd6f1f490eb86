import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import { createHTTPHandler } from "@trpc/server/adapters/standalone";

import { CSRF_HEADER } from "@dapkit/contract";

import type { AppDeps } from "../context";
import { AppError } from "../errors";
import { log } from "../log";
import { appRouter } from "../router";
import { contextFromRequest, isSecureRequest, type ConnectionOptions } from "./request-context";
import type { Route } from "./route";
import { setSecurityHeaders } from "./security-headers";
import { sendError, sendJson } from "./send";
import { serveWebApp } from "./static-files";

// Large enough for a 100,000-row CSV import, small enough that a runaway client cannot exhaust memory.
const MAX_TRPC_BODY_BYTES = 32 * 1024 * 1024;

/** What the HTTP server needs beyond the app's storage. */
export interface ServerOptions extends ConnectionOptions {
  /** The built web client to serve, if any. */
  webRoot: string;
  /** Plain HTTP routes for uploads, downloads and exports. */
  routes: readonly Route[];
}

/**
 * Refuses state-changing requests that a page on another site could have sent: they must carry
 * a custom header (which a cross-site form cannot add, and cross-site fetch cannot without a CORS
 * approval this server never gives) and, when the browser says where they came from, be same-origin.
 */
function assertSameSite(req: IncomingMessage): void {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return;
  const fetchSite = req.headers["sec-fetch-site"];
  const origin = req.headers.origin;
  const crossSite =
    fetchSite === "cross-site" ||
    (origin != null && origin !== "null" && new URL(origin).host !== req.headers.host);
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
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: MAX_TRPC_BODY_BYTES,
    createContext: (http) => contextFromRequest(deps, http, options),
    onError({ error, path }) {
      // Only the kind of failure is logged: messages can carry input such as names or titles.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        log.error("procedure failed", { path: path ?? null, cause: error.cause?.name ?? null });
      }
    },
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res, { secure: isSecureRequest(req, options) });
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      assertSameSite(req);
      if (url.pathname.startsWith("/trpc/")) {
        trpc(req, res);
        return;
      }
      if (url.pathname === "/healthz") {
        sendJson(res, 200, { status: "ok" });
        return;
      }
      if (url.pathname.startsWith("/api/")) {
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
