import * as z from "zod";

import {
  AttendanceOutcomeSchema,
  CourseSchema,
  IdSchema,
  IsoDateSchema,
  NominationStateSchema,
  NoteSchema,
  TrainingSessionSchema,
} from "@dapkit/schemas";

import { ByIdInputSchema } from "./by-id";
import { mutation, query } from "./define-procedure";
import { ImportInputSchema, ImportResultSchema } from "./imports";
import { PageInputSchema, pageSchema } from "./pagination";
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
});

// TrainingSessionSchema carries a refinement (ends after it starts), which zod will not omit
// fields from; its shape is reused and the services check the order of the times.
const { id: _id, ...sessionShape } = TrainingSessionSchema.shape;

export const CreateSessionInputSchema = z.object(sessionShape);

export const UpdateSessionInputSchema = z.object({
  id: IdSchema,
  data: z.object(sessionShape).omit({ courseId: true }).partial(),
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
});

export const SessionWithNominationsOutputSchema = SessionOutputSchema.extend({
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
  }),
).extend({
  /** Everyone matching who can be nominated now, so "select all" needs no second request. */
  selectableIds: z.array(z.string()),
  /** True when more than BULK_LIMIT match, so selectableIds holds only the first of them. */
  truncated: z.boolean(),
});

/** Approve, decline, book or cancel: which nomination, and a note for its history. */
export const NominationNoteInputSchema = z.object({ id: IdSchema, note: NoteSchema.default("") });

export const MarkAttendanceInputSchema = z.object({
  nominationId: IdSchema,
  outcome: AttendanceOutcomeSchema,
  note: NoteSchema.default(""),
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

// Declining and cancelling tell people their place is gone, so the history needs the reason.
function reasonRequired(doing: string) {
  return (input: { note: string }, ctx: z.RefinementCtx) => {
    if (input.note === "") {
      ctx.addIssue({ code: "custom", path: ["note"], message: `Enter the reason for ${doing}` });
    }
  };
}

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
      input: NominationNoteInputSchema,
      output: NominationOutputSchema,
    }),
    book: mutation({
      access: "manageTraining",
      input: NominationNoteInputSchema,
      output: NominationOutputSchema,
    }),
    cancel: mutation({
      access: "cancelNomination",
      input: NominationNoteInputSchema,
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
    importCsv: mutation({
      access: "manageTraining",
      input: ImportInputSchema,
      output: ImportResultSchema,
    }),
  },
};
