import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { describeFramework } from "../services/evidence/active-framework";
import { assessEvidenceReadiness } from "../services/evidence/assess-evidence-readiness";
import { createEvidence } from "../services/evidence/create-evidence";
import { getEvidence } from "../services/evidence/get-evidence";
import { listEvidence } from "../services/evidence/list-evidence";
import { transitionEvidence } from "../services/evidence/transition-evidence";
import { updateEvidence } from "../services/evidence/update-evidence";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { evidence } = contract;

export const evidenceRouter = {
  framework: procedureFor(evidence.framework, ({ ctx }) => describeFramework(scopeOf(ctx))),
  list: procedureFor(evidence.list, ({ ctx, input }) => listEvidence(scopeOf(ctx), input)),
  get: procedureFor(evidence.get, ({ ctx, input }) => getEvidence(scopeOf(ctx), input)),
  create: procedureFor(evidence.create, ({ ctx, input }) => createEvidence(scopeOf(ctx), input)),
  update: procedureFor(evidence.update, ({ ctx, input }) => updateEvidence(scopeOf(ctx), input)),
  transition: procedureFor(evidence.transition, ({ ctx, input }) =>
    transitionEvidence(scopeOf(ctx), input),
  ),
  readiness: procedureFor(evidence.readiness, ({ ctx, input }) =>
    assessEvidenceReadiness(scopeOf(ctx), input),
  ),
} satisfies TRPCRouterRecord;
