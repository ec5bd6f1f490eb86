import * as z from "zod";

import {
  ActionStatusSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LabelSchema,
  NoteSchema,
  RagRatingSchema,
  RecommendationSchema,
  RecommendationStatusSchema,
  RecommendationUpdateSchema,
} from "@dapkit/schemas";

import { ByIdInputSchema } from "./by-id";
import { mutation, query } from "./define-procedure";

/** At most this many priority areas may be linked to one recommendation. */
export const MAX_RECOMMENDATION_AREAS = 20;

const AreaIdsSchema = z
  .array(IdSchema)
  .max(MAX_RECOMMENDATION_AREAS, `must list at most ${String(MAX_RECOMMENDATION_AREAS)} areas`)
  .refine((ids) => new Set(ids).size === ids.length, "must not list an area twice");

/** The fields a person types for a new recommendation. */
export const CreateRecommendationInputSchema = RecommendationSchema.pick({
  reference: true,
  title: true,
  source: true,
  owner: true,
}).extend({
  status: RecommendationStatusSchema.default("not_started"),
  targetDate: IsoDateSchema.nullable().default(null),
  rag: RagRatingSchema.nullable().default(null),
  areaIds: AreaIdsSchema.default([]),
});

/**
 * The fields of a recommendation that may change; its source never does. The area list, when
 * given, replaces the old one.
 */
export const UpdateRecommendationInputSchema = z.object({
  id: IdSchema,
  data: z.object({
    reference: RecommendationSchema.shape.reference.optional(),
    title: RecommendationSchema.shape.title.optional(),
    owner: LabelSchema.optional(),
    status: RecommendationStatusSchema.optional(),
    targetDate: IsoDateSchema.nullable().optional(),
    rag: RagRatingSchema.nullable().optional(),
    areaIds: AreaIdsSchema.optional(),
  }),
});

/** The review templates a tracker can start its recommendations from. */
export const RECOMMENDATION_TEMPLATES = {
  "oxfordshire-2017": "Strategic Review of Domestic Abuse in Oxfordshire (2017)",
} as const;

/** Adds a review's recommendations from a template; refused if any of its numbers exist. */
export const StartFromTemplateInputSchema = z.object({
  template: z.enum(Object.keys(RECOMMENDATION_TEMPLATES) as ["oxfordshire-2017"], {
    error: "must be a template the tracker offers",
  }),
});

/** A dated progress note, optionally moving the recommendation to a new status. */
export const AddRecommendationUpdateInputSchema = RecommendationUpdateSchema.extend({
  id: IdSchema,
  status: RecommendationStatusSchema.optional(),
});

/** One progress note as it leaves the server. */
export const RecommendationUpdateOutputSchema = z.object({
  id: z.int(),
  date: IsoDateSchema,
  note: NoteSchema,
  status: RecommendationStatusSchema,
  byUserId: IdSchema,
  byName: z.string(),
  createdAt: IsoDateTimeSchema,
});

const RecommendationFieldsSchema = z.object({
  id: IdSchema,
  reference: RecommendationSchema.shape.reference,
  title: z.string(),
  source: z.string(),
  owner: z.string(),
  status: RecommendationStatusSchema,
  targetDate: IsoDateSchema.nullable(),
  rag: RagRatingSchema.nullable(),
  areaIds: z.array(IdSchema),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

/** A recommendation in a list: its newest progress note and how many there are. */
export const RecommendationSummaryOutputSchema = RecommendationFieldsSchema.extend({
  updateCount: z.int(),
  latestUpdate: RecommendationUpdateOutputSchema.nullable(),
});

/** A recommendation with every progress note, newest first, and the actions that serve it. */
export const RecommendationOutputSchema = RecommendationFieldsSchema.extend({
  updates: z.array(RecommendationUpdateOutputSchema),
  actions: z.array(
    z.object({
      id: IdSchema,
      areaId: IdSchema,
      what: z.string(),
      dueDate: IsoDateSchema,
      status: ActionStatusSchema,
    }),
  ),
});

export type RecommendationFields = z.infer<typeof RecommendationFieldsSchema>;
export type RecommendationUpdateOutput = z.infer<typeof RecommendationUpdateOutputSchema>;
export type RecommendationSummary = z.infer<typeof RecommendationSummaryOutputSchema>;
export type RecommendationOutput = z.infer<typeof RecommendationOutputSchema>;

/** Review recommendations and the progress made on each. */
export const recommendations = {
  list: query({
    access: "readRecommendations",
    output: z.array(RecommendationSummaryOutputSchema),
  }),
  get: query({
    access: "readRecommendations",
    input: ByIdInputSchema,
    output: RecommendationOutputSchema,
  }),
  create: mutation({
    access: "manageRecommendations",
    input: CreateRecommendationInputSchema,
    output: RecommendationOutputSchema,
  }),
  update: mutation({
    access: "manageRecommendations",
    input: UpdateRecommendationInputSchema,
    output: RecommendationOutputSchema,
  }),
  addUpdate: mutation({
    access: "manageRecommendations",
    input: AddRecommendationUpdateInputSchema,
    output: RecommendationOutputSchema,
  }),
  startFromTemplate: mutation({
    access: "manageRecommendations",
    input: StartFromTemplateInputSchema,
    output: z.object({ source: z.string(), created: z.int() }),
  }),
};
