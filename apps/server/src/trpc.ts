import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import * as z from "zod";

import { formatIssues } from "@dapkit/schemas";

import { PERMISSIONS, type Permission } from "./auth/permissions";
import type { Context } from "./context";
import type { UserRole } from "./db/schema";
import { AppError, type AppErrorCode } from "./errors";
import { domainErrorCode } from "./domain-errors";
import { storageFullError } from "./storage-full";

// The one table that turns an application error code into a tRPC (and so HTTP) error code.
const APP_ERROR_CODES: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  bad_request: "BAD_REQUEST",
  unauthorised: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  payload_too_large: "PAYLOAD_TOO_LARGE",
  unsupported_media_type: "UNSUPPORTED_MEDIA_TYPE",
  too_many_requests: "TOO_MANY_REQUESTS",
  // tRPC has no 507; the message says what is wrong.
  insufficient_storage: "SERVICE_UNAVAILABLE",
};

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    // Keyed by the input's top-level field, for forms that show a message beside each field.
    const fieldErrors: Record<string, string[] | undefined> | null =
      cause instanceof z.ZodError ? z.flattenError(cause).fieldErrors : null;
    return {
      ...shape,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        field: cause instanceof AppError ? (cause.field ?? null) : null,
        fieldErrors,
      },
    };
  },
});

// Services throw AppError and the domain packages their own named errors; this turns them into
// tRPC errors with the right code, so none reaches a client as a 500.
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof z.ZodError && result.error.code === "BAD_REQUEST") {
    // Invalid input reads as "field: problem" lines rather than a JSON dump of zod issues; an
    // input that is not even an object has no field of its own, so it is named "input".
    const lines = formatIssues(cause).map((line, index) =>
      cause.issues[index]?.path.length === 0 ? `input: ${line}` : line,
    );
    throw new TRPCError({ code: "BAD_REQUEST", message: lines.join("\n"), cause });
  }
  const appError = cause instanceof AppError ? cause : storageFullError(cause);
  if (appError !== undefined) {
    throw new TRPCError({
      code: APP_ERROR_CODES[appError.code],
      message: appError.message,
      cause: appError,
    });
  }
  const domainCode = cause === undefined ? undefined : domainErrorCode(cause);
  if (domainCode !== undefined && cause instanceof Error) {
    throw new TRPCError({ code: domainCode, message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone may call it, signed in or not. */
export const publicProcedure = t.procedure.use(mapErrors);

/** Needs a signed-in user; the user's organisation scopes everything the procedure touches. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.session == null) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  }
  return next({ ctx: { session: ctx.session, user: ctx.session.user } });
});

/** Needs a signed-in user whose role has `permission` (see auth/permissions.ts). */
export function permittedProcedure(permission: Permission) {
  const roles: readonly UserRole[] = PERMISSIONS[permission];
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this" });
    }
    return next();
  });
}
