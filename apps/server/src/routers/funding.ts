import type { TRPCRouterRecord } from "@trpc/server";

export const fundingRouter = {} satisfies TRPCRouterRecord;
