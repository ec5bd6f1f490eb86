import * as z from "zod";

import { IdSchema, LabelSchema } from "@dapkit/schemas";

import { query } from "./define-procedure";
import { PageInputSchema, pageSchema } from "./pagination";
import { DateRangeSchema, inOrder, notBeforeFrom } from "./reports";

/**
 * Which entries of the audit log: optionally one person's, one action, one kind of record, and
 * a range of days (`from` and `to` inclusive, London dates).
 */
export const AuditFilterSchema = DateRangeSchema.extend({
  userId: IdSchema.optional(),
  action: LabelSchema.optional(),
  entity: LabelSchema.optional(),
});

/** Which page of the audit log, filtered; pages count from the newest entry. */
export const ListAuditInputSchema = AuditFilterSchema.extend(PageInputSchema.shape)
  .refine(inOrder, notBeforeFrom)
  .prefault({});

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
  /** The actions and kinds of record the organisation's log holds, for the filters' choices. */
  facets: query({
    access: "administer",
    output: z.object({ actions: z.array(z.string()), entities: z.array(z.string()) }),
  }),
};
