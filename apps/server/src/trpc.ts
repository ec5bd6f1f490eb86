import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPCMutationProcedure, TRPCQueryProcedure } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import * as z from "zod";

import { formatIssues } from "@dapkit/schemas";
import {
  issueField,
  type Access,
  type ApiErrorData,
  type ApiIssue,
  type ProcedureContract,
} from "@dapkit/contract";

import { authorise } from "./auth/authorise";
import type { SessionUser } from "./auth/session-user";
import type { Context } from "./context";
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

/** What every procedure carries besides its schemas: who may call it, from the contract. */
export interface ProcedureMeta {
  access: Access;
}

/** The problems with a refused input, each where it is and in the schema's own words. */
function inputIssues(cause: unknown): ApiIssue[] | null {
  if (cause instanceof z.ZodError) {
    return cause.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)),
      code: issue.code,
      message: issue.message,
    }));
  }
  if (cause instanceof AppError && cause.field !== undefined) {
    return [{ path: [cause.field], code: "custom", message: cause.message }];
  }
  return null;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    isDev: false,
    errorFormatter({ shape, error }) {
      // Only a refused input has issues: an output that fails its schema is the server's fault
      // (a 500), and its details stay on the server.
      const issues = error.code === "INTERNAL_SERVER_ERROR" ? null : inputIssues(error.cause);
      const first = issues?.[0];
      const data: ApiErrorData = {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path ?? null,
        field: first === undefined ? null : issueField(first.path),
        issues,
      };
      return { ...shape, data };
    },
  });

// Services throw AppError and the domain packages their own named errors; this turns them into
// tRPC errors with the right code, so none reaches a client as a 500.
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof z.ZodError && result.error.code === "BAD_REQUEST") {
    // The message reads as "field: problem" for people; programs read the structured issues. An
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

const base = t.procedure.use(mapErrors);

// A change waits, without holding up the thread, while an import on the import worker holds the
// database's write lock: otherwise SQLite's busy handler would stop the whole server until the
// import committed. Reads never wait: the import's snapshot does not block them.
const waitForImportWrite = t.middleware(async ({ ctx, next }) => {
  await ctx.imports?.writesIdle();
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The context of a procedure open to signed-in users only: their session and who they are. */
export interface SignedInContext extends Context {
  session: NonNullable<Context["session"]>;
  user: SessionUser;
}

type ContextFor<Who extends Access> = Who extends "public" ? Context : SignedInContext;

type ParsedInput<C extends ProcedureContract> = C["input"] extends z.ZodType
  ? z.output<C["input"]>
  : undefined;

/** The function that does a procedure's work: it gets the checked input, returns the output. */
export type Resolver<C extends ProcedureContract> = (options: {
  ctx: ContextFor<C["access"]>;
  input: ParsedInput<C>;
}) => z.input<C["output"]> | Promise<z.input<C["output"]>>;

interface ProcedureTypes<C extends ProcedureContract> {
  input: C["input"] extends z.ZodType ? z.input<C["input"]> : void;
  output: z.output<C["output"]>;
  meta: ProcedureMeta;
  errorShape: (typeof t._config.$types)["errorShape"];
}

/** The tRPC procedure built from a contract entry. */
export type ProcedureFor<C extends ProcedureContract> = C["kind"] extends "query"
  ? TRPCQueryProcedure<ProcedureTypes<C>>
  : TRPCMutationProcedure<ProcedureTypes<C>>;

/**
 * The one way to make a procedure: from its contract entry, which says whether it reads or
 * changes, who may call it and its schemas, and the function that does the work.
 *
 * @example
 * list: procedureFor(contract.training.sessions.list, ({ ctx, input }) =>
 *   listSessions(scopeOf(ctx), input),
 * ),
 */
export function procedureFor<C extends ProcedureContract>(
  entry: C,
  resolve: Resolver<C>,
): ProcedureFor<C> {
  // The access is checked before the input is even parsed, so a caller who may not use the
  // procedure learns nothing from its validation messages; the meta lets tests read it back.
  const checked = base
    .meta({ access: entry.access })
    .use(({ ctx, path, next }) => next({ ctx: { user: authorise(ctx, entry.access, path) } }));
  const withAccess = entry.kind === "query" ? checked : checked.use(waitForImportWrite);
  const builder = (entry.input === undefined ? withAccess : withAccess.input(entry.input)).output(
    entry.output,
  );
  // The resolver's types come from the contract (Resolver, above) rather than from tRPC's builder,
  // so the two meet here, once.
  const run = resolve as never;
  const procedure = entry.kind === "query" ? builder.query(run) : builder.mutation(run);
  return procedure as unknown as ProcedureFor<C>;
}
