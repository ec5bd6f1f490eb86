import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { CSRF_HEADER } from "@dapkit/contract";

/** A running server's base URL. */
export function baseUrlOf(server: Server): string {
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Starts a server on a free port. */
export function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve(baseUrlOf(server)));
  });
}

/** Stops a server and waits for it. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

/** Calls a tRPC procedure over HTTP as a browser would, with the CSRF header on mutations. */
export async function callProcedure(
  baseUrl: string,
  path: string,
  options: {
    input?: unknown;
    cookie?: string;
    mutation?: boolean;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: unknown; setCookie: string[] }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  let response: Response;
  if (options.mutation === true) {
    headers["content-type"] = "application/json";
    headers[CSRF_HEADER] ??= "1";
    response = await fetch(`${baseUrl}/trpc/${path}`, {
      method: "POST",
      headers,
      body: JSON.stringify(options.input ?? null),
    });
  } else {
    const query =
      options.input === undefined
        ? ""
        : `?input=${encodeURIComponent(JSON.stringify(options.input))}`;
    response = await fetch(`${baseUrl}/trpc/${path}${query}`, { headers });
  }
  return {
    status: response.status,
    body: await response.json(),
    setCookie: response.headers.getSetCookie(),
  };
}
