import * as z from "zod";

import { IdSchema, LabelSchema, NominationStateSchema, StaffMemberSchema } from "@dapkit/schemas";

import { ByIdInputSchema } from "./by-id";
import { mutation, query } from "./define-procedure";
import { ImportInputSchema, StaffImportResultSchema } from "./imports";
import { PageInputSchema, pageSchema, SearchTermSchema } from "./pagination";

export const DepartmentOutputSchema = z.object({ id: z.string(), name: z.string() });

export const DepartmentInputSchema = z.object({ name: LabelSchema });

/** A department's new name. */
export const UpdateDepartmentInputSchema = z.object({
  id: IdSchema,
  data: DepartmentInputSchema.partial(),
});

// The partnership agency a person works for: required (and checked) when the organisation runs
// as a partnership, null otherwise.
const staffFields = StaffMemberSchema.omit({ id: true }).extend({
  agencyId: IdSchema.nullable(),
});

/** A new member of staff: email and manager may be left out, and they start active. */
export const CreateStaffInputSchema = staffFields.extend({
  email: staffFields.shape.email.default(null),
  managerId: staffFields.shape.managerId.default(null),
  agencyId: staffFields.shape.agencyId.default(null),
  active: staffFields.shape.active.default(true),
  startDate: staffFields.shape.startDate.default(null),
  leavingDate: staffFields.shape.leavingDate.default(null),
});

/** The fields to change; those left out keep their values (so no defaults here). */
export const UpdateStaffInputSchema = z.object({ id: IdSchema, data: staffFields.partial() });

export const ListStaffInputSchema = PageInputSchema.extend({
  departmentId: IdSchema.optional(),
  managerId: IdSchema.optional(),
  agencyId: IdSchema.optional(),
  active: z.boolean({ error: "must be true or false" }).optional(),
  search: SearchTermSchema.optional(),
}).prefault({});

export const StaffOutputSchema = z.object({
  id: z.string(),
  employeeNumber: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  jobTitle: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  active: z.boolean(),
  startDate: z.string().nullable(),
  leavingDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const StaffRecordOutputSchema = StaffOutputSchema.extend({
  nominations: z.array(
    z.object({
      nominationId: z.string(),
      sessionId: z.string(),
      courseId: z.string(),
      courseTitle: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      state: NominationStateSchema,
      stateChangedAt: z.string(),
    }),
  ),
  completions: z.array(
    z.object({
      courseId: z.string(),
      courseTitle: z.string(),
      sessionId: z.string(),
      completedOn: z.string(),
    }),
  ),
  /** Each course with a refresher interval they have completed: when the refresher falls due. */
  refreshers: z.array(
    z.object({
      courseId: z.string(),
      courseTitle: z.string(),
      lastCompletedOn: z.string(),
      dueOn: z.string(),
      status: z.enum(["overdue", "due_soon", "current"]),
      daysUntilDue: z.int(),
    }),
  ),
});

/** Departments and staff: the people who are nominated for training. */
export const staff = {
  departments: {
    list: query({ access: "readTraining", output: z.array(DepartmentOutputSchema) }),
    create: mutation({
      access: "manageStaff",
      input: DepartmentInputSchema,
      output: DepartmentOutputSchema,
    }),
    update: mutation({
      access: "manageStaff",
      input: UpdateDepartmentInputSchema,
      output: DepartmentOutputSchema,
    }),
  },
  list: query({
    access: "readTraining",
    input: ListStaffInputSchema,
    output: pageSchema(StaffOutputSchema),
  }),
  get: query({
    access: "readTraining",
    input: ByIdInputSchema,
    output: StaffRecordOutputSchema,
  }),
  create: mutation({
    access: "manageStaff",
    input: CreateStaffInputSchema,
    output: StaffOutputSchema,
  }),
  update: mutation({
    access: "manageStaff",
    input: UpdateStaffInputSchema,
    output: StaffOutputSchema,
  }),
  importCsv: mutation({
    access: "manageStaff",
    input: ImportInputSchema,
    output: StaffImportResultSchema,
  }),
};
