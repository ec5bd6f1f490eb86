import type { TRPCRouterRecord } from "@trpc/server";

export const recommendationsRouter = {} satisfies TRPCRouterRecord;
