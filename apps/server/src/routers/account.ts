import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { clearSessionCookie } from "../auth/cookie";
import { changePassword } from "../services/account/change-password";
import { getAccount } from "../services/account/get-account";
import { recentSignIns } from "../services/account/recent-sign-ins";
import { signOutEverywhere } from "../services/account/sign-out-everywhere";
import { scopeOf } from "../services/scope";
import { assertBrowserSession } from "../services/tokens/browser-session";
import { createToken, listTokens, revokeToken } from "../services/tokens/manage-tokens";
import { procedureFor } from "../trpc";

const { account } = contract;

export const accountRouter = {
  get: procedureFor(account.get, ({ ctx }) => getAccount(scopeOf(ctx))),
  changePassword: procedureFor(account.changePassword, ({ ctx, input }) => {
    assertBrowserSession(ctx.session);
    return changePassword(scopeOf(ctx), input, ctx.session.id);
  }),
  signOutEverywhere: procedureFor(account.signOutEverywhere, ({ ctx }) => {
    const result = signOutEverywhere(scopeOf(ctx));
    clearSessionCookie(ctx.cookies);
    return result;
  }),
  recentSignIns: procedureFor(account.recentSignIns, ({ ctx }) => recentSignIns(scopeOf(ctx))),
  tokens: {
    list: procedureFor(account.tokens.list, ({ ctx }) => listTokens(scopeOf(ctx))),
    create: procedureFor(account.tokens.create, ({ ctx, input }) => {
      assertBrowserSession(ctx.session);
      return createToken(scopeOf(ctx), input);
    }),
    revoke: procedureFor(account.tokens.revoke, ({ ctx, input }) =>
      revokeToken(scopeOf(ctx), input),
    ),
  },
} satisfies TRPCRouterRecord;
