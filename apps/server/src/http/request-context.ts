import type { IncomingMessage, ServerResponse } from "node:http";
import { TLSSocket } from "node:tls";

import { TRPCError } from "@trpc/server";

import { SESSION_COOKIE } from "../auth/cookie";
import { findSession } from "../auth/session-store";
import type { SessionUser } from "../auth/session-user";
import { createContextInner, type AppDeps, type Context, type SignedInVia } from "../context";
import { authenticateToken } from "../services/tokens/authenticate-token";
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

/**
 * The token of an `Authorization: Bearer` header; undefined when there is no such header. A
 * request with one is a script's, not a browser's: browsers never add it to a cross-site
 * request, so it needs no CSRF header, and its cookies are ignored.
 */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  return match?.[1] ?? "";
}

const TOKEN_REFUSED =
  "This API token is not valid: it may be mistyped, expired or revoked, or its owner's account " +
  "may be deactivated";

function sessionOf(
  deps: AppDeps,
  req: IncomingMessage,
  address: string,
): { id: string; user: SessionUser; via: SignedInVia } | null {
  const bearer = bearerToken(req);
  if (bearer !== undefined) {
    // Never falls back to the cookie: a script with a bad token is told so, not served as
    // whoever's browser it runs in.
    const found =
      bearer === ""
        ? undefined
        : authenticateToken(deps.db, bearer, { now: deps.now(), source: address });
    if (found === undefined) throw new TRPCError({ code: "UNAUTHORIZED", message: TOKEN_REFUSED });
    return { ...found, via: "token" };
  }
  const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  const session =
    token == null || token === "" ? undefined : findSession(deps.db, token, deps.now());
  return session === undefined ? null : { ...session, via: "cookie" };
}

/**
 * The procedure context for an HTTP request: its session (from a bearer token or else the
 * cookie) and a cookie jar. Throws UNAUTHORIZED for a bearer token that is not valid.
 */
export function contextFromRequest(
  deps: AppDeps,
  http: { req: IncomingMessage; res: ServerResponse },
  options: ConnectionOptions,
): Context {
  const { req, res } = http;
  const address = clientAddress(req, options);
  const session = sessionOf(deps, req, address);
  const secure = isSecureRequest(req, options);
  return createContextInner(deps, {
    session,
    request: { ip: address },
    cookies: {
      set(name, value, cookie) {
        res.appendHeader("Set-Cookie", serialiseCookie(name, value, { ...cookie, secure }));
      },
    },
  });
}
