import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { clearSessionCookie, setSessionCookie } from "../auth/cookie";
import { currentUser } from "../services/auth/current-user";
import { linkDetails } from "../services/auth/link-details";
import { setPasswordFromLink } from "../services/auth/set-password-from-link";
import { setupStatus } from "../services/auth/setup-status";
import { signIn } from "../services/auth/sign-in";
import { endEarlierSession, signOut } from "../services/auth/sign-out";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { auth } = contract;

export const authRouter = {
  signIn: procedureFor(auth.signIn, async ({ ctx, input }) => {
    const { user, token, passwordChangeToken } = await signIn(ctx, input, ctx.request.ip);
    endEarlierSession(ctx.db, ctx.session);
    if (token != null) setSessionCookie(ctx.cookies, token);
    return { ...user, passwordChangeToken };
  }),

  signOut: procedureFor(auth.signOut, ({ ctx }) => {
    const result = signOut(scopeOf(ctx), ctx.session.id);
    clearSessionCookie(ctx.cookies);
    return result;
  }),

  me: procedureFor(auth.me, ({ ctx }) => currentUser(ctx.db, ctx.session?.user ?? null)),

  setPassword: procedureFor(auth.setPassword, async ({ ctx, input }) => {
    const { user, token } = await setPasswordFromLink(ctx, input, ctx.request.ip);
    endEarlierSession(ctx.db, ctx.session);
    setSessionCookie(ctx.cookies, token);
    return user;
  }),

  accountLink: procedureFor(auth.accountLink, ({ ctx, input }) =>
    linkDetails(ctx.db, input.token, ctx.now()),
  ),

  setupStatus: procedureFor(auth.setupStatus, ({ ctx }) => setupStatus(ctx.db)),
} satisfies TRPCRouterRecord;
