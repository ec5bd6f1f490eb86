import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { createUser, listUsers, setPassword, updateUser } from "../services/users/manage-users";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { users } = contract;

export const usersRouter = {
  list: procedureFor(users.list, ({ ctx }) => listUsers(ctx.db, ctx.user.organisationId)),
  create: procedureFor(users.create, ({ ctx, input }) => createUser(scopeOf(ctx), input)),
  update: procedureFor(users.update, ({ ctx, input }) => updateUser(scopeOf(ctx), input)),
  setPassword: procedureFor(users.setPassword, ({ ctx, input }) =>
    setPassword(scopeOf(ctx), input),
  ),
} satisfies TRPCRouterRecord;
