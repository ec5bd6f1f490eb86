import { createHash } from "node:crypto";

import * as client from "openid-client";

import type { SsoOrganisation } from "./sso-organisation";
import { SsoRefusal } from "./sso-refusal";

// A provider's metadata and keys rarely change, but do (key rotation): an hour between fetches
// keeps a sign-in from waiting on discovery without trusting stale metadata for long.
const METADATA_LIFETIME_MS = 60 * 60 * 1000;
// One entry per organisation's settings in practice; the bound only stops growth if settings churn.
const MAX_CACHED = 100;
const DISCOVERY_TIMEOUT_SECONDS = 10;

interface Cached {
  config: client.Configuration;
  fetchedAt: number;
}

const cache = new Map<string, Cached>();

// Keyed by everything the configuration is built from, so a changed secret or client id is never
// served from an entry made for the old one (the secret only as a hash, even in memory).
function cacheKey(sso: SsoOrganisation): string {
  const secret = createHash("sha256").update(sso.clientSecret).digest("hex");
  return JSON.stringify([sso.issuerUrl, sso.clientId, secret]);
}

// Plain http is allowed only for a provider on this machine (the settings refuse it otherwise).
function isLoopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/**
 * The openid-client configuration for an organisation's provider: discovered from its issuer (which
 * must name itself exactly as configured) and cached for an hour, per issuer and client.
 */
export async function providerConfiguration(sso: SsoOrganisation): Promise<client.Configuration> {
  const key = cacheKey(sso);
  const cached = cache.get(key);
  if (cached !== undefined && Date.now() - cached.fetchedAt < METADATA_LIFETIME_MS) {
    return cached.config;
  }
  const issuer = new URL(sso.issuerUrl);
  let config: client.Configuration;
  try {
    config = await client.discovery(issuer, sso.clientId, sso.clientSecret, undefined, {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      ...(issuer.protocol === "http:" && isLoopback(issuer)
        ? { execute: [client.allowInsecureRequests] }
        : {}),
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : "unknown error";
    throw new SsoRefusal("unavailable", `discovery failed: ${why}`, sso.id);
  }
  cache.delete(key);
  cache.set(key, { config, fetchedAt: Date.now() });
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return config;
}
