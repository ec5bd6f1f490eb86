import type { ApiIssue } from "@dapkit/contract";

import { TRACKER_ERROR_CODES, TrackerError, type TrackerErrorCode } from "./tracker-error";

// The tracker speaks tRPC v11's HTTP protocol without a transformer: a call answers
// `{ "result": { "data": … } }`, a failure `{ "error": { "message", "code", "data" } }` whose `data`
// is the contract's ApiErrorData (code, httpStatus, path, field, issues).

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value != null && !Array.isArray(value);
}

function isCode(value: unknown): value is TrackerErrorCode {
  return (TRACKER_ERROR_CODES as readonly unknown[]).includes(value);
}

function isIssue(value: unknown): value is ApiIssue {
  return (
    isRecord(value) &&
    Array.isArray(value.path) &&
    value.path.every((part) => typeof part === "string" || typeof part === "number") &&
    typeof value.code === "string" &&
    typeof value.message === "string"
  );
}

function issuesOf(value: unknown): readonly ApiIssue[] | null {
  return Array.isArray(value) && value.every(isIssue) ? value : null;
}

/**
 * The data of a tracker answer, or the TrackerError it stands for. `status` is the answer's HTTP
 * status; `body` its parsed JSON, or undefined when it had none that parsed.
 */
export function readAnswer(path: string, status: number, body: unknown): unknown {
  if (status >= 200 && status < 300 && isRecord(body) && isRecord(body.result)) {
    return body.result.data;
  }
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.message === "string" && isRecord(error.data)) {
    const { data } = error;
    if (isCode(data.code)) {
      throw new TrackerError(error.message, {
        code: data.code,
        httpStatus: status,
        path,
        field: typeof data.field === "string" ? data.field : null,
        issues: issuesOf(data.issues),
      });
    }
  }
  throw new TrackerError(
    `The tracker's address answered ${path} with HTTP ${String(status)} but not as the tracker's ` +
      "API does: check the url given to createTrackerClient, and any proxy in front of the tracker.",
    { code: "INVALID_RESPONSE", httpStatus: status, path },
  );
}
