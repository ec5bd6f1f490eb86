import type { TRPCRouterRecord } from "@trpc/server";

export const staffRouter = {} satisfies TRPCRouterRecord;
