import { createContext, useContext } from "react";

import type { CurrentUser } from "./permissions";

/** The signed-in user, provided by the signed-in layout to every page inside it. */
export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user; pages under the signed-in layout always have one. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (user == null) throw new Error("useCurrentUser is only for pages behind sign-in");
  return user;
}
