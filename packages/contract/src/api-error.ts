/**
 * One problem with a request's input, as the server reports it: where (`path`, e.g.
 * `["data", "owner"]`), zod's issue code (or `"custom"` for a rule of the service) and a message
 * written for people ("must not be empty").
 */
export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

/**
 * The `data` of every error the tracker's API returns. `issues` lists each problem with the input
 * (null when the error is not about the input); `field` is the top-level input field at fault, the
 * first issue's, so a caller that shows one message can put it beside the right field.
 */
export interface ApiErrorData {
  /** The tRPC error code: `BAD_REQUEST`, `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `CONFLICT`, … */
  readonly code: string;
  readonly httpStatus: number;
  /** The procedure's path, e.g. `training.sessions.create`. */
  readonly path: string | null;
  readonly field: string | null;
  readonly issues: readonly ApiIssue[] | null;
}
