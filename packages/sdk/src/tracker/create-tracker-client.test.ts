import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { initTRPC, TRPCError } from "@trpc/server";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import * as z from "zod";

import { CSRF_HEADER, issueField, type ApiErrorData } from "@dapkit/contract";

import { createTrackerClient, trackerEndpoint, type TrackerFetch } from "./create-tracker-client";
import { signInToTracker } from "./sign-in-to-tracker";
import { isTrackerError, TrackerError, TrackerSessionError } from "./tracker-error";

// A stand-in for the tracker built with tRPC itself, so the client is checked against tRPC's real
// HTTP protocol: its auth procedures and HTTP rules (state-changing requests need the CSRF header,
// the session travels in an HttpOnly cookie), a query with input, and the tracker's structured
// error data. The real tracker is exercised end to end by the pack smoke test (scripts/smoke).
const PASSWORD = "correct horse battery staple";
const USER = {
  id: "u1",
  organisationId: "o1",
  email: "admin@northshire.example",
  name: "Alex Admin",
  role: "admin" as const,
  staffId: null,
};

interface FakeContext {
  signedIn: boolean;
  setCookie: (value: string) => void;
}

const t = initTRPC.context<FakeContext>().create({
  errorFormatter({ shape, error }) {
    const issues =
      error.cause instanceof z.ZodError
        ? error.cause.issues.map(({ path, code, message }) => ({
            path: path.map(String),
            code,
            message,
          }))
        : null;
    const data: ApiErrorData = {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path ?? null,
      field: issues?.[0] === undefined ? null : issueField(issues[0].path),
      issues,
    };
    return { ...shape, data };
  },
});
const fakeRouter = t.router({
  auth: t.router({
    signIn: t.procedure
      .input(z.object({ email: z.string(), password: z.string() }))
      .mutation(({ ctx, input }) => {
        if (input.password !== PASSWORD) {
          throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password" });
        }
        ctx.setCookie("dapkit_session=token-1; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200");
        return USER;
      }),
    signOut: t.procedure.mutation(({ ctx }) => {
      ctx.setCookie("dapkit_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
      return { signedOut: true as const };
    }),
    me: t.procedure.query(({ ctx }) => (ctx.signedIn ? { ...USER, permissions: [] } : null)),
  }),
  training: t.router({
    sessions: t.router({
      list: t.procedure
        .input(z.object({ courseId: z.string().optional(), pageSize: z.int().max(100) }))
        .query(({ input }) => ({ items: [], total: 0, echoed: input })),
    }),
    courses: t.router({
      update: t.procedure
        .input(
          z.object({
            id: z.string(),
            data: z.object({ title: z.string().min(1, "must not be empty") }),
          }),
        )
        .mutation(() => ({ ok: true })),
    }),
  }),
});
// The headers of the last request the stand-in received.
let lastHeaders: IncomingHttpHeaders = {};

const server = createHTTPServer({
  router: fakeRouter,
  basePath: "/trpc/",
  createContext: ({ req, res }) => {
    if (req.method !== "GET" && req.headers[CSRF_HEADER] == null) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Missing ${CSRF_HEADER}` });
    }
    lastHeaders = req.headers;
    return {
      signedIn: /(^|;\s*)dapkit_session=token-1(;|$)/.test(req.headers.cookie ?? ""),
      setCookie: (value: string) => res.appendHeader("Set-Cookie", value),
    };
  },
});
let url = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("signing in through the client keeps the session for later calls, and signing out ends it", async () => {
  const tracker = createTrackerClient({ url });
  expect(await tracker.auth.me.query()).toBeNull();
  const user = await tracker.auth.signIn.mutate({ email: USER.email, password: PASSWORD });
  expect(user.email).toBe(USER.email);
  expect(await tracker.auth.me.query()).toMatchObject({ id: "u1", role: "admin" });
  await tracker.auth.signOut.mutate();
  expect(await tracker.auth.me.query()).toBeNull();
});

test("each client keeps its own session", async () => {
  const first = createTrackerClient({ url });
  const second = createTrackerClient({ url });
  await first.auth.signIn.mutate({ email: USER.email, password: PASSWORD });
  expect(await second.auth.me.query()).toBeNull();
});

test("a query's input reaches tRPC intact in the address", async () => {
  const tracker = createTrackerClient({ url });
  const page = await tracker.training.sessions.list.query({ courseId: "c/1 & 2", pageSize: 5 });
  expect(page).toMatchObject({ echoed: { courseId: "c/1 & 2", pageSize: 5 } });
});

test("a refused input rejects with the field at fault and every issue, from tRPC's own answer", async () => {
  const tracker = createTrackerClient({ url });
  const error: unknown = await tracker.training.sessions.list
    // @ts-expect-error the client types pageSize as 1 to 200; a caller that casts still gets the answer
    .query({ pageSize: 500 })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TrackerError);
  expect(error).toMatchObject({
    code: "BAD_REQUEST",
    httpStatus: 400,
    path: "training.sessions.list",
    field: "pageSize",
    issues: [{ path: ["pageSize"], code: "too_big" }],
  });
  const update: unknown = await tracker.training.courses.update
    .mutate({ id: "c1", data: { title: "" } })
    .catch((caught: unknown) => caught);
  expect(update).toMatchObject({
    code: "BAD_REQUEST",
    field: "title",
    issues: [{ path: ["data", "title"], code: "too_small", message: "must not be empty" }],
  });
});

test("signInToTracker returns the user and a cookie header that signs in another client", async () => {
  const { user, cookie } = await signInToTracker({
    url,
    email: USER.email,
    password: PASSWORD,
  });
  expect(user.name).toBe("Alex Admin");
  expect(cookie).toBe("dapkit_session=token-1");
  const tracker = createTrackerClient({ url, headers: { Cookie: cookie } });
  expect(await tracker.auth.me.query()).toMatchObject({ id: "u1" });
});

test("a refused sign-in rejects with a tracker error carrying the tRPC code and no field", async () => {
  const attempt = signInToTracker({ url, email: USER.email, password: "wrong" });
  const error: unknown = await attempt.catch((caught: unknown) => caught);
  expect(isTrackerError(error)).toBe(true);
  expect(error).toMatchObject({
    name: "TrackerError",
    code: "UNAUTHORIZED",
    httpStatus: 401,
    path: "auth.signIn",
    field: null,
    issues: null,
    message: "Wrong email or password",
  });
  expect(isTrackerError(new Error("other"))).toBe(false);
});

test("signInToTracker explains when the session cookie cannot be read, as in a browser", async () => {
  const browserLike: TrackerFetch = async (input, init) => {
    const response = await fetch(input, init);
    return new Response(response.body, { status: response.status }); // Set-Cookie hidden
  };
  await expect(
    signInToTracker({ url, email: USER.email, password: PASSWORD, fetch: browserLike }),
  ).rejects.toThrow(TrackerSessionError);
});

test("every request carries the CSRF header and the caller's headers, names in lower case", async () => {
  const tracker = createTrackerClient({ url, headers: { Authorization: "Bearer proxy-token" } });
  await tracker.auth.me.query();
  expect(lastHeaders).toMatchObject({
    [CSRF_HEADER]: "1",
    authorization: "Bearer proxy-token",
  });
});

test("a token is sent as a bearer header on every request, ahead of any given authorization", async () => {
  const tracker = createTrackerClient({
    url,
    token: "dapkit_script-token",
    headers: { authorization: "Bearer something-else" },
  });
  await tracker.auth.me.query();
  expect(lastHeaders).toMatchObject({ authorization: "Bearer dapkit_script-token" });
  await createTrackerClient({ url }).auth.me.query();
  expect(lastHeaders.authorization).toBeUndefined();
});

test("headers may come from a function called before each request", async () => {
  const headers = vi.fn(() => Promise.resolve({ "x-request-id": "r-1" }));
  const tracker = createTrackerClient({ url, headers });
  await tracker.auth.me.query();
  expect(lastHeaders).toMatchObject({ "x-request-id": "r-1" });
  expect(headers).toHaveBeenCalledTimes(1);
});

test("requests go through the fetch the caller gives, one request per call", async () => {
  const calls: string[] = [];
  const logged: TrackerFetch = (input, init) => {
    calls.push(`${init.method ?? "GET"} ${input}`);
    return fetch(input, init);
  };
  const tracker = createTrackerClient({ url: new URL(url), fetch: logged });
  await tracker.auth.me.query();
  await tracker.training.sessions.list.query({ pageSize: 1 });
  await tracker.auth.signOut.mutate();
  expect(calls).toEqual([
    `GET ${url}/trpc/auth.me`,
    `GET ${url}/trpc/training.sessions.list?input=%7B%22pageSize%22%3A1%7D`,
    `POST ${url}/trpc/auth.signOut`,
  ]);
});

test("the tracker's API address is found from its base address", () => {
  expect(trackerEndpoint("http://localhost:3000")).toBe("http://localhost:3000/trpc");
  expect(trackerEndpoint("https://dapkit.example.gov.uk/")).toBe(
    "https://dapkit.example.gov.uk/trpc",
  );
  expect(trackerEndpoint("https://council.example/dapkit/?x=1#top")).toBe(
    "https://council.example/dapkit/trpc",
  );
  expect(trackerEndpoint(new URL("http://localhost:3000/trpc/"))).toBe(
    "http://localhost:3000/trpc",
  );
});
