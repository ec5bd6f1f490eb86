import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { listActionPlan } from "../services/action-plan/list-action-plan";
import { createAction, updateAction } from "../services/action-plan/save-action";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { actionPlan } = contract;

export const actionPlanRouter = {
  list: procedureFor(actionPlan.list, ({ ctx, input }) => listActionPlan(scopeOf(ctx), input)),
  create: procedureFor(actionPlan.create, ({ ctx, input }) => createAction(scopeOf(ctx), input)),
  update: procedureFor(actionPlan.update, ({ ctx, input }) => updateAction(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
