import * as z from "zod";

import { EmailSchema } from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { PERMISSION_NAMES } from "./roles";
import { SessionUserOutputSchema } from "./users";

/** An email address and password to sign in with. */
export const SignInInputSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
});

/** The signed-in user, their organisation's name and what their role may do. */
export const MeOutputSchema = SessionUserOutputSchema.extend({
  organisationName: z.string(),
  permissions: z.array(z.enum(PERMISSION_NAMES)),
});

/** Signing in and out, and who is signed in. */
export const auth = {
  signIn: mutation({ access: "public", input: SignInInputSchema, output: SessionUserOutputSchema }),
  signOut: mutation({ access: "signedIn", output: z.object({ signedOut: z.literal(true) }) }),
  /** Null when nobody is signed in; the web app shows only what `permissions` allow. */
  me: query({ access: "public", output: MeOutputSchema.nullable() }),
};
