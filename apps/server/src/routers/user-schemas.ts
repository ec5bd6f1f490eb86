import * as z from "zod";

import { EmailSchema, IdSchema, LabelSchema } from "@dapkit/schemas";

import { MIN_PASSWORD_LENGTH } from "../auth/passwords";
import { USER_ROLES } from "../db/schema";

export const UserRoleSchema = z.enum(USER_ROLES, {
  error: `must be one of ${USER_ROLES.join(", ")}`,
});

export const PasswordSchema = z
  .string({ error: "must be text" })
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "must be at most 1,024 characters");

export const SessionUserOutputSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  email: EmailSchema,
  name: LabelSchema,
  role: UserRoleSchema,
  staffId: IdSchema.nullable(),
});

export const UserOutputSchema = SessionUserOutputSchema.extend({
  active: z.boolean(),
  createdAt: z.string(),
});
