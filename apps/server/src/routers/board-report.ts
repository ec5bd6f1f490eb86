import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { boardReport } from "../services/board-report/board-report";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { boardReport: procedures } = contract;

export const boardReportRouter = {
  get: procedureFor(procedures.get, ({ ctx, input }) => boardReport(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
