import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { scopeOf } from "../services/scope";
import { myTraining } from "../services/self-service/my-training";
import { openSessions } from "../services/self-service/open-sessions";
import { requestPlace } from "../services/self-service/request-place";
import { decideTeamRequest, listTeamRequests } from "../services/self-service/team-requests";
import { procedureFor } from "../trpc";

const entries = contract.myTraining;

export const myTrainingRouter = {
  overview: procedureFor(entries.overview, ({ ctx }) => myTraining(scopeOf(ctx))),
  openSessions: procedureFor(entries.openSessions, ({ ctx, input }) =>
    openSessions(scopeOf(ctx), input),
  ),
  request: procedureFor(entries.request, ({ ctx, input }) => requestPlace(scopeOf(ctx), input)),
  teamRequests: procedureFor(entries.teamRequests, ({ ctx, input }) =>
    listTeamRequests(scopeOf(ctx), input),
  ),
  approve: procedureFor(entries.approve, ({ ctx, input }) =>
    decideTeamRequest(scopeOf(ctx), { ...input, decision: "approved" }),
  ),
  decline: procedureFor(entries.decline, ({ ctx, input }) =>
    decideTeamRequest(scopeOf(ctx), { ...input, decision: "declined" }),
  ),
} satisfies TRPCRouterRecord;
