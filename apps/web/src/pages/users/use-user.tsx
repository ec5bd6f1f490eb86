import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useParams } from "react-router";

import { NotFoundContent } from "../../components/error-pages";
import { QueryState } from "../../components/query-state";
import { queryClient, trpc, type Outputs } from "../../trpc";

/** A user account in the administrators' list. */
export type UserAccount = Outputs["users"]["list"][number];

/**
 * The account the page's `:userId` names, read from the administrators' list (the API has no
 * single-user read), or "Page not found" when this organisation has no such account.
 */
export function WithUser({ children }: { children: (user: UserAccount) => ReactNode }) {
  const { userId = "" } = useParams();
  const query = useQuery({
    ...trpc.users.list.queryOptions(),
    select: (users): UserAccount | null => users.find((user) => user.id === userId) ?? null,
  });
  return (
    <QueryState query={query} what="user">
      {(user) => (user == null ? <NotFoundContent /> : children(user))}
    </QueryState>
  );
}

/** Forgets the cached list after a change, so every page shows the accounts as they now are. */
export function usersChanged(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
}
