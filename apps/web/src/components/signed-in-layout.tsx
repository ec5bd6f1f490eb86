import { useQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation } from "react-router";

import { CurrentUserContext } from "../lib/current-user";
import { trpc } from "../trpc";
import { Layout } from "./layout";
import { QueryState } from "./query-state";

/** Pages behind sign-in: sends anyone signed out to the sign-in page, then back here. */
export function SignedInLayout() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const location = useLocation();
  // A cached "signed out" is checked again before sending anyone away.
  if (me.isSuccess && me.data == null && !me.isFetching) {
    const next = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`}
        replace
      />
    );
  }
  return (
    <Layout user={me.data ?? null}>
      <QueryState query={me}>
        {(user) =>
          user == null ? null : (
            <CurrentUserContext.Provider value={user}>
              <Outlet />
            </CurrentUserContext.Provider>
          )
        }
      </QueryState>
    </Layout>
  );
}

/** Pages for signed-out people (sign in): the same template without navigation. */
export function SignedOutLayout() {
  return (
    <Layout user={null}>
      <Outlet />
    </Layout>
  );
}
