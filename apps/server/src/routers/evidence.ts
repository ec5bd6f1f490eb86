import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";

import { IdSchema, IsoDateSchema } from "@dapkit/schemas";

import { describeFramework } from "../services/evidence/active-framework";
import { assessEvidenceReadiness } from "../services/evidence/assess-evidence-readiness";
import { createEvidence } from "../services/evidence/create-evidence";
import {
  CreateEvidenceInputSchema,
  EvidenceDetailOutputSchema,
  EvidenceSummaryOutputSchema,
  FrameworkOutputSchema,
  ListEvidenceInputSchema,
  ReadinessOutputSchema,
  TransitionEvidenceInputSchema,
  UpdateEvidenceInputSchema,
} from "../services/evidence/evidence-schemas";
import { getEvidence } from "../services/evidence/get-evidence";
import { listEvidence } from "../services/evidence/list-evidence";
import { transitionEvidence } from "../services/evidence/transition-evidence";
import { updateEvidence } from "../services/evidence/update-evidence";
import { scopeOf } from "../services/scope";
import { permittedProcedure } from "../trpc";

const readProcedure = permittedProcedure("readEvidence");
const manageProcedure = permittedProcedure("manageEvidence");

export const evidenceRouter = {
  framework: readProcedure
    .output(FrameworkOutputSchema)
    .query(({ ctx }) => describeFramework(scopeOf(ctx))),

  list: readProcedure
    .input(ListEvidenceInputSchema)
    .output(z.array(EvidenceSummaryOutputSchema))
    .query(({ ctx, input }) => listEvidence(scopeOf(ctx), input)),

  get: readProcedure
    .input(z.object({ id: IdSchema }))
    .output(EvidenceDetailOutputSchema)
    .query(({ ctx, input }) => getEvidence(scopeOf(ctx), input)),

  create: manageProcedure
    .input(CreateEvidenceInputSchema)
    .output(EvidenceDetailOutputSchema)
    .mutation(({ ctx, input }) => createEvidence(scopeOf(ctx), input)),

  update: manageProcedure
    .input(UpdateEvidenceInputSchema)
    .output(EvidenceDetailOutputSchema)
    .mutation(({ ctx, input }) => updateEvidence(scopeOf(ctx), input)),

  transition: manageProcedure
    .input(TransitionEvidenceInputSchema)
    .output(EvidenceDetailOutputSchema)
    .mutation(({ ctx, input }) => transitionEvidence(scopeOf(ctx), input)),

  readiness: readProcedure
    .input(z.object({ asOf: IsoDateSchema.optional() }).default({}))
    .output(ReadinessOutputSchema)
    .query(({ ctx, input }) => assessEvidenceReadiness(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
