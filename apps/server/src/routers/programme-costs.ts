import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import {
  addProgrammeCost,
  removeProgrammeCost,
  updateProgrammeCost,
} from "../services/partnership/costs/cost-lines";
import {
  programmeFundingChoices,
  readProgrammeYear,
  setProgrammeYear,
} from "../services/partnership/costs/programme-year";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { programmeCosts } = contract;

export const programmeCostsRouter = {
  get: procedureFor(programmeCosts.get, ({ ctx, input }) =>
    readProgrammeYear(ctx.db, scopeOf(ctx), input.financialYearStart),
  ),
  fundingPlans: {
    list: procedureFor(programmeCosts.fundingPlans.list, ({ ctx }) =>
      programmeFundingChoices(scopeOf(ctx)),
    ),
  },
  add: procedureFor(programmeCosts.add, ({ ctx, input }) => addProgrammeCost(scopeOf(ctx), input)),
  update: procedureFor(programmeCosts.update, ({ ctx, input }) =>
    updateProgrammeCost(scopeOf(ctx), input),
  ),
  remove: procedureFor(programmeCosts.remove, ({ ctx, input }) =>
    removeProgrammeCost(scopeOf(ctx), input),
  ),
  setYear: procedureFor(programmeCosts.setYear, ({ ctx, input }) =>
    setProgrammeYear(scopeOf(ctx), input),
  ),
} satisfies TRPCRouterRecord;
