import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./app-router";

/**
 * The input of every tracker procedure, by path.
 *
 * @example
 * type NewStaffMember = TrackerInputs["staff"]["create"];
 */
export type TrackerInputs = inferRouterInputs<AppRouter>;

/**
 * The output of every tracker procedure, by path.
 *
 * @example
 * type SignedInUser = NonNullable<TrackerOutputs["auth"]["me"]>;
 */
export type TrackerOutputs = inferRouterOutputs<AppRouter>;
