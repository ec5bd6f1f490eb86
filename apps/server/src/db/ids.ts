import { randomUUID } from "node:crypto";

/** A new record identifier. */
export function newId(): string {
  return randomUUID();
}
