import type { ServerResponse } from "node:http";

import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

import { AppError, type AppErrorCode } from "../errors";
import { log } from "../log";
import { storageFullError } from "../storage-full";

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorised: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  insufficient_storage: 507,
};

/** Sends a JSON body with a status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(text);
}

/**
 * Sends an error from a plain HTTP route as `{ error: { code, message, field } }`. Expected
 * errors keep their message; anything else is logged and reported without internals.
 */
export function sendError(res: ServerResponse, failure: unknown): void {
  if (res.headersSent) {
    // Part of a file was already sent; all that can be done is to cut the response short.
    res.destroy(failure instanceof Error ? failure : undefined);
    return;
  }
  const error = storageFullError(failure) ?? failure;
  if (error instanceof AppError) {
    sendJson(res, STATUS[error.code], {
      error: { code: error.code, message: error.message, field: error.field ?? null },
    });
    return;
  }
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    sendJson(res, getHTTPStatusCodeFromError(error), {
      error: { code: error.code.toLowerCase(), message: error.message, field: null },
    });
    return;
  }
  log.error("request failed", { error: error instanceof Error ? error.name : typeof error });
  sendJson(res, 500, {
    error: { code: "internal", message: "Something went wrong. Try again later.", field: null },
  });
}
