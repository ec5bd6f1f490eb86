import { CSRF_HEADER } from "@dapkit/contract";

import { DEMO_PASSWORD } from "./server";

/**
 * A small tRPC-over-HTTP caller for test setup: signs in as a demo user and calls procedures the
 * way the web client does (JSON bodies, the CSRF header, the session cookie).
 */
export async function apiAs(baseUrl: string, email: string) {
  let cookie = "";
  async function call<T>(path: string, input: unknown, method: "GET" | "POST"): Promise<T> {
    const url =
      method === "GET"
        ? `${baseUrl}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`
        : `${baseUrl}/trpc/${path}`;
    const response = await fetch(url, {
      method,
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1", cookie },
      ...(method === "POST" ? { body: JSON.stringify(input ?? {}) } : {}),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie != null) cookie = setCookie.split(";")[0] ?? "";
    const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
    if (body.error !== undefined || body.result === undefined) {
      throw new Error(`${path} failed: ${body.error?.message ?? response.status}`);
    }
    return body.result.data;
  }
  await call("auth.signIn", { email, password: DEMO_PASSWORD }, "POST");
  return {
    query: <T>(path: string, input?: unknown) => call<T>(path, input, "GET"),
    mutate: <T>(path: string, input?: unknown) => call<T>(path, input, "POST"),
  };
}
