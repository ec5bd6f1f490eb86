import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { complianceByAgencyAndLevel } from "../services/partnership/framework/compliance";
import {
  addLevelRule,
  getTrainingFramework,
  removeLevelRule,
  saveTrainingFramework,
} from "../services/partnership/framework/framework";
import { scopeOf } from "../services/scope";
import { dayOf } from "../services/training/date-range";
import { procedureFor } from "../trpc";

const { trainingFramework } = contract;

export const trainingFrameworkRouter = {
  get: procedureFor(trainingFramework.get, ({ ctx }) => getTrainingFramework(scopeOf(ctx))),
  save: procedureFor(trainingFramework.save, ({ ctx, input }) =>
    saveTrainingFramework(scopeOf(ctx), input),
  ),
  addRule: procedureFor(trainingFramework.addRule, ({ ctx, input }) =>
    addLevelRule(scopeOf(ctx), input),
  ),
  removeRule: procedureFor(trainingFramework.removeRule, ({ ctx, input }) =>
    removeLevelRule(scopeOf(ctx), input),
  ),
  compliance: {
    list: procedureFor(trainingFramework.compliance.list, ({ ctx, input }) => {
      const scope = scopeOf(ctx);
      const asOf = input.asOf ?? dayOf(scope.now.toISOString());
      return { asOf, rows: complianceByAgencyAndLevel(scope, asOf) };
    }),
  },
} satisfies TRPCRouterRecord;
