import { describe, expect, test } from "vitest";

import { contract, isProcedure, type ContractTree } from "@dapkit/contract";

import { createTrackerClient, type TrackerFetch } from "./create-tracker-client";
import { TrackerError } from "./tracker-error";

const URL_BASE = "http://tracker.test";

/** A client whose fetch answers every request with `answer`, recording what was sent. */
function answering(answer: () => Promise<Response>) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fakeFetch: TrackerFetch = (url, init) => {
    sent.push({ url, init });
    return answer();
  };
  return { tracker: createTrackerClient({ url: URL_BASE, fetch: fakeFetch }), sent };
}

function json(status: number, body: unknown): () => Promise<Response> {
  return () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json" },
      }),
    );
}

async function failureOf(call: Promise<unknown>): Promise<TrackerError> {
  const caught: unknown = await call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(TrackerError);
  return caught as TrackerError;
}

describe("answers", () => {
  test("a call resolves with the answer's result data", async () => {
    const { tracker, sent } = answering(json(200, { result: { data: { signedOut: true } } }));
    expect(await tracker.auth.signOut.mutate()).toEqual({ signedOut: true });
    // A mutation without input sends no body, but still says it speaks JSON.
    const init = sent[0]?.init;
    expect(init?.method).toBe("POST");
    expect(init?.body).toBeUndefined();
    expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
  });

  test("a mutation's input is its JSON body", async () => {
    const { tracker, sent } = answering(json(200, { result: { data: [] } }));
    await tracker.training.nominations.create.mutate({ sessionId: "s1", staffIds: ["p1"] });
    expect(sent[0]?.url).toBe(`${URL_BASE}/trpc/training.nominations.create`);
    expect(JSON.parse(sent[0]?.init.body as string)).toEqual({ sessionId: "s1", staffIds: ["p1"] });
  });

  test("a procedure that returns nothing resolves with undefined", async () => {
    const { tracker } = answering(json(200, { result: {} }));
    expect(await tracker.auth.me.query()).toBeUndefined();
  });

  test("a tracker error keeps its code, status, field and issues", async () => {
    const issues = [{ path: ["data", "title"], code: "too_small", message: "must not be empty" }];
    const { tracker } = answering(
      json(400, {
        error: {
          message: "data.title: must not be empty",
          code: -32600,
          data: {
            code: "BAD_REQUEST",
            httpStatus: 400,
            path: "training.courses.update",
            field: "title",
            issues,
          },
        },
      }),
    );
    const error = await failureOf(
      tracker.training.courses.update.mutate({ id: "c1", data: { title: "" } }),
    );
    expect(error).toMatchObject({
      message: "data.title: must not be empty",
      code: "BAD_REQUEST",
      httpStatus: 400,
      path: "training.courses.update",
      field: "title",
      issues,
    });
  });

  test("issues that are not the contract's shape are dropped rather than trusted", async () => {
    const { tracker } = answering(
      json(400, {
        error: {
          message: "Bad",
          code: -32600,
          data: { code: "BAD_REQUEST", field: 7, issues: [{ path: "title", message: 1 }] },
        },
      }),
    );
    const error = await failureOf(tracker.auth.me.query());
    expect(error).toMatchObject({ code: "BAD_REQUEST", field: null, issues: null });
  });
});

describe("failures", () => {
  test("no answer at all is a network error, with the cause kept", async () => {
    const refused = new TypeError("fetch failed");
    const { tracker } = answering(() => Promise.reject(refused));
    const error = await failureOf(tracker.auth.me.query());
    expect(error).toMatchObject({ code: "NETWORK_ERROR", httpStatus: null, path: "auth.me" });
    expect(error.message).toBe(
      "Could not reach the tracker at http://tracker.test/trpc to call auth.me: fetch failed",
    );
    expect(error.cause).toBe(refused);
  });

  test("a connection lost while the answer is read is a network error too", async () => {
    const { tracker } = answering(() => {
      const response = new Response("{");
      Object.defineProperty(response, "text", {
        value: () => Promise.reject(new Error("connection reset")),
      });
      return Promise.resolve(response);
    });
    const error = await failureOf(tracker.auth.me.query());
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.message).toContain("connection reset");
  });

  test("a proxy's error page is an invalid response with its status", async () => {
    const { tracker } = answering(() =>
      Promise.resolve(new Response("<h1>Bad gateway</h1>", { status: 502 })),
    );
    const error = await failureOf(tracker.auth.me.query());
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", httpStatus: 502, field: null });
    expect(error.message).toContain("HTTP 502");
  });

  test("JSON that is not tRPC's, or an error code tRPC does not have, is an invalid response", async () => {
    for (const body of [
      { hello: "world" },
      { error: { message: "Nope", data: { code: "TEAPOT" } } },
      { error: { code: "forbidden", message: "Missing header" } },
      [1, 2],
    ]) {
      const { tracker } = answering(json(403, body));
      expect(await failureOf(tracker.auth.me.query())).toMatchObject({
        code: "INVALID_RESPONSE",
        httpStatus: 403,
      });
    }
    // A result in a failed answer is not a result.
    const { tracker } = answering(json(500, { result: { data: 1 } }));
    expect((await failureOf(tracker.auth.me.query())).code).toBe("INVALID_RESPONSE");
  });
});

test("the client has every procedure of the contract, each with the call its kind needs", () => {
  const tracker = createTrackerClient({ url: URL_BASE });
  const walk = (tree: ContractTree, client: Record<string, unknown>, path: string[]): string[] =>
    Object.entries(tree).flatMap(([name, node]) => {
      const here = client[name] as Record<string, unknown>;
      if (!isProcedure(node)) return walk(node, here, [...path, name]);
      const method = node.kind === "query" ? "query" : "mutate";
      return typeof here[method] === "function" ? [] : [[...path, name].join(".")];
    });
  expect(walk(contract, tracker as unknown as Record<string, unknown>, [])).toEqual([]);
  expect(Object.keys(tracker).sort()).toEqual(Object.keys(contract).sort());
});
