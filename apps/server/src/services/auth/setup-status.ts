import type { Db } from "../../db/client";
import { organisations } from "../../db/schema";

/** Whether any organisation exists yet (until one does, the service has not been set up). */
export function setupStatus(db: Db): { setUp: boolean } {
  return { setUp: db.select({ id: organisations.id }).from(organisations).limit(1).get() != null };
}
