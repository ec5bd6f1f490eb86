import type { Route } from "./route";

/** Every plain HTTP route the server answers under /api/. */
export const routes: readonly Route[] = [];
