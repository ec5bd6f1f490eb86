import type { IncomingMessage, ServerResponse } from "node:http";

import type { AnyTRPCProcedure, TRPCError } from "@trpc/server";
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";

import type { Context } from "../context";
import { appRouter } from "../router";

/** One query named in a GET request's path, with its input. */
interface QueryCall {
  path: string;
  procedure: AnyTRPCProcedure;
  input: unknown;
}

/** The queries a GET request asks for, ready to be answered directly. */
export interface PlainQuery {
  /** Whether the request is a batch (`?batch=1`), as the web app's are, answered with an array. */
  batch: boolean;
  calls: QueryCall[];
}

// A procedure's path as the router names it: no escapes, nothing tRPC would have to decode.
const PROCEDURE_PATH = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+$/;

// tRPC keeps every procedure under its full dotted path here, as its own handler looks them up.
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  AnyTRPCProcedure | undefined
>;

function queryAt(path: string): AnyTRPCProcedure | undefined {
  if (!PROCEDURE_PATH.test(path) || !Object.hasOwn(procedures, path)) return undefined;
  const procedure = procedures[path];
  return procedure?._def.type === "query" ? procedure : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value != null && !Array.isArray(value);
}

/**
 * The queries a request asks for, when it is the plain case: a GET of one query procedure, or a
 * batch of them (not a stream), without a body type other than JSON, whose input is absent or
 * parses as JSON (for a batch, an object of inputs by position). Anything else (a mutation, a
 * path that is not a query, input that is not JSON) is left to tRPC's own handler, which answers
 * it in full.
 */
export function plainQuery(req: IncomingMessage, url: URL): PlainQuery | undefined {
  if (req.method !== "GET") return undefined;
  const { headers } = req;
  if (headers["trpc-accept"] !== undefined || headers.accept === "application/jsonl") {
    return undefined;
  }
  const type = headers["content-type"];
  if (type !== undefined && !type.startsWith("application/json")) return undefined;
  const batchParam = url.searchParams.get("batch");
  if (batchParam != null && batchParam !== "1") return undefined;
  const batch = batchParam === "1";
  const paths = url.pathname.slice("/trpc/".length).split(",");
  if (!batch && paths.length !== 1) return undefined;
  const raw = url.searchParams.get("input");
  let inputs: unknown;
  try {
    inputs = raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
  if (batch && inputs !== undefined && !isPlainObject(inputs)) return undefined;
  const calls: QueryCall[] = [];
  for (const [index, path] of paths.entries()) {
    const procedure = queryAt(path);
    if (procedure === undefined) return undefined;
    const input = !batch ? inputs : isPlainObject(inputs) ? inputs[String(index)] : undefined;
    calls.push({ path, procedure, input });
  }
  return { batch, calls };
}

type Answer = { result: { data: unknown } } | { error: unknown };

/**
 * Answers plain queries as tRPC's HTTP handler would, byte for byte (the tests compare the two),
 * without turning the request into a Fetch `Request` and the answer into a `Response` read back
 * through a web stream: for the dashboard's few-kilobyte answer those conversions, their abort
 * signals and headers cost several times the query. The context is made once for the request and
 * each procedure runs through the same middleware (the session's access check, input and output
 * validation, error mapping); a batch's calls run together, as tRPC runs them.
 */
export async function answerPlainQuery(
  query: PlainQuery,
  http: {
    res: ServerResponse;
    createContext: () => Context;
    onError: (failure: { error: TRPCError; path: string }) => void;
  },
): Promise<void> {
  const { res } = http;
  const config = appRouter._def._config;
  let ctx: Context | undefined;
  let contextError: unknown;
  try {
    ctx = http.createContext();
  } catch (cause) {
    contextError = cause;
  }
  const answers: Answer[] = await Promise.all(
    query.calls.map(async ({ path, procedure, input }, batchIndex): Promise<Answer> => {
      try {
        if (ctx === undefined) throw getTRPCErrorFromUnknown(contextError);
        const data: unknown = await procedure({
          path,
          getRawInput: () => Promise.resolve(input),
          ctx,
          type: "query",
          signal: undefined,
          batchIndex,
        });
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        http.onError({ error, path });
        return { error: getErrorShape({ config, ctx, error, input, path, type: "query" }) };
      }
    }),
  );
  const untransformed = query.batch ? answers : answers[0];
  res.statusCode = getHTTPStatusCode(untransformed as never);
  res.setHeader("vary", "trpc-accept, accept");
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(transformTRPCResponse(config, untransformed as never)));
}
