import type { TRPCRouterRecord } from "@trpc/server";
import { eq } from "drizzle-orm";
import * as z from "zod";

import { EmailSchema } from "@dapkit/schemas";

import { clearSessionCookie, setSessionCookie } from "../auth/cookie";
import { PERMISSION_NAMES, permissionsOf } from "../auth/permissions";
import { deleteSession } from "../auth/session-store";
import { actorOf } from "../services/actor";
import { organisations } from "../db/schema";
import { recordAudit } from "../services/audit/record-audit";
import { signIn } from "../services/auth/sign-in";
import { authedProcedure, publicProcedure } from "../trpc";
import { SessionUserOutputSchema } from "./user-schemas";

export const authRouter = {
  signIn: publicProcedure
    .input(
      z.object({
        email: EmailSchema,
        password: z
          .string({ error: "Enter your password" })
          .min(1, "Enter your password")
          .max(1024),
      }),
    )
    .output(SessionUserOutputSchema)
    .mutation(async ({ ctx, input }) => {
      const { user, token } = await signIn(ctx, input, ctx.request.ip);
      // A new session on every sign-in: a token planted before sign-in never becomes privileged.
      if (ctx.session != null) deleteSession(ctx.db, ctx.session.id);
      setSessionCookie(ctx.cookies, token);
      return user;
    }),

  signOut: authedProcedure.output(z.object({ signedOut: z.literal(true) })).mutation(({ ctx }) => {
    ctx.db.transaction((tx) => {
      deleteSession(tx, ctx.session.id);
      recordAudit(tx, {
        actor: actorOf(ctx.user),
        at: ctx.now(),
        action: "sign_out",
        entity: "session",
      });
    });
    clearSessionCookie(ctx.cookies);
    return { signedOut: true as const };
  }),

  /** The signed-in user and what their role may do (the web app shows only those parts). */
  me: publicProcedure
    .output(
      SessionUserOutputSchema.extend({
        organisationName: z.string(),
        permissions: z.array(z.enum(PERMISSION_NAMES)),
      }).nullable(),
    )
    .query(({ ctx }) => {
      if (ctx.session == null) return null;
      const { user } = ctx.session;
      const organisation = ctx.db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, user.organisationId))
        .get();
      return {
        ...user,
        organisationName: organisation?.name ?? "",
        permissions: permissionsOf(user.role),
      };
    }),
} satisfies TRPCRouterRecord;
