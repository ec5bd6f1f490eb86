/** What went wrong, in terms a client can act on; `trpc.ts` maps each code to a tRPC code. */
export type AppErrorCode =
  | "bad_request"
  | "unauthorised"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "insufficient_storage";

/** An expected failure with a message fit to show a user, optionally tied to one input field. */
export class AppError extends Error {
  override name = "AppError";
  readonly code: AppErrorCode;
  readonly field: string | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

/** Throws a not-found error naming the kind of record, unless the record exists. */
export function found<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw new AppError("not_found", `${what} not found`);
  return record;
}
