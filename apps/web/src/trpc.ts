import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import { CSRF_HEADERS } from "@dapkit/contract";
import type { AppRouter } from "@dapkit/server";

import { errorStatus, isNetworkFailure } from "./lib/api-errors";

/** Everything the API returns, by procedure path, for typing components. */
export type Outputs = inferRouterOutputs<AppRouter>;
/** Everything the API accepts, by procedure path. */
export type Inputs = inferRouterInputs<AppRouter>;

// A session can end while a page is open (it expired, or someone signed out in another tab).
// Asking again who is signed in lets the signed-in layout send the person to sign in.
function onError(error: unknown): void {
  if (errorStatus(error) === 401)
    void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
}

/** The one query cache of the app. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // Council staff often keep a tab open all day; refetch on focus keeps numbers current
      // without hammering the server while they type.
      staleTime: 30_000,
      // Only a dropped connection is worth retrying: an answer from the server will not change,
      // and waiting would hide its message from the user.
      retry: (failureCount, error) => failureCount < 2 && isNetworkFailure(error),
    },
  },
});

/** The one tRPC client: batched calls to /trpc on the same origin, with the CSRF header. */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/trpc", headers: () => CSRF_HEADERS })],
});

/** Query and mutation options for every procedure, for use with TanStack Query's hooks. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
