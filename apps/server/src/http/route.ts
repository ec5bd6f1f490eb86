import type { IncomingMessage, ServerResponse } from "node:http";

import type { Context } from "../context";

/** Everything a plain HTTP route (uploads, downloads, exports) gets for one request. */
export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Named captures from the route's path pattern. */
  params: Record<string, string>;
  /** The same context a tRPC procedure would get: session, database, files, clock. */
  ctx: Context;
}

/** A plain HTTP route: a method, a path pattern with named groups, and its handler. */
export interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  handle(request: RouteRequest): Promise<void>;
}
