import { contract, CSRF_HEADERS, type Contract } from "@dapkit/contract";

import { contractClient, type ContractClient, type SendCall } from "./contract-client";
import { CookieJar, setCookieHeaders } from "./cookie-jar";
import { readAnswer } from "./read-answer";
import { TrackerError } from "./tracker-error";

/**
 * Request headers as a plain object of names to values.
 *
 * @example
 * const headers: TrackerHeaders = { authorization: "Bearer from-your-reverse-proxy" };
 */
export type TrackerHeaders = Readonly<Record<string, string>>;

/**
 * The fetch the client sends requests with: the global `fetch` fits, as does any wrapper around it
 * (for a proxy, logging or retries).
 *
 * @example
 * const logged: TrackerFetch = (url, init) => {
 *   console.log(init.method ?? "GET", url);
 *   return fetch(url, init);
 * };
 */
export type TrackerFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Options for {@link createTrackerClient}.
 *
 * @example
 * const options: TrackerClientOptions = { url: "https://dapkit.example.gov.uk" };
 */
export interface TrackerClientOptions {
  /** The tracker's address, e.g. `http://localhost:3000`; the API under `/trpc` is found from it. */
  readonly url: string | URL;
  /** Sends the requests; the global `fetch` (Node.js 20 and later, browsers) unless given. */
  readonly fetch?: TrackerFetch;
  /**
   * Headers for every request, or a function that returns them before each one, e.g. the `cookie`
   * from {@link signInToTracker} or a token your reverse proxy needs.
   */
  readonly headers?: TrackerHeaders | (() => TrackerHeaders | Promise<TrackerHeaders>);
  /**
   * A personal API token (made on "My account" in the tracker), sent as `Authorization: Bearer`
   * on every request: a script then needs no password and no sign-in.
   */
  readonly token?: string;
}

/**
 * A typed client for a running tracker, shaped like the tracker's API contract: one property per
 * area, one object per procedure with `.query(input)` to read or `.mutate(input)` to change, with
 * the contract's input and output types.
 *
 * @example
 * const whoAmI = (tracker: TrackerClient) => tracker.auth.me.query();
 */
export type TrackerClient = ContractClient<Contract>;

/** The tracker's tRPC endpoint for a base address, which may already end in `/trpc`. */
export function trackerEndpoint(url: string | URL): string {
  const endpoint = new URL(url);
  const path = endpoint.pathname.replace(/\/+$/, "");
  endpoint.pathname = path.endsWith("/trpc") ? path : `${path}/trpc`;
  endpoint.search = "";
  endpoint.hash = "";
  return endpoint.href;
}

function lowerCaseNames(headers: TrackerHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends calls as tRPC v11's HTTP protocol has them, one request per call: a query is
 * `GET <endpoint>/<path>?input=<JSON>`, a mutation `POST <endpoint>/<path>` with the input as its
 * JSON body. Cookies the tracker sets are kept in `jar` and sent back.
 */
function httpCalls(options: TrackerClientOptions, jar: CookieJar): SendCall {
  const endpoint = trackerEndpoint(options.url);
  // Looked up per request rather than captured, so a fetch installed later (or mocked) is used.
  const send: TrackerFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const extraHeaders = options.headers ?? {};
  return async (kind, path, input) => {
    const given = typeof extraHeaders === "function" ? await extraHeaders() : extraHeaders;
    const headers = new Headers({ ...lowerCaseNames(given), ...CSRF_HEADERS });
    if (options.token !== undefined) headers.set("authorization", `Bearer ${options.token}`);
    const cookie = jar.header(headers.get("cookie") ?? undefined);
    if (cookie !== "") headers.set("cookie", cookie);
    const url = new URL(`${endpoint}/${path}`);
    const init: RequestInit = { method: kind === "query" ? "GET" : "POST", headers };
    if (kind === "query") {
      if (input !== undefined) url.searchParams.set("input", JSON.stringify(input));
    } else {
      headers.set("content-type", "application/json");
      if (input !== undefined) init.body = JSON.stringify(input);
    }
    let status: number;
    let body: unknown;
    try {
      const response = await send(url.href, init);
      jar.store(setCookieHeaders(response.headers));
      status = response.status;
      const text = await response.text();
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = undefined; // not JSON: readAnswer says the answer was not the tracker's API
      }
    } catch (error) {
      throw new TrackerError(
        `Could not reach the tracker at ${endpoint} to call ${path}: ${describe(error)}`,
        { code: "NETWORK_ERROR", httpStatus: null, path },
        { cause: error },
      );
    }
    return readAnswer(path, status, body);
  };
}

/** Builds a client whose cookies live in `jar` (shared with `signInToTracker`, which reads it). */
export function createClientWithJar(options: TrackerClientOptions, jar: CookieJar): TrackerClient {
  return contractClient(contract, httpCalls(options, jar));
}

/**
 * Creates a typed client for a running tracker.
 *
 * Every request carries the tracker's `x-dapkit-request` header, which it requires on anything that
 * changes data. The client keeps the cookies the tracker sets, so in a Node.js script signing in
 * with `auth.signIn` once signs in every later call (in a browser the browser keeps them instead).
 * Calls reject with a {@link TrackerError}.
 *
 * With `token`, every call is made as that token's owner, with no sign-in.
 *
 * @example
 * const tracker = createTrackerClient({ url: "http://localhost:3000" });
 * await tracker.auth.signIn.mutate({ email: "admin@northshire.example", password });
 * const me = await tracker.auth.me.query(); // { name, role, permissions, … }
 *
 * @example
 * const script = createTrackerClient({ url: "http://localhost:3000", token: process.env.DAPKIT_TOKEN });
 * const sessions = await script.training.sessions.list.query({});
 */
export function createTrackerClient(options: TrackerClientOptions): TrackerClient {
  return createClientWithJar(options, new CookieJar());
}
