import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";

import type { AppRouter } from "./app-router";
import { CookieJar, setCookieHeaders } from "./cookie-jar";

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
}

/**
 * A typed client for a running tracker: one property per router, one method per procedure
 * (`.query()` to read, `.mutate()` to change), with the tracker's input and output types.
 *
 * @example
 * const whoAmI = (tracker: TrackerClient) => tracker.auth.me.query();
 */
export type TrackerClient = TRPCClient<AppRouter>;

// The tracker refuses state-changing requests without this header: a cross-site form cannot add it.
const CSRF_HEADERS: TrackerHeaders = { "x-dapkit-request": "1" };

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

/** Builds a client whose cookies live in `jar` (shared with `signInToTracker`, which reads it). */
export function createClientWithJar(options: TrackerClientOptions, jar: CookieJar): TrackerClient {
  // Looked up per request rather than captured, so a fetch installed later (or mocked) is used.
  const send: TrackerFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const extraHeaders = options.headers ?? {};
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: trackerEndpoint(options.url),
        headers: async () => ({
          ...lowerCaseNames(
            typeof extraHeaders === "function" ? await extraHeaders() : extraHeaders,
          ),
          ...CSRF_HEADERS,
        }),
        // tRPC calls this with the URL as a string and an init object carrying the headers above.
        async fetch(url, init) {
          const headers = new Headers(init?.headers);
          const cookie = jar.header(headers.get("cookie") ?? undefined);
          if (cookie !== "") headers.set("cookie", cookie);
          const response = await send(String(url), { ...(init as RequestInit), headers });
          jar.store(setCookieHeaders(response.headers));
          return response;
        },
      }),
    ],
  });
}

/**
 * Creates a typed client for a running tracker.
 *
 * Every request carries the tracker's `x-dapkit-request` header, which it requires on anything that
 * changes data. The client keeps the cookies the tracker sets, so in a Node.js script signing in
 * with `auth.signIn` once signs in every later call (in a browser the browser keeps them instead).
 * Calls reject with a {@link TrackerError}.
 *
 * @example
 * const tracker = createTrackerClient({ url: "http://localhost:3000" });
 * await tracker.auth.signIn.mutate({ email: "admin@northshire.example", password });
 * const me = await tracker.auth.me.query(); // { name, role, permissions, … }
 */
export function createTrackerClient(options: TrackerClientOptions): TrackerClient {
  return createClientWithJar(options, new CookieJar());
}
