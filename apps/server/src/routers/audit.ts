import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";

import { IdSchema, LabelSchema } from "@dapkit/schemas";

import { listAudit } from "../services/audit/list-audit";
import { PageInputSchema, pageSchema } from "../services/pagination";
import { scopeOf } from "../services/scope";
import { permittedProcedure } from "../trpc";

const AuditEntryOutputSchema = z.object({
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
});

export const auditRouter = {
  list: permittedProcedure("administer")
    .input(
      PageInputSchema.extend({
        entity: LabelSchema.optional(),
        userId: IdSchema.optional(),
      }).prefault({}),
    )
    .output(pageSchema(AuditEntryOutputSchema))
    .query(({ ctx, input }) => listAudit(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
