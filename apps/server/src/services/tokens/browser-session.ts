import type { SignedInVia } from "../../context";
import { AppError } from "../../errors";

/**
 * Refuses a request made with an API token where only a signed-in person should act: a leaked
 * token must not mint more tokens or change the password that would let its owner take it back.
 */
export function assertBrowserSession(session: { via?: SignedInVia }): void {
  if (session.via === "token") {
    throw new AppError("forbidden", "Sign in to dapkit to do this: an API token cannot");
  }
}
