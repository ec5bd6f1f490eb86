import type { Server } from "node:http";

import { afterAll, beforeAll } from "vitest";

import { createHttpServer } from "../http/create-server";
import { routes } from "../http/routes";
import { close, listen } from "../test/http-client";
import { createSecurityWorld, type SecurityWorld } from "./security-world";

/** A `SecurityWorld` and the real HTTP server (every route) in front of it. */
export interface ServedWorld {
  world: SecurityWorld;
  baseUrl: string;
}

/**
 * Builds one `ServedWorld` before the tests of the file that calls this and stops its server after
 * them; the object returned is filled in then, so tests read its fields when they run.
 */
export function serveSecurityWorld(): ServedWorld {
  const served = {} as ServedWorld;
  let server: Server | undefined;
  beforeAll(async () => {
    const world = await createSecurityWorld();
    server = createHttpServer(world.app.deps, {
      webRoot: "/nonexistent",
      routes,
      trustProxy: false,
    });
    Object.assign(served, { world, baseUrl: await listen(server) });
  });
  afterAll(async () => {
    if (server !== undefined) await close(server);
  });
  return served;
}
