import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { addRecommendationUpdate } from "../services/recommendations/add-recommendation-update";
import { createRecommendation } from "../services/recommendations/create-recommendation";
import { getRecommendation } from "../services/recommendations/get-recommendation";
import { listRecommendations } from "../services/recommendations/list-recommendations";
import { startFromTemplate } from "../services/recommendations/start-from-template";
import { updateRecommendation } from "../services/recommendations/update-recommendation";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { recommendations } = contract;

export const recommendationsRouter = {
  list: procedureFor(recommendations.list, ({ ctx }) => listRecommendations(scopeOf(ctx))),
  get: procedureFor(recommendations.get, ({ ctx, input }) =>
    getRecommendation(scopeOf(ctx), input),
  ),
  create: procedureFor(recommendations.create, ({ ctx, input }) =>
    createRecommendation(scopeOf(ctx), input),
  ),
  update: procedureFor(recommendations.update, ({ ctx, input }) =>
    updateRecommendation(scopeOf(ctx), input),
  ),
  addUpdate: procedureFor(recommendations.addUpdate, ({ ctx, input }) =>
    addRecommendationUpdate(scopeOf(ctx), input),
  ),
  startFromTemplate: procedureFor(recommendations.startFromTemplate, ({ ctx, input }) =>
    startFromTemplate(scopeOf(ctx), input),
  ),
} satisfies TRPCRouterRecord;
