import type { TRPCRouterRecord } from "@trpc/server";

export const trainingRouter = {} satisfies TRPCRouterRecord;
