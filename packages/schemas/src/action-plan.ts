import * as z from "zod";

import { IdSchema, IsoDateSchema, LabelSchema, NoteSchema, oneOf } from "./common";

/** The statuses of an action in a DAHA action plan. */
export const ACTION_STATUSES = ["not_started", "in_progress", "done"] as const;

/** How far an action-plan action has got. */
export const ActionStatusSchema = oneOf(ACTION_STATUSES);
/** An action status. */
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** One action in a priority area's plan: what is to be done, by whom, by when. */
export const ActionPlanActionSchema = z.object({
  id: IdSchema,
  areaId: IdSchema,
  what: NoteSchema.min(1, "must not be empty").max(1000, "must be at most 1,000 characters"),
  owner: LabelSchema,
  dueDate: IsoDateSchema,
  status: ActionStatusSchema,
});
/** An action-plan action. */
export type ActionPlanAction = z.infer<typeof ActionPlanActionSchema>;
