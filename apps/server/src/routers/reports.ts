import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { neverTrained } from "../services/reports/never-trained";
import { refreshersDuePage } from "../services/reports/refreshers-due-page";
import { uptakeByManager, uptakeSummary } from "../services/reports/uptake";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { reports } = contract;

export const reportsRouter = {
  uptake: procedureFor(reports.uptake, ({ ctx, input }) => uptakeSummary(scopeOf(ctx), input)),
  uptakeByManager: procedureFor(reports.uptakeByManager, ({ ctx, input }) =>
    uptakeByManager(scopeOf(ctx), input),
  ),
  refreshersDue: procedureFor(reports.refreshersDue, ({ ctx, input }) =>
    refreshersDuePage(scopeOf(ctx), input),
  ),
  neverTrained: procedureFor(reports.neverTrained, ({ ctx, input }) =>
    neverTrained(scopeOf(ctx), input),
  ),
} satisfies TRPCRouterRecord;
