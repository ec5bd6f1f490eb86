import * as z from "zod";

import { IdSchema, IsoDateTimeSchema, LabelSchema, NoteSchema, oneOf, typeError } from "./common";

/** A training course, such as "Domestic abuse awareness (Level 1)". */
export const CourseSchema = z.object({
  id: IdSchema,
  title: LabelSchema,
  level: z
    .int({ error: typeError("must be a whole number from 1 to 4") })
    .min(1, "must be a whole number from 1 to 4")
    .max(4, "must be a whole number from 1 to 4"),
  refresherIntervalMonths: z
    .int({ error: typeError("must be a whole number of months") })
    .min(1, "must be at least 1 month")
    .max(120, "must be at most 120 months")
    .nullable(),
  description: NoteSchema,
});
/** A training course. */
export type Course = z.infer<typeof CourseSchema>;

/** One delivery of a course: when, where, who trains, how many places. */
export const TrainingSessionSchema = z
  .object({
    id: IdSchema,
    courseId: IdSchema,
    startsAt: IsoDateTimeSchema,
    endsAt: IsoDateTimeSchema,
    capacity: z
      .int({ error: typeError("must be a whole number of places") })
      .min(1, "must be at least 1 place")
      .max(1000, "must be at most 1,000 places"),
    location: LabelSchema,
    trainer: LabelSchema,
  })
  .refine((session) => Date.parse(session.endsAt) > Date.parse(session.startsAt), {
    path: ["endsAt"],
    message: "must be after the start",
  });
/** A training session. */
export type TrainingSession = z.infer<typeof TrainingSessionSchema>;

/** The attendance outcomes, in the order a register lists them. */
export const ATTENDANCE_OUTCOMES = [
  "fully_attended",
  "partially_attended",
  "unable_to_attend",
  "no_show",
] as const;

/** How a booked person's attendance was marked (Totara's words, so exports map cleanly). */
export const AttendanceOutcomeSchema = oneOf(ATTENDANCE_OUTCOMES);
/** An attendance outcome. */
export type AttendanceOutcome = z.infer<typeof AttendanceOutcomeSchema>;

/** Every state a nomination can be in; the attendance outcomes come last. */
export const NOMINATION_STATES = [
  "nominated",
  "approved",
  "declined",
  "waitlisted",
  "booked",
  "cancelled",
  ...ATTENDANCE_OUTCOMES,
] as const;

/** A nomination's state. */
export const NominationStateSchema = oneOf(NOMINATION_STATES);
/** A nomination state. */
export type NominationState = z.infer<typeof NominationStateSchema>;

/**
 * Where a training session is in its life, in order: open (places free), full, held (it has
 * started), closed (every booking has an outcome), or cancelled. `@dapkit/training` works out which.
 */
export const SESSION_STATUSES = ["open", "full", "held", "closed", "cancelled"] as const;

/** A training session's status. */
export const SessionStatusSchema = oneOf(SESSION_STATUSES);
/** A training session's status. */
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** A manager's nomination of a member of staff for a training session. */
export const NominationSchema = z.object({
  id: IdSchema,
  staffId: IdSchema,
  sessionId: IdSchema,
  nominatedBy: IdSchema,
  reason: NoteSchema,
  mandatory: z.boolean({ error: typeError("must be true or false") }),
  state: NominationStateSchema,
});
/** A nomination. */
export type Nomination = z.infer<typeof NominationSchema>;

/** One append-only entry in a nomination's history: the state it moved to, who, when and why. */
export const NominationHistoryEntrySchema = z.object({
  state: NominationStateSchema,
  at: IsoDateTimeSchema,
  by: IdSchema,
  note: NoteSchema,
});
/** A nomination history entry. */
export type NominationHistoryEntry = z.infer<typeof NominationHistoryEntrySchema>;
