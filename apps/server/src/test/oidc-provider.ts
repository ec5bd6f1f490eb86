import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";

import Provider, { type Configuration } from "oidc-provider";

import { close, listen } from "./http-client";

/** The claims a test gives the person who signs in at the provider next. */
export interface ProviderAccount {
  email: string;
  /** The provider's stable id for the person (`sub`); one per address unless a test sets it. */
  subject?: string;
  emailVerified?: boolean;
  name?: string;
  groups?: string[];
}

/** A real OpenID Provider (the certified `oidc-provider`) on a random loopback port. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the next login prompt: the provider asks no questions in tests. */
  signInAs(account: ProviderAccount): void;
  /** How long the next authorisation codes live, in seconds (60 unless set). */
  setCodeLifetime(seconds: number): void;
  stop(): Promise<void>;
}

const INTERACTION_PATH = /^\/interaction\/(?<uid>[^/]+)$/;

/**
 * Starts a provider with one confidential client whose only redirect URI is `redirectUri`. Its
 * login prompt is answered at once with the account set by `signInAs`, and consent is given for
 * the client, so a test drives the whole flow with plain HTTP requests.
 */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const clientId = "dapkit-tracker";
  const clientSecret = "a-client-secret-for-tests-only-0123456789";
  const accounts = new Map<string, ProviderAccount>();
  let next: ProviderAccount | undefined;
  let codeLifetime = 60;

  const server: Server = createServer();
  const issuer = await listen(server);

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // Claims go in the ID token itself, as Entra ID puts email, roles and groups there.
    conformIdTokenClaims: false,
    // Groups come with `openid` alone, as Entra ID sends them whatever the scope.
    claims: { openid: ["sub", "groups"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: ["openid", "email", "profile"],
    features: { devInteractions: { enabled: false } },
    // Fresh keys for each provider: nothing signed by one is valid at another.
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    jwks: {
      keys: [
        generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
      ],
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { AuthorizationCode: () => codeLifetime },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (account === undefined) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          ...(account.name === undefined ? {} : { name: account.name }),
          ...(account.groups === undefined ? {} : { groups: account.groups }),
        }),
      };
    },
    // The client is trusted: every scope and claim it asks for is granted without a consent page.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (accountId === undefined || client === undefined) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  server.on("request", (req, res) => {
    const uid = INTERACTION_PATH.exec(req.url ?? "")?.groups?.uid;
    if (uid === undefined) {
      void callback(req, res);
      return;
    }
    void (async () => {
      try {
        await provider.interactionDetails(req, res);
        if (next === undefined) throw new Error("no account set with signInAs");
        const accountId = next.subject ?? `subject-of-${next.email}`;
        accounts.set(accountId, next);
        await provider.interactionFinished(req, res, { login: { accountId } });
      } catch (error) {
        res.statusCode = 400;
        res.end(error instanceof Error ? error.message : "interaction failed");
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(account) {
      next = account;
    },
    setCodeLifetime(seconds) {
      codeLifetime = seconds;
    },
    stop: () => close(server),
  };
}
