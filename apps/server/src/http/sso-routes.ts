import type { IncomingMessage, ServerResponse } from "node:http";
import { TLSSocket } from "node:tls";

import { SSO_PATHS } from "@dapkit/contract";

import { setSessionCookie } from "../auth/cookie";
import type { Context } from "../context";
import { log } from "../log";
import { recordAudit } from "../services/audit/record-audit";
import { finishSso } from "../services/sso/finish-sso";
import { PENDING_LIFETIME_MS, pendingSignIns } from "../services/sso/pending-sign-ins";
import { ssoInUse } from "../services/sso/sso-organisation";
import { startSso } from "../services/sso/start-sso";
import { SsoRefusal } from "../services/sso/sso-refusal";
import { parseCookies } from "./cookies";
import type { Route } from "./route";
import { sendJson } from "./send";

/** The cookie holding the key of a sign-in waiting for the provider (not the state itself). */
export const SSO_COOKIE = "dapkit_sso";
// The audit row keeps why; a library's message is short, but nothing unbounded is stored.
const MAX_DETAIL_LENGTH = 500;

// The contract's paths are plain (letters and slashes): matched exactly.
function pathPattern(path: string): RegExp {
  return new RegExp(`^${path}$`);
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader("Location", location);
  res.end();
}

// The callback must reach this same server: its address as the browser used it. A forged Host
// header only changes the redirect URI sent, which the provider refuses unless registered.
function callbackUrl(req: IncomingMessage): string {
  const https = req.socket instanceof TLSSocket || req.headers["x-forwarded-proto"] === "https";
  return `${https ? "https" : "http"}://${req.headers.host ?? "localhost"}${SSO_PATHS.callback}`;
}

// The sign-in page shows the reason's message; the audit log keeps the detail.
function refuse(res: ServerResponse, ctx: Context, refusal: SsoRefusal): void {
  log.warn("single sign-on refused", { reason: refusal.reason });
  recordAudit(ctx.db, {
    actor: { userId: null, organisationId: refusal.organisationId },
    at: ctx.now(),
    action: "sign_in_failed",
    entity: "session",
    after: { method: "single sign-on", reason: refusal.detail.slice(0, MAX_DETAIL_LENGTH) },
    source: ctx.request.ip,
  });
  redirect(res, `/sign-in?sso=${refusal.reason}`);
}

/**
 * Runs a sign-in step and turns a refusal into a redirect. Refusals count against the client
 * address in the same limiter as password sign-ins, so a signed-out client cannot fill the audit
 * log with them; once it is locked it is turned away unrecorded until the lock lifts.
 */
async function refusing(res: ServerResponse, ctx: Context, work: () => Promise<void>) {
  const reserved = ctx.limiters.address.reserve(ctx.request.ip, ctx.now());
  if ("retryAt" in reserved) {
    redirect(res, "/sign-in?sso=too-many");
    return;
  }
  try {
    await work();
  } catch (error) {
    if (!(error instanceof SsoRefusal)) {
      ctx.limiters.address.release(reserved.reservation);
      throw error;
    }
    ctx.limiters.address.fail(reserved.reservation, ctx.now());
    refuse(res, ctx, error);
    return;
  }
  ctx.limiters.address.release(reserved.reservation);
}

// Says only whether the sign-in page should offer single sign-on, never which organisations do.
const availability: Route = {
  method: "GET",
  pattern: pathPattern(SSO_PATHS.availability),
  handle({ res, ctx }) {
    sendJson(res, 200, { available: ssoInUse(ctx.db) });
    return Promise.resolve();
  },
};

const start: Route = {
  method: "GET",
  pattern: pathPattern(SSO_PATHS.start),
  handle: ({ req, res, url, ctx }) =>
    refusing(res, ctx, async () => {
      const { authorisationUrl, pendingKey } = await startSso(
        { db: ctx.db, now: ctx.now(), pending: pendingSignIns },
        { email: url.searchParams.get("email") ?? "", redirectUri: callbackUrl(req) },
      );
      ctx.cookies.set(SSO_COOKIE, pendingKey, { maxAgeSeconds: PENDING_LIFETIME_MS / 1000 });
      redirect(res, authorisationUrl.href);
    }),
};

const callback: Route = {
  method: "GET",
  pattern: pathPattern(SSO_PATHS.callback),
  handle: ({ req, res, url, ctx }) =>
    refusing(res, ctx, async () => {
      const key = parseCookies(req.headers.cookie).get(SSO_COOKIE) ?? "";
      ctx.cookies.set(SSO_COOKIE, "", { maxAgeSeconds: 0 });
      const pending = pendingSignIns.take(key, ctx.now());
      if (pending === undefined) {
        throw new SsoRefusal("failed", "no sign-in was waiting (expired, used, or never started)");
      }
      const { token } = await finishSso(
        { db: ctx.db, now: ctx.now() },
        { pending, callbackQuery: url.searchParams, source: ctx.request.ip },
      );
      setSessionCookie(ctx.cookies, token);
      redirect(res, "/");
    }),
};

/**
 * Single sign-on with an organisation's OpenID Connect provider: whether it is offered, the start
 * (`?email=`: the organisation is the one whose allowed domains include the address's), and the
 * way back.
 */
export const ssoRoutes: readonly Route[] = [availability, start, callback];
