import type { Db } from "../../db/client";
import { usableLink } from "./account-links";

/** Whose a link is and what it is for, so its page can greet them before they type anything. */
export function linkDetails(db: Db, token: string, now: Date) {
  const link = usableLink(db, token, now);
  return {
    email: link.user.email,
    name: link.user.name,
    organisationName: link.organisationName,
    purpose: link.purpose,
    expiresAt: link.expiresAt,
  };
}
