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
});

/** A user account in the administrators' list. */
export const UserOutputSchema = SessionUserOutputSchema.extend({
  active: z.boolean(),
  createdAt: z.string(),
});

/** A new user account. */
export const CreateUserInputSchema = z.object({
  email: EmailSchema,
  name: LabelSchema,
  role: UserRoleSchema,
  password: PasswordSchema,
  staffId: IdSchema.nullable().default(null),
});

/** The fields of a user account to change; those left out keep their values. */
export const UpdateUserInputSchema = z.object({
  id: IdSchema,
  data: z.object({
    name: LabelSchema.optional(),
    role: UserRoleSchema.optional(),
    active: z.boolean().optional(),
    staffId: IdSchema.nullable().optional(),
  }),
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
  setPassword: mutation({
    access: "administer",
    input: SetPasswordInputSchema,
    output: z.object({ id: IdSchema }),
  }),
};
