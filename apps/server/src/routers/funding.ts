import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";

import { IdSchema } from "@dapkit/schemas";

import { createFundingPlan } from "../services/funding/create-funding-plan";
import {
  CreateFundingPlanInputSchema,
  FundingPlanOutputSchema,
  FundingPlanSummaryOutputSchema,
  UpdateFundingPlanInputSchema,
} from "../services/funding/funding-schemas";
import { getFundingPlan } from "../services/funding/get-funding-plan";
import { listFundingPlans } from "../services/funding/list-funding-plans";
import { updateFundingPlan } from "../services/funding/update-funding-plan";
import { scopeOf } from "../services/scope";
import { permittedProcedure } from "../trpc";

const readProcedure = permittedProcedure("readFunding");
const manageProcedure = permittedProcedure("manageFunding");

export const fundingRouter = {
  list: readProcedure
    .output(z.array(FundingPlanSummaryOutputSchema))
    .query(({ ctx }) => listFundingPlans(scopeOf(ctx))),

  get: readProcedure
    .input(z.object({ id: IdSchema }))
    .output(FundingPlanOutputSchema)
    .query(({ ctx, input }) => getFundingPlan(scopeOf(ctx), input)),

  create: manageProcedure
    .input(CreateFundingPlanInputSchema)
    .output(FundingPlanOutputSchema)
    .mutation(({ ctx, input }) => createFundingPlan(scopeOf(ctx), input)),

  update: manageProcedure
    .input(UpdateFundingPlanInputSchema)
    .output(FundingPlanOutputSchema)
    .mutation(({ ctx, input }) => updateFundingPlan(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
