import * as z from "zod";

import { IdSchema, LabelSchema } from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { PasswordSchema, SessionUserOutputSchema } from "./users";

/** The signed-in person's own account. */
export const AccountOutputSchema = SessionUserOutputSchema.extend({
  organisationName: z.string(),
  lastSignInAt: z.string().nullable(),
  /** False for an account that signs in only with single sign-on. */
  hasPassword: z.boolean(),
  /** False when the organisation has turned password sign-in off. */
  passwordSignInAllowed: z.boolean(),
});

/** A change of one's own password: the current one proves it is them. */
export const ChangePasswordInputSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password" })
    .min(1, "Enter your current password")
    .max(1024),
  newPassword: PasswordSchema,
});

/** How many recent sign-ins "My account" shows. */
export const RECENT_SIGN_INS = 20;

/** How someone signed in. */
export const SIGN_IN_METHODS = ["password", "single_sign_on", "link"] as const;

/** One sign-in to the account, or a failed attempt at one, and where it came from. */
export const SignInRecordOutputSchema = z.object({
  at: z.string(),
  succeeded: z.boolean(),
  /** The client address; null when it was not recorded. */
  source: z.string().nullable(),
  method: z.enum(SIGN_IN_METHODS),
});

/** The longest an API token may last; a script needing more is given a new one. */
export const MAX_TOKEN_DAYS = 366;

/** A new personal API token: a name to recognise it by and how many days it lasts. */
export const CreateTokenInputSchema = z.object({
  name: LabelSchema,
  expiresInDays: z
    .int({ error: "must be a whole number of days" })
    .min(1, "must be at least 1 day")
    .max(MAX_TOKEN_DAYS, `must be at most ${MAX_TOKEN_DAYS} days`),
});

/** Where a token stands. */
export const TOKEN_STATUSES = ["active", "expired", "revoked"] as const;

/** A personal API token as its owner sees it (never the token itself after creation). */
export const TokenOutputSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(TOKEN_STATUSES),
});

/** The signed-in person's own account: password, sessions, sign-ins and API tokens. */
export const account = {
  get: query({ access: "signedIn", output: AccountOutputSchema }),
  /** Needs the current password; ends the account's other sessions. */
  changePassword: mutation({
    access: "signedIn",
    input: ChangePasswordInputSchema,
    output: z.object({ changed: z.literal(true) }),
  }),
  /** Ends every session of the account, this one included (API tokens are revoked one by one). */
  signOutEverywhere: mutation({
    access: "signedIn",
    output: z.object({ signedOut: z.literal(true), sessionsEnded: z.int() }),
  }),
  /** The latest sign-ins and failed attempts, newest first, at most {@link RECENT_SIGN_INS}. */
  recentSignIns: query({ access: "signedIn", output: z.array(SignInRecordOutputSchema) }),
  tokens: {
    list: query({ access: "signedIn", output: z.array(TokenOutputSchema) }),
    /**
     * Makes a token acting as this user (their role and organisation). `token` is shown this
     * once: only its hash is kept. Send it as `Authorization: Bearer <token>`.
     */
    create: mutation({
      access: "signedIn",
      input: CreateTokenInputSchema,
      output: z.object({ token: z.string(), details: TokenOutputSchema }),
    }),
    revoke: mutation({
      access: "signedIn",
      input: z.object({ id: IdSchema }),
      output: TokenOutputSchema,
    }),
  },
};
