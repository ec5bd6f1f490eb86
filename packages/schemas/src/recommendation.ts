import * as z from "zod";

import { IdSchema, IsoDateSchema, LabelSchema, NoteSchema, oneOf, typeError } from "./common";

/** The recommendation statuses. */
export const RECOMMENDATION_STATUSES = [
  "not_started",
  "in_progress",
  "on_hold",
  "completed",
  "not_agreed",
] as const;

/** How far a review recommendation has got. */
export const RecommendationStatusSchema = oneOf(RECOMMENDATION_STATUSES);
/** A recommendation status. */
export type RecommendationStatus = z.infer<typeof RecommendationStatusSchema>;

/** Red, amber and green, worst first: the rating an officer gives a recommendation's progress. */
export const RAG_RATINGS = ["red", "amber", "green"] as const;

/** A red, amber or green rating. */
export const RagRatingSchema = oneOf(RAG_RATINGS);
/** A RAG rating. */
export type RagRating = z.infer<typeof RagRatingSchema>;

/** A dated note of progress against a recommendation. */
export const RecommendationUpdateSchema = z.object({
  date: IsoDateSchema,
  note: NoteSchema.min(1, "must not be empty"),
});
/** A progress update. */
export type RecommendationUpdate = z.infer<typeof RecommendationUpdateSchema>;

/** A recommendation from a review (e.g. a strategic review of domestic abuse) that a partnership tracks. */
export const RecommendationSchema = z.object({
  id: IdSchema,
  reference: z
    .string({ error: typeError("must be text") })
    .trim()
    .min(1, "must not be empty")
    .max(16),
  title: NoteSchema.min(1, "must not be empty"),
  source: LabelSchema,
  owner: LabelSchema,
  status: RecommendationStatusSchema,
  updates: z.array(RecommendationUpdateSchema),
});
/** A review recommendation. */
export type Recommendation = z.infer<typeof RecommendationSchema>;
