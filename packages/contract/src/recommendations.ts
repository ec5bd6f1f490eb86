import * as z from "zod";

import {
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LabelSchema,
  NoteSchema,
  RecommendationSchema,
  RecommendationStatusSchema,
  RecommendationUpdateSchema,
} from "@dapkit/schemas";

import { ByIdInputSchema } from "./by-id";
import { mutation, query } from "./define-procedure";

/** The fields a person types for a new recommendation. */
export const CreateRecommendationInputSchema = RecommendationSchema.pick({
  reference: true,
  title: true,
  source: true,
  owner: true,
}).extend({ status: RecommendationStatusSchema.default("not_started") });

/** The fields of a recommendation that may change; its reference and source never do. */
export const UpdateRecommendationInputSchema = z.object({
  id: IdSchema,
  data: z.object({
    title: RecommendationSchema.shape.title.optional(),
    owner: LabelSchema.optional(),
    status: RecommendationStatusSchema.optional(),
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
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

/** A recommendation in a list: its newest progress note and how many there are. */
export const RecommendationSummaryOutputSchema = RecommendationFieldsSchema.extend({
  updateCount: z.int(),
  latestUpdate: RecommendationUpdateOutputSchema.nullable(),
});

/** A recommendation with every progress note, newest first. */
export const RecommendationOutputSchema = RecommendationFieldsSchema.extend({
  updates: z.array(RecommendationUpdateOutputSchema),
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
};
