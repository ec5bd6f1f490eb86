import type { IncomingMessage, ServerResponse } from "node:http";
import { TLSSocket } from "node:tls";

import { SESSION_COOKIE } from "../auth/cookie";
import { findSession } from "../auth/session-store";
import { createContextInner, type AppDeps, type Context } from "../context";
import { parseCookies, serialiseCookie } from "./cookies";

/** How the server learns about the connection it is behind. */
export interface ConnectionOptions {
  /** Believe X-Forwarded-Proto and X-Forwarded-For from a reverse proxy. */
  trustProxy: boolean;
}

/** Whether the browser reached the server over HTTPS. */
export function isSecureRequest(req: IncomingMessage, options: ConnectionOptions): boolean {
  if (req.socket instanceof TLSSocket) return true;
  return options.trustProxy && req.headers["x-forwarded-proto"] === "https";
}

function clientAddress(req: IncomingMessage, options: ConnectionOptions): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (options.trustProxy && typeof forwarded === "string") {
    return forwarded.split(",")[0]?.trim() ?? "unknown";
  }
  return req.socket.remoteAddress ?? "unknown";
}

/** The procedure context for an HTTP request: its session (from the cookie) and a cookie jar. */
export function contextFromRequest(
  deps: AppDeps,
  http: { req: IncomingMessage; res: ServerResponse },
  options: ConnectionOptions,
): Context {
  const { req, res } = http;
  const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  const session =
    token == null || token === "" ? undefined : findSession(deps.db, token, deps.now());
  const secure = isSecureRequest(req, options);
  return createContextInner(deps, {
    session: session ?? null,
    request: { ip: clientAddress(req, options) },
    cookies: {
      set(name, value, cookie) {
        res.appendHeader("Set-Cookie", serialiseCookie(name, value, { ...cookie, secure }));
      },
    },
  });
}
