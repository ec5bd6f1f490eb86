import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { auditFacets, listAudit } from "../services/audit/list-audit";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

export const auditRouter = {
  list: procedureFor(contract.audit.list, ({ ctx, input }) => listAudit(scopeOf(ctx), input)),
  facets: procedureFor(contract.audit.facets, ({ ctx }) => auditFacets(scopeOf(ctx))),
} satisfies TRPCRouterRecord;
