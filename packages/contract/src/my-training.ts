import * as z from "zod";

import { IdSchema, NominationStateSchema, NoteSchema } from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { PageInputSchema, pageSchema } from "./pagination";
import { StaffRecordOutputSchema } from "./staff";

/** One of the user's own nominations, as My training lists it. */
export const MyNominationOutputSchema = z.object({
  nominationId: z.string(),
  sessionId: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  state: NominationStateSchema,
  /** True when they asked for the place themselves (so their line manager decides). */
  selfRequested: z.boolean(),
});

/**
 * The signed-in user's own training. `staff` is null when their account is not linked to a staff
 * record, and then every list is empty: the page explains why rather than showing nothing.
 */
export const MyTrainingOutputSchema = z.object({
  staff: z
    .object({
      id: z.string(),
      name: z.string(),
      jobTitle: z.string(),
      departmentName: z.string(),
      managerName: z.string().nullable(),
    })
    .nullable(),
  /** Sessions still to come that they are nominated, approved, waitlisted or booked for. */
  upcoming: z.array(MyNominationOutputSchema),
  /** Everything else: sessions held, and requests declined or cancelled. Latest first. */
  history: z.array(MyNominationOutputSchema),
  refreshers: StaffRecordOutputSchema.shape.refreshers,
  /** Sessions fully attended, each with a certificate to download. */
  certificates: z.array(MyNominationOutputSchema),
});

/** A session people may still ask for a place on: not started and not cancelled. */
export const OpenSessionOutputSchema = z.object({
  id: z.string(),
  courseTitle: z.string(),
  courseLevel: z.int(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  placesLeft: z.int(),
  /** The user's own nomination for it that is still in play, if any. */
  myState: NominationStateSchema.nullable(),
});

/** Ask for a place on a session, saying why (optional). */
export const RequestPlaceInputSchema = z.object({
  sessionId: IdSchema,
  reason: NoteSchema.default(""),
});

/** A team member's request as their line manager sees it. */
export const TeamRequestOutputSchema = z.object({
  nominationId: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  jobTitle: z.string(),
  sessionId: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  reason: z.string(),
  requestedAt: z.string(),
  state: NominationStateSchema,
});

/** Approve a request, with an optional note for its history. */
export const ApproveRequestInputSchema = z.object({ id: IdSchema, note: NoteSchema.default("") });

/** Decline a request: the person is told why, so the reason is required. */
export const DeclineRequestInputSchema = ApproveRequestInputSchema.refine(
  (input) => input.note !== "",
  { path: ["note"], message: "Enter the reason for declining" },
);

/**
 * Self-service: everyone's own training and requests for a place (Totara's manager approval),
 * and line managers' decisions on their own team's requests. HR then books as for any nomination.
 */
export const myTraining = {
  overview: query({ access: "requestTraining", output: MyTrainingOutputSchema }),
  openSessions: query({
    access: "requestTraining",
    input: PageInputSchema.prefault({}),
    output: pageSchema(OpenSessionOutputSchema),
  }),
  request: mutation({
    access: "requestTraining",
    input: RequestPlaceInputSchema,
    output: MyNominationOutputSchema,
  }),
  teamRequests: query({
    access: "decideTrainingRequests",
    input: PageInputSchema.prefault({}),
    output: pageSchema(TeamRequestOutputSchema),
  }),
  approve: mutation({
    access: "decideTrainingRequests",
    input: ApproveRequestInputSchema,
    output: TeamRequestOutputSchema,
  }),
  decline: mutation({
    access: "decideTrainingRequests",
    input: DeclineRequestInputSchema,
    output: TeamRequestOutputSchema,
  }),
};
