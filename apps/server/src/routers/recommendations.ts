import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";

import { IdSchema } from "@dapkit/schemas";

import { addRecommendationUpdate } from "../services/recommendations/add-recommendation-update";
import { createRecommendation } from "../services/recommendations/create-recommendation";
import { getRecommendation } from "../services/recommendations/get-recommendation";
import { listRecommendations } from "../services/recommendations/list-recommendations";
import {
  AddRecommendationUpdateInputSchema,
  CreateRecommendationInputSchema,
  RecommendationOutputSchema,
  RecommendationSummaryOutputSchema,
  UpdateRecommendationInputSchema,
} from "../services/recommendations/recommendation-schemas";
import { updateRecommendation } from "../services/recommendations/update-recommendation";
import { scopeOf } from "../services/scope";
import { permittedProcedure } from "../trpc";

const readProcedure = permittedProcedure("readRecommendations");
const manageProcedure = permittedProcedure("manageRecommendations");

export const recommendationsRouter = {
  list: readProcedure
    .output(z.array(RecommendationSummaryOutputSchema))
    .query(({ ctx }) => listRecommendations(scopeOf(ctx))),

  get: readProcedure
    .input(z.object({ id: IdSchema }))
    .output(RecommendationOutputSchema)
    .query(({ ctx, input }) => getRecommendation(scopeOf(ctx), input)),

  create: manageProcedure
    .input(CreateRecommendationInputSchema)
    .output(RecommendationOutputSchema)
    .mutation(({ ctx, input }) => createRecommendation(scopeOf(ctx), input)),

  update: manageProcedure
    .input(UpdateRecommendationInputSchema)
    .output(RecommendationOutputSchema)
    .mutation(({ ctx, input }) => updateRecommendation(scopeOf(ctx), input)),

  addUpdate: manageProcedure
    .input(AddRecommendationUpdateInputSchema)
    .output(RecommendationOutputSchema)
    .mutation(({ ctx, input }) => addRecommendationUpdate(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
