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
