import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import {
  createCommitteePaper,
  listCommitteePapers,
  paperWithFigures,
  updateCommitteePaper,
} from "../services/committee-papers/committee-paper-store";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { committeePapers } = contract;

export const committeePapersRouter = {
  list: procedureFor(committeePapers.list, ({ ctx }) => listCommitteePapers(scopeOf(ctx))),
  get: procedureFor(committeePapers.get, ({ ctx, input }) =>
    paperWithFigures(scopeOf(ctx), input.id),
  ),
  create: procedureFor(committeePapers.create, ({ ctx, input }) =>
    createCommitteePaper(scopeOf(ctx), input),
  ),
  update: procedureFor(committeePapers.update, ({ ctx, input }) =>
    updateCommitteePaper(scopeOf(ctx), input),
  ),
} satisfies TRPCRouterRecord;
