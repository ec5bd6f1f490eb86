import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { clearSessionCookie, setSessionCookie } from "../auth/cookie";
import { currentUser } from "../services/auth/current-user";
import { signIn } from "../services/auth/sign-in";
import { endEarlierSession, signOut } from "../services/auth/sign-out";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

export const authRouter = {
  signIn: procedureFor(contract.auth.signIn, async ({ ctx, input }) => {
    const { user, token } = await signIn(ctx, input, ctx.request.ip);
    endEarlierSession(ctx.db, ctx.session);
    setSessionCookie(ctx.cookies, token);
    return user;
  }),

  signOut: procedureFor(contract.auth.signOut, ({ ctx }) => {
    const result = signOut(scopeOf(ctx), ctx.session.id);
    clearSessionCookie(ctx.cookies);
    return result;
  }),

  me: procedureFor(contract.auth.me, ({ ctx }) => currentUser(ctx.db, ctx.session?.user ?? null)),
} satisfies TRPCRouterRecord;
