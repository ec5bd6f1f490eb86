import * as z from "zod";

import {
  ActionPlanActionSchema,
  ActionStatusSchema,
  EvidenceStatusSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
} from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";

/** At most this many evidence items may be linked to one action. */
export const MAX_ACTION_EVIDENCE = 50;

const EvidenceIdsSchema = z
  .array(IdSchema)
  .max(MAX_ACTION_EVIDENCE, `must list at most ${String(MAX_ACTION_EVIDENCE)} evidence items`)
  .refine((ids) => new Set(ids).size === ids.length, "must not list an evidence item twice");

/** A new action in one priority area's plan. */
export const CreateActionInputSchema = ActionPlanActionSchema.omit({
  id: true,
  status: true,
}).extend({
  status: ActionStatusSchema.default("not_started"),
  recommendationId: IdSchema.nullable().default(null),
  evidenceIds: EvidenceIdsSchema.default([]),
});

/** The fields of an action that may change; the evidence list, when given, replaces the old one. */
export const UpdateActionInputSchema = z.object({
  id: IdSchema,
  data: z.object({
    areaId: IdSchema.optional(),
    what: ActionPlanActionSchema.shape.what.optional(),
    owner: ActionPlanActionSchema.shape.owner.optional(),
    dueDate: IsoDateSchema.optional(),
    status: ActionStatusSchema.optional(),
    recommendationId: IdSchema.nullable().optional(),
    evidenceIds: EvidenceIdsSchema.optional(),
  }),
});

/** The action plan of every area, or of one area. */
export const ListActionsInputSchema = z.object({ areaId: IdSchema.optional() }).default({});

/** One action as it leaves the server, with whether it is overdue today. */
export const ActionOutputSchema = z.object({
  id: IdSchema,
  areaId: IdSchema,
  areaName: z.string(),
  what: z.string(),
  owner: z.string(),
  dueDate: IsoDateSchema,
  status: ActionStatusSchema,
  overdue: z.boolean(),
  recommendation: z.object({ id: IdSchema, reference: z.string(), title: z.string() }).nullable(),
  evidence: z.array(z.object({ id: IdSchema, title: z.string(), status: EvidenceStatusSchema })),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

/** The actions (due date order) and the actions readiness gaps suggest, as of today. */
export const ActionPlanOutputSchema = z.object({
  asOf: IsoDateSchema,
  actions: z.array(ActionOutputSchema),
  suggestions: z.array(z.object({ areaId: IdSchema, what: z.string(), reason: z.string() })),
});

export type ActionOutput = z.infer<typeof ActionOutputSchema>;
export type ActionPlanOutput = z.infer<typeof ActionPlanOutputSchema>;

/** The DAHA action plan: what each priority area still needs, who does it and by when. */
export const actionPlan = {
  list: query({
    access: "readEvidence",
    input: ListActionsInputSchema,
    output: ActionPlanOutputSchema,
  }),
  create: mutation({
    access: "manageEvidence",
    input: CreateActionInputSchema,
    output: ActionOutputSchema,
  }),
  update: mutation({
    access: "manageEvidence",
    input: UpdateActionInputSchema,
    output: ActionOutputSchema,
  }),
};
