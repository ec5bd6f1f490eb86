import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";

import { EmailSchema, IdSchema, LabelSchema } from "@dapkit/schemas";

import { createUser, listUsers, setPassword, updateUser } from "../services/users/manage-users";
import { scopeOf } from "../services/scope";
import { permittedProcedure } from "../trpc";
import { PasswordSchema, UserOutputSchema, UserRoleSchema } from "./user-schemas";

const adminProcedure = permittedProcedure("administer");

export const usersRouter = {
  list: adminProcedure
    .output(z.array(UserOutputSchema))
    .query(({ ctx }) => listUsers(ctx.db, ctx.user.organisationId)),

  create: adminProcedure
    .input(
      z.object({
        email: EmailSchema,
        name: LabelSchema,
        role: UserRoleSchema,
        password: PasswordSchema,
        staffId: IdSchema.nullable().default(null),
      }),
    )
    .output(UserOutputSchema)
    .mutation(({ ctx, input }) => createUser(scopeOf(ctx), input)),

  update: adminProcedure
    .input(
      z.object({
        id: IdSchema,
        data: z.object({
          name: LabelSchema.optional(),
          role: UserRoleSchema.optional(),
          active: z.boolean().optional(),
          staffId: IdSchema.nullable().optional(),
        }),
      }),
    )
    .output(UserOutputSchema)
    .mutation(({ ctx, input }) => updateUser(scopeOf(ctx), input)),

  setPassword: adminProcedure
    .input(z.object({ id: IdSchema, password: PasswordSchema }))
    .output(z.object({ id: IdSchema }))
    .mutation(({ ctx, input }) => setPassword(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
