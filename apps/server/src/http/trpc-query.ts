import type { IncomingMessage, ServerResponse } from "node:http";

import type { AnyTRPCProcedure, TRPCError } from "@trpc/server";
import {
  getErrorShape,
  getHTTPStatusCodeFromError,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";

import type { Context } from "../context";
import { appRouter } from "../router";

/** One query named in a GET request's path, with its input, ready to be answered directly. */
export interface PlainQuery {
  path: string;
  procedure: AnyTRPCProcedure;
  input: unknown;
}

// A procedure's path as the router names it: no escapes, nothing tRPC would have to decode.
const PROCEDURE_PATH = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+$/;

// tRPC keeps every procedure under its full dotted path here, as its own handler looks them up.
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  AnyTRPCProcedure | undefined
>;

/**
 * The query a request asks for, when it is the plain case: a GET of one query procedure (not a
 * batch, not a stream), without a body type other than JSON, whose input is absent or parses as
 * JSON. Anything else is left to tRPC's own handler, which answers it in full.
 */
export function plainQuery(req: IncomingMessage, url: URL): PlainQuery | undefined {
  if (req.method !== "GET" || url.searchParams.has("batch")) return undefined;
  const { headers } = req;
  if (headers["trpc-accept"] !== undefined || headers.accept === "application/jsonl") {
    return undefined;
  }
  const type = headers["content-type"];
  if (type !== undefined && !type.startsWith("application/json")) return undefined;
  const path = url.pathname.slice("/trpc/".length);
  if (!PROCEDURE_PATH.test(path) || !Object.hasOwn(procedures, path)) return undefined;
  const procedure = procedures[path];
  if (procedure?._def.type !== "query") return undefined;
  const raw = url.searchParams.get("input");
  if (!raw) return { path, procedure, input: undefined };
  try {
    return { path, procedure, input: JSON.parse(raw) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * Answers a plain query as tRPC's HTTP handler would, byte for byte (the tests compare the two),
 * without turning the request into a Fetch `Request` and the answer into a `Response` read back
 * through a web stream: for the dashboard's few-kilobyte answer those conversions, their abort
 * signals and headers cost several times the query. The procedure runs through the same
 * middleware (the session's access check, input and output validation, error mapping).
 */
export async function answerPlainQuery(
  query: PlainQuery,
  http: {
    res: ServerResponse;
    createContext: () => Context;
    onError: (failure: { error: TRPCError; path: string }) => void;
  },
): Promise<void> {
  const { path, procedure, input } = query;
  const { res } = http;
  const config = appRouter._def._config;
  let ctx: Context | undefined;
  let status = 200;
  let body: unknown;
  try {
    ctx = http.createContext();
    const data: unknown = await procedure({
      path,
      getRawInput: () => Promise.resolve(input),
      ctx,
      type: "query",
      signal: undefined,
      batchIndex: 0,
    });
    body = transformTRPCResponse(config, { result: { data } });
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    http.onError({ error, path });
    const shape = getErrorShape({ config, ctx, error, input, path, type: "query" });
    status = getHTTPStatusCodeFromError(error);
    body = transformTRPCResponse(config, { error: shape });
  }
  res.statusCode = status;
  res.setHeader("vary", "trpc-accept, accept");
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}
