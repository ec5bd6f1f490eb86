import type { TRPCRouterRecord } from "@trpc/server";

export const evidenceRouter = {} satisfies TRPCRouterRecord;
