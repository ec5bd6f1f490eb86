import * as z from "zod";

import { IdSchema, LabelSchema, NominationStateSchema, StaffMemberSchema } from "@dapkit/schemas";

import { PageInputSchema } from "../services/pagination";

export const DepartmentOutputSchema = z.object({ id: z.string(), name: z.string() });

export const DepartmentInputSchema = z.object({ name: LabelSchema });

const staffFields = StaffMemberSchema.omit({ id: true });

/** A new member of staff: email and manager may be left out, and they start active. */
export const CreateStaffInputSchema = staffFields.extend({
  email: staffFields.shape.email.default(null),
  managerId: staffFields.shape.managerId.default(null),
  active: staffFields.shape.active.default(true),
});

/** The fields to change; those left out keep their values (so no defaults here). */
export const UpdateStaffInputSchema = z.object({ id: IdSchema, data: staffFields.partial() });

export const ListStaffInputSchema = PageInputSchema.extend({
  departmentId: IdSchema.optional(),
  managerId: IdSchema.optional(),
  active: z.boolean({ error: "must be true or false" }).optional(),
  search: z
    .string({ error: "must be text" })
    .trim()
    .max(200, "must be at most 200 characters")
    .optional(),
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
  active: z.boolean(),
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
});
