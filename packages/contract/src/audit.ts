import * as z from "zod";

import { IdSchema, LabelSchema } from "@dapkit/schemas";

import { query } from "./define-procedure";
import { PageInputSchema, pageSchema } from "./pagination";

/** Which page of the audit log, optionally for one kind of record or one user. */
export const ListAuditInputSchema = PageInputSchema.extend({
  entity: LabelSchema.optional(),
  userId: IdSchema.optional(),
}).prefault({});

/** One entry of the audit log. */
export const AuditEntryOutputSchema = z.object({
  id: z.int(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  userId: z.string().nullable(),
  /** Null when nobody was signed in (a failed sign-in) or the user is not in this organisation. */
  userName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /**
   * The client address of a sign-in, a refused request or a read of sensitive data; null for
   * other entries.
   */
  source: z.string().nullable(),
});

/** The audit log, newest first: administrators only. */
export const audit = {
  list: query({
    access: "administer",
    input: ListAuditInputSchema,
    output: pageSchema(AuditEntryOutputSchema),
  }),
};
