import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { checkCouncilTableInput } from "../services/funding/check-council-table";
import { copyFundingPlan } from "../services/funding/copy-funding-plan";
import { createFundingPlan } from "../services/funding/create-funding-plan";
import { getFundingPlan } from "../services/funding/get-funding-plan";
import { listFundingPlans } from "../services/funding/list-funding-plans";
import { updateFundingPlan } from "../services/funding/update-funding-plan";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { funding } = contract;

export const fundingRouter = {
  list: procedureFor(funding.list, ({ ctx }) => listFundingPlans(scopeOf(ctx))),
  get: procedureFor(funding.get, ({ ctx, input }) => getFundingPlan(scopeOf(ctx), input)),
  create: procedureFor(funding.create, ({ ctx, input }) => createFundingPlan(scopeOf(ctx), input)),
  update: procedureFor(funding.update, ({ ctx, input }) => updateFundingPlan(scopeOf(ctx), input)),
  copy: procedureFor(funding.copy, ({ ctx, input }) => copyFundingPlan(scopeOf(ctx), input)),
  checkTable: procedureFor(funding.checkTable, ({ input }) => checkCouncilTableInput(input)),
} satisfies TRPCRouterRecord;
