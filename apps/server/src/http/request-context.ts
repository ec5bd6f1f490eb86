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
  /**
   * How many proxies in front of the server add to X-Forwarded-For (1 unless set): the client is
   * the address the outermost trusted one saw.
   */
  proxyHops?: number;
}

/** Whether the browser reached the server over HTTPS. */
export function isSecureRequest(req: IncomingMessage, options: ConnectionOptions): boolean {
  if (req.socket instanceof TLSSocket) return true;
  return options.trustProxy && req.headers["x-forwarded-proto"] === "https";
}

/**
 * The client's address. Behind trusted proxies it is read from the right of X-Forwarded-For, as
 * `proxy-addr` does: each proxy appends the address it was reached from, so the right-most
 * `proxyHops` entries (counting the connection itself as the first) were written by proxies the
 * operator runs, and anything further left was written by the client and may be made up.
 */
export function clientAddress(req: IncomingMessage, options: ConnectionOptions): string {
  const socketAddress = req.socket.remoteAddress ?? "unknown";
  if (!options.trustProxy) return socketAddress;
  const forwarded = [req.headers["x-forwarded-for"]]
    .flat()
    .flatMap((header) => header?.split(",") ?? [])
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  // Nearest first: the proxy that connected, then the address each proxy was reached from.
  const hops = [socketAddress, ...forwarded.reverse()];
  const trusted = options.proxyHops ?? 1;
  return hops[Math.min(trusted, hops.length - 1)] ?? socketAddress;
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
