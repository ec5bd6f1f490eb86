import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { inviteUser } from "../services/users/invite-user";
import { createUser, listUsers, setPassword, updateUser } from "../services/users/manage-users";
import { resetPassword } from "../services/users/reset-password";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { users } = contract;

export const usersRouter = {
  list: procedureFor(users.list, ({ ctx }) => listUsers(ctx.db, ctx.user.organisationId)),
  create: procedureFor(users.create, ({ ctx, input }) => createUser(scopeOf(ctx), input)),
  update: procedureFor(users.update, ({ ctx, input }) => updateUser(scopeOf(ctx), input)),
  invite: procedureFor(users.invite, ({ ctx, input }) =>
    inviteUser(scopeOf(ctx), input, ctx.publicUrl),
  ),
  resetPassword: procedureFor(users.resetPassword, ({ ctx, input }) =>
    resetPassword(scopeOf(ctx), input, ctx.publicUrl),
  ),
  setPassword: procedureFor(users.setPassword, ({ ctx, input }) =>
    setPassword(scopeOf(ctx), input),
  ),
} satisfies TRPCRouterRecord;
