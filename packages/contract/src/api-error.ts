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

/**
 * The input field an issue at `path` belongs to: the top-level key, or for a change shaped
 * `{ id, data: { … } }` the key inside `data`; null for a problem with the input as a whole.
 *
 * @example
 * issueField(["data", "title"]); // "title"
 * issueField(["staffIds", 3]); // "staffIds"
 */
export function issueField(path: readonly (string | number)[]): string | null {
  const [first, second] = path;
  const key = first === "data" && second !== undefined ? second : first;
  return key === undefined ? null : String(key);
}
