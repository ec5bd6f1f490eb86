import * as z from "zod";

import { EmailSchema } from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { PERMISSION_NAMES } from "./roles";
import { ACCOUNT_LINK_PURPOSES, PasswordSchema, SessionUserOutputSchema } from "./users";

/** An email address and password to sign in with. */
export const SignInInputSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
});

/**
 * The result of a password sign-in. When `passwordChangeToken` is set, no session was started:
 * an administrator reset the password, and the holder must choose a new one with
 * `auth.setPassword` and this token (valid for a few minutes) before they are signed in.
 */
export const SignInOutputSchema = SessionUserOutputSchema.extend({
  passwordChangeToken: z.string().nullable(),
});

/** The secret of a single-use account link (set-password, reset) or of a forced change. */
export const AccountLinkTokenSchema = z
  .string({ error: "must be text" })
  .min(1, "This link is not complete. Copy the whole link.")
  .max(200, "This link is not valid");

/** A new password chosen from a single-use link. */
export const SetPasswordFromLinkInputSchema = z.object({
  token: AccountLinkTokenSchema,
  password: PasswordSchema,
});

/** What a single-use link is for and whose it is, so its page can say before a password is typed. */
export const AccountLinkInfoOutputSchema = z.object({
  email: EmailSchema,
  name: z.string(),
  organisationName: z.string(),
  purpose: z.enum(ACCOUNT_LINK_PURPOSES),
  expiresAt: z.string(),
});

/** The signed-in user, their organisation's name and kind, and what their role may do. */
export const MeOutputSchema = SessionUserOutputSchema.extend({
  organisationName: z.string(),
  /** The organisation runs as a partnership of agencies (so its partnership pages apply). */
  runsAsPartnership: z.boolean().default(false),
  permissions: z.array(z.enum(PERMISSION_NAMES)),
});

/** Signing in and out, and who is signed in. */
export const auth = {
  signIn: mutation({ access: "public", input: SignInInputSchema, output: SignInOutputSchema }),
  signOut: mutation({ access: "signedIn", output: z.object({ signedOut: z.literal(true) }) }),
  /** Null when nobody is signed in; the web app shows only what `permissions` allow. */
  me: query({ access: "public", output: MeOutputSchema.nullable() }),
  /**
   * Sets a password from a single-use link (or a sign-in's `passwordChangeToken`), uses the link
   * up, and signs the person in. Refused for an expired, used or unknown link, all alike.
   */
  setPassword: mutation({
    access: "public",
    input: SetPasswordFromLinkInputSchema,
    output: SessionUserOutputSchema,
  }),
  /** Whose a link is and what it is for; refused, like `setPassword`, once it cannot be used. */
  accountLink: query({
    access: "public",
    input: z.object({ token: AccountLinkTokenSchema }),
    output: AccountLinkInfoOutputSchema,
  }),
  /**
   * Whether any organisation exists: until one does, the web app says the service has not been
   * set up and shows the command that sets it up (there is no sign-up).
   */
  setupStatus: query({ access: "public", output: z.object({ setUp: z.boolean() }) }),
};
