import * as z from "zod";

import {
  AttendanceOutcomeSchema,
  CourseSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  NominationStateSchema,
  NonNegativePenceSchema,
  NoteSchema,
  SessionStatusSchema,
  TrainingSessionSchema,
} from "@dapkit/schemas";

import { ByIdInputSchema } from "./by-id";
import { mutation, query } from "./define-procedure";
import { ImportInputSchema, ImportResultSchema } from "./imports";
import { PageInputSchema, pageSchema } from "./pagination";
import { SESSION_OPEN_TO } from "./partnership-words";
import { ListStaffInputSchema } from "./staff";

const courseFields = CourseSchema.omit({ id: true });

export const CreateCourseInputSchema = courseFields.extend({
  refresherIntervalMonths: courseFields.shape.refresherIntervalMonths.default(null),
  description: courseFields.shape.description.default(""),
});

export const UpdateCourseInputSchema = z.object({ id: IdSchema, data: courseFields.partial() });

export const CourseOutputSchema = z.object({
  id: z.string(),
  title: z.string(),
  level: z.int(),
  refresherIntervalMonths: z.int().nullable(),
  description: z.string(),
  createdAt: z.string(),
  /** When the course was archived (offered for no new sessions), or null. */
  archivedAt: z.string().nullable(),
});

// TrainingSessionSchema carries a refinement (ends after it starts), which zod will not omit
// fields from; its shape is reused and the services check the order of the times.
const { id: _id, ...sessionShape } = TrainingSessionSchema.shape;

/** An agency a session is open to, with the places held for it until the release date. */
export const SessionAgencyInputSchema = z.object({
  agencyId: IdSchema,
  reservedPlaces: z
    .int({ error: "must be a whole number of places" })
    .min(0, "must be 0 or more places")
    .max(1000, "must be at most 1,000 places")
    .default(0),
});

/**
 * Who may book a session of a partnership (an organisation that is not one leaves these as they
 * are): every member agency or chosen ones, places held per agency until `reservedUntil`, and the
 * price of a place for a non-member agency's person (null: no non-members).
 */
const eligibilityShape = {
  openTo: z.enum(SESSION_OPEN_TO, { error: `must be one of ${SESSION_OPEN_TO.join(", ")}` }),
  agencies: z
    .array(SessionAgencyInputSchema, { error: "must be a list of agencies" })
    .max(200, "must list at most 200 agencies"),
  reservedUntil: IsoDateTimeSchema.nullable(),
  nonMemberPricePence: NonNegativePenceSchema.max(
    100_000_00,
    "must be at most £100,000",
  ).nullable(),
};

export const CreateSessionInputSchema = z.object({
  ...sessionShape,
  openTo: eligibilityShape.openTo.default("all_members"),
  agencies: eligibilityShape.agencies.default([]),
  reservedUntil: eligibilityShape.reservedUntil.default(null),
  nonMemberPricePence: eligibilityShape.nonMemberPricePence.default(null),
});

export const UpdateSessionInputSchema = z.object({
  id: IdSchema,
  data: z
    .object({ ...sessionShape, ...eligibilityShape })
    .omit({ courseId: true })
    .partial(),
});

export const ListSessionsInputSchema = PageInputSchema.extend({
  courseId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
}).prefault({});

export const SessionOutputSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  courseLevel: z.int(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.int(),
  location: z.string(),
  trainer: z.string(),
  booked: z.int(),
  waitlisted: z.int(),
  placesLeft: z.int(),
  /** Where the session is in its life, as of the request (see @dapkit/training sessionStatus). */
  status: SessionStatusSchema,
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string(),
  openTo: z.enum(SESSION_OPEN_TO),
  /** Until when places reserved per agency are held for it; null when none are. */
  reservedUntil: z.string().nullable(),
  /** The price of a place for a non-member agency's person; null when non-members cannot book. */
  nonMemberPricePence: z.int().nullable(),
});

export const SessionWithNominationsOutputSchema = SessionOutputSchema.extend({
  /** The agencies the session is open to (when chosen) and the places held for each. */
  agencies: z.array(z.object({ agencyId: z.string(), name: z.string(), reservedPlaces: z.int() })),
  nominations: z.array(
    z.object({
      id: z.string(),
      staffId: z.string(),
      staffName: z.string(),
      employeeNumber: z.string(),
      departmentName: z.string(),
      state: NominationStateSchema,
      mandatory: z.boolean(),
      stateChangedAt: z.string(),
      waitlistPosition: z.int().nullable(),
      /** The agency the person works for, in a partnership; null otherwise. */
      agencyName: z.string().nullable(),
      /** The booking this one took over as a substitute, or null. */
      substitutedForId: z.string().nullable(),
      /** Signed in on the day without a booking. */
      unscheduled: z.boolean(),
    }),
  ),
});

/** The most people one nomination or bulk action may take: a large council's intake for a course. */
export const BULK_LIMIT = 1000;

export const NominateInputSchema = z.object({
  sessionId: IdSchema,
  staffIds: z
    .array(IdSchema, { error: "must be a list of staff" })
    .min(1, "Choose at least one member of staff")
    .max(BULK_LIMIT, "must list at most 1,000 people at once"),
  reason: NoteSchema.default(""),
  mandatory: z.boolean({ error: "must be true or false" }).default(false),
});

export const ListNominationsInputSchema = PageInputSchema.extend({
  sessionId: IdSchema.optional(),
  courseId: IdSchema.optional(),
  state: NominationStateSchema.optional(),
  departmentId: IdSchema.optional(),
  staffId: IdSchema.optional(),
}).prefault({});

/** Staff to nominate for a session, narrowed as the staff list is (current staff only). */
export const SessionCandidatesInputSchema = ListStaffInputSchema.unwrap()
  .omit({ active: true })
  .extend({ sessionId: IdSchema });

export const SessionCandidatesOutputSchema = pageSchema(
  z.object({
    id: z.string(),
    name: z.string(),
    employeeNumber: z.string(),
    jobTitle: z.string(),
    departmentName: z.string(),
    managerName: z.string().nullable(),
    /** Their nomination for this session, if they have one still in play; null if none. */
    nominationState: NominationStateSchema.nullable(),
    /** Why the session is closed to them (in a partnership, not open to their agency); else null. */
    refusal: z.string().nullable(),
  }),
).extend({
  /** Everyone matching who can be nominated now, so "select all" needs no second request. */
  selectableIds: z.array(z.string()),
  /** True when more than BULK_LIMIT match, so selectableIds holds only the first of them. */
  truncated: z.boolean(),
});

/** Approve, decline, book or cancel: which nomination, and a note for its history. */
export const NominationNoteInputSchema = z.object({ id: IdSchema, note: NoteSchema.default("") });

// Declining and cancelling tell people their place is gone, so the history needs the reason.
function reasonRequired(doing: string, field: "note" | "reason" = "note") {
  return (input: Partial<Record<typeof field, string>>, ctx: z.RefinementCtx) => {
    if (input[field] === "") {
      ctx.addIssue({ code: "custom", path: [field], message: `Enter the reason for ${doing}` });
    }
  };
}

/** Decline one nomination: the reason goes in its history. */
export const DeclineInputSchema = NominationNoteInputSchema.superRefine(
  reasonRequired("declining"),
);

/** Cancel one nomination: the reason goes in its history. */
export const CancelInputSchema = NominationNoteInputSchema.superRefine(
  reasonRequired("cancelling"),
);

/**
 * Send a substitute in a booked person's place before the session starts: the booking is
 * cancelled (free of any charge) and the substitute takes the same place.
 */
export const SubstituteInputSchema = z
  .object({ nominationId: IdSchema, staffId: IdSchema, reason: NoteSchema.default("") })
  .superRefine(reasonRequired("sending a substitute", "reason"));

/** Someone who signed in without a booking, added to the register once the session has started. */
export const AddUnscheduledInputSchema = z.object({
  sessionId: IdSchema,
  staffId: IdSchema,
  outcome: z
    .enum(["fully_attended", "partially_attended"], {
      error: "must be fully_attended or partially_attended",
    })
    .default("fully_attended"),
  note: NoteSchema.default(""),
});

/** One person's attendance; once the session is closed, only HR corrects it, and `note` is the reason. */
export const MarkAttendanceInputSchema = z.object({
  nominationId: IdSchema,
  outcome: AttendanceOutcomeSchema,
  note: NoteSchema.default(""),
});

/** Cancel a session: everyone on it is cancelled, and the reason goes in each history. */
export const CancelSessionInputSchema = z
  .object({ id: IdSchema, reason: NoteSchema.default("") })
  .superRefine((input, ctx) => {
    if (input.reason === "") {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Enter the reason for cancelling the session",
      });
    }
  });

/** Move a session to a new date and time: its bookings and waiting list stay. */
export const MoveSessionInputSchema = z.object({
  id: IdSchema,
  startsAt: sessionShape.startsAt,
  endsAt: sessionShape.endsAt,
  note: NoteSchema.default(""),
});

/** A person whose nomination a session's cancellation or move touched. */
const AffectedNominationSchema = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  /** Their state before the change (a move leaves it as it was). */
  state: NominationStateSchema,
});

export const CancelSessionOutputSchema = z.object({
  session: SessionOutputSchema,
  /** Everyone cancelled: bookings, the waiting list and nominations not yet booked. */
  cancelled: z.array(AffectedNominationSchema),
});

export const MoveSessionOutputSchema = z.object({
  session: SessionOutputSchema,
  previous: z.object({ startsAt: z.string(), endsAt: z.string() }),
  /** Everyone still on the session, told of the new date in their history. */
  nominations: z.array(AffectedNominationSchema),
});

/** Undo the last attendance change of a session that is not yet closed. */
export const UndoAttendanceInputSchema = z.object({ sessionId: IdSchema });

export const UndoAttendanceOutputSchema = z.object({
  undone: z.array(
    z.object({
      id: z.string(),
      staffName: z.string(),
      from: NominationStateSchema,
      to: NominationStateSchema,
    }),
  ),
});

export const MarkAttendanceBulkInputSchema = z.object({
  sessionId: IdSchema,
  marks: z
    .array(z.object({ nominationId: IdSchema, outcome: AttendanceOutcomeSchema }))
    .min(1, "Mark at least one person")
    .max(1000, "must list at most 1,000 people"),
});

export const NominationOutputSchema = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  employeeNumber: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  sessionId: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  state: NominationStateSchema,
  reason: z.string(),
  mandatory: z.boolean(),
  nominatedBy: z.string(),
  stateChangedAt: z.string(),
  createdAt: z.string(),
});

export const NominationWithHistoryOutputSchema = NominationOutputSchema.extend({
  history: z.array(
    z.object({
      state: NominationStateSchema,
      at: z.string(),
      byUserId: z.string(),
      by: z.string(),
      note: z.string(),
    }),
  ),
});

const manyNominations = z
  .array(IdSchema, { error: "must be a list of nominations" })
  .min(1, "Select at least one person")
  .max(BULK_LIMIT, "must list at most 1,000 people at once");

/** Approve, book or decline many of a session's nominations (HR's actions). */
export const ApplyManyInputSchema = z
  .object({
    sessionId: IdSchema,
    action: z.enum(["approve", "book", "decline"], {
      error: "must be approve, book or decline",
    }),
    ids: manyNominations,
    note: NoteSchema.default(""),
  })
  .superRefine((input, ctx) => {
    if (input.action === "decline") reasonRequired("declining")(input, ctx);
  });

/** Cancel many of a session's nominations (managers too, for their own team). */
export const CancelManyInputSchema = z
  .object({ sessionId: IdSchema, ids: manyNominations, note: NoteSchema.default("") })
  .superRefine(reasonRequired("cancelling"));

/** What happened to each person a bulk action named: their new state, or skipped and why. */
export const ApplyManyOutputSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      staffName: z.string(),
      outcome: z.union([NominationStateSchema, z.literal("skipped")]),
      reason: z.string().nullable(),
    }),
  ),
  /** People booked from the waiting list into places the action freed. */
  promoted: z.array(z.object({ id: z.string(), staffName: z.string() })),
});

export const CancelOutputSchema = z.object({
  nomination: NominationOutputSchema,
  promoted: z.array(NominationOutputSchema),
});

export const SubstituteOutputSchema = z.object({
  /** The booking given up, now cancelled. */
  cancelled: NominationOutputSchema,
  /** The substitute's booking, in the same place. */
  substitute: NominationOutputSchema,
});

/** Courses, their sessions, nominations for them and who attended. */
export const training = {
  courses: {
    list: query({ access: "readTraining", output: z.array(CourseOutputSchema) }),
    create: mutation({
      access: "manageStaff",
      input: CreateCourseInputSchema,
      output: CourseOutputSchema,
    }),
    update: mutation({
      access: "manageStaff",
      input: UpdateCourseInputSchema,
      output: CourseOutputSchema,
    }),
    archive: mutation({
      access: "manageStaff",
      input: ByIdInputSchema,
      output: CourseOutputSchema,
    }),
    unarchive: mutation({
      access: "manageStaff",
      input: ByIdInputSchema,
      output: CourseOutputSchema,
    }),
  },
  sessions: {
    list: query({
      access: "readTraining",
      input: ListSessionsInputSchema,
      output: pageSchema(SessionOutputSchema),
    }),
    get: query({
      access: "readTraining",
      input: ByIdInputSchema,
      output: SessionWithNominationsOutputSchema,
    }),
    candidates: query({
      access: "nominate",
      input: SessionCandidatesInputSchema,
      output: SessionCandidatesOutputSchema,
    }),
    create: mutation({
      access: "manageStaff",
      input: CreateSessionInputSchema,
      output: SessionOutputSchema,
    }),
    update: mutation({
      access: "manageStaff",
      input: UpdateSessionInputSchema,
      output: SessionOutputSchema,
    }),
    cancel: mutation({
      access: "manageTraining",
      input: CancelSessionInputSchema,
      output: CancelSessionOutputSchema,
    }),
    move: mutation({
      access: "manageTraining",
      input: MoveSessionInputSchema,
      output: MoveSessionOutputSchema,
    }),
    close: mutation({
      access: "manageTraining",
      input: ByIdInputSchema,
      output: SessionOutputSchema,
    }),
  },
  nominations: {
    list: query({
      access: "readTraining",
      input: ListNominationsInputSchema,
      output: pageSchema(NominationOutputSchema),
    }),
    get: query({
      access: "readTraining",
      input: ByIdInputSchema,
      output: NominationWithHistoryOutputSchema,
    }),
    create: mutation({
      access: "nominate",
      input: NominateInputSchema,
      output: z.array(NominationOutputSchema),
    }),
    approve: mutation({
      access: "manageTraining",
      input: NominationNoteInputSchema,
      output: NominationOutputSchema,
    }),
    decline: mutation({
      access: "manageTraining",
      input: DeclineInputSchema,
      output: NominationOutputSchema,
    }),
    book: mutation({
      access: "manageTraining",
      input: NominationNoteInputSchema,
      output: NominationOutputSchema,
    }),
    cancel: mutation({
      access: "cancelNomination",
      input: CancelInputSchema,
      output: CancelOutputSchema,
    }),
    applyMany: mutation({
      access: "manageTraining",
      input: ApplyManyInputSchema,
      output: ApplyManyOutputSchema,
    }),
    cancelMany: mutation({
      access: "cancelNomination",
      input: CancelManyInputSchema,
      output: ApplyManyOutputSchema,
    }),
    substitute: mutation({
      access: "cancelNomination",
      input: SubstituteInputSchema,
      output: SubstituteOutputSchema,
    }),
    importCsv: mutation({
      access: "manageTraining",
      input: ImportInputSchema,
      output: ImportResultSchema,
    }),
  },
  attendance: {
    mark: mutation({
      access: "manageTraining",
      input: MarkAttendanceInputSchema,
      output: NominationOutputSchema,
    }),
    markMany: mutation({
      access: "manageTraining",
      input: MarkAttendanceBulkInputSchema,
      output: z.object({ updated: z.int(), unchanged: z.int() }),
    }),
    undo: mutation({
      access: "manageTraining",
      input: UndoAttendanceInputSchema,
      output: UndoAttendanceOutputSchema,
    }),
    addUnscheduled: mutation({
      access: "manageTraining",
      input: AddUnscheduledInputSchema,
      output: NominationOutputSchema,
    }),
    importCsv: mutation({
      access: "manageTraining",
      input: ImportInputSchema,
      output: ImportResultSchema,
    }),
  },
};
