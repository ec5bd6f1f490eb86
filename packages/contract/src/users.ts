import * as z from "zod";

import { EmailSchema, IdSchema, LabelSchema } from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { USER_ROLES } from "./roles";

/** Passwords shorter than this are refused (NCSC guidance favours length over complexity). */
export const MIN_PASSWORD_LENGTH = 12;

/** A user's role, with a message that lists the roles there are. */
export const UserRoleSchema = z.enum(USER_ROLES, {
  error: `must be one of ${USER_ROLES.join(", ")}`,
});

/** A new password, as an administrator sets it. */
export const PasswordSchema = z
  .string({ error: "must be text" })
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "must be at most 1,024 characters");

/** The signed-in user as the API shows them. */
export const SessionUserOutputSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  email: EmailSchema,
  name: LabelSchema,
  role: UserRoleSchema,
  staffId: IdSchema.nullable(),
  /** An agency lead's agency; null for everyone else. */
  agencyId: IdSchema.nullable().default(null),
});

/**
 * Where an account stands: `invited` until its first sign-in (no password set yet), `active`
 * after, `deactivated` when an administrator has stopped it signing in.
 */
export const USER_STATUSES = ["invited", "active", "deactivated"] as const;

/** Where an account stands. */
export type UserStatus = (typeof USER_STATUSES)[number];

/** A user account in the administrators' list. */
export const UserOutputSchema = SessionUserOutputSchema.extend({
  active: z.boolean(),
  status: z.enum(USER_STATUSES),
  /** The last successful sign-in (password or single sign-on); null if never. */
  lastSignInAt: z.string().nullable(),
  /** True after a reset: their next sign-in must choose a new password. */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});

/**
 * A single-use link to set a password, shown once to whoever asked for it (an administrator, or
 * the `create-organisation` command). Only a hash of its token is kept.
 */
export const AccountLinkOutputSchema = z.object({ url: z.string(), expiresAt: z.string() });

/** What a single-use link is for: the first admin's set-up, an invitation, a password reset. */
export const ACCOUNT_LINK_PURPOSES = ["setup", "invite", "reset"] as const;

/** How long an invitation or password-reset link lasts. */
export const ACCOUNT_LINK_LIFETIME_HOURS = 72;

/** A new user account. */
export const CreateUserInputSchema = z.object({
  email: EmailSchema,
  name: LabelSchema,
  role: UserRoleSchema,
  password: PasswordSchema,
  staffId: IdSchema.nullable().default(null),
  /** The agency an agency lead acts for: required for that role, refused for any other. */
  agencyId: IdSchema.nullable().default(null),
});

/** The fields of a user account to change; those left out keep their values. */
export const UpdateUserInputSchema = z.object({
  id: IdSchema,
  data: z.object({
    name: LabelSchema.optional(),
    role: UserRoleSchema.optional(),
    active: z.boolean().optional(),
    staffId: IdSchema.nullable().optional(),
    agencyId: IdSchema.nullable().optional(),
  }),
});

/**
 * How a set-password link reaches its person: emailed by the service (the link is made as the
 * message is sent, so it is never stored readable), or shown once to the administrator to pass on.
 */
export const LINK_DELIVERIES = ["email", "show"] as const;

const LinkDeliverySchema = z.enum(LINK_DELIVERIES).default("show");

/** Someone to invite: they choose their password from the link (or use single sign-on). */
export const InviteUserInputSchema = CreateUserInputSchema.omit({ password: true }).extend({
  sendBy: LinkDeliverySchema,
});

/** A user whose password is reset, and how they get the new link. */
export const ResetPasswordInputSchema = z.object({ id: IdSchema, sendBy: LinkDeliverySchema });

/** A new link's outcome: shown (`link`), or emailed to `emailedTo` (then `link` is null). */
const LinkOutcomeSchema = z.object({
  user: UserOutputSchema,
  link: AccountLinkOutputSchema.nullable(),
  emailedTo: z.string().nullable(),
});

/** A new password for a user (which ends their sessions). */
export const SetPasswordInputSchema = z.object({ id: IdSchema, password: PasswordSchema });

/** User accounts and roles: administrators only. */
export const users = {
  list: query({ access: "administer", output: z.array(UserOutputSchema) }),
  create: mutation({
    access: "administer",
    input: CreateUserInputSchema,
    output: UserOutputSchema,
  }),
  update: mutation({
    access: "administer",
    input: UpdateUserInputSchema,
    output: UserOutputSchema,
  }),
  /** Adds a user with no password, and emails or returns the link where they set one. */
  invite: mutation({
    access: "administer",
    input: InviteUserInputSchema,
    output: LinkOutcomeSchema,
  }),
  /**
   * Ends the user's sessions, makes their next sign-in choose a new password, and emails or
   * returns a link where they can set one now.
   */
  resetPassword: mutation({
    access: "administer",
    input: ResetPasswordInputSchema,
    output: LinkOutcomeSchema,
  }),
  setPassword: mutation({
    access: "administer",
    input: SetPasswordInputSchema,
    output: z.object({ id: IdSchema }),
  }),
};
