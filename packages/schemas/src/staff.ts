import * as z from "zod";

import { EmailSchema, IdSchema, IsoDateSchema, LabelSchema, typeError } from "./common";

/** A department (directorate, service or team) that staff belong to. */
export const DepartmentSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
});
/** A department. */
export type Department = z.infer<typeof DepartmentSchema>;

/** A member of staff who can be nominated for training. */
export const StaffMemberSchema = z.object({
  id: IdSchema,
  employeeNumber: z
    .string({ error: typeError("must be text") })
    .trim()
    .min(1, "must not be empty")
    .max(32, "must be at most 32 characters"),
  name: LabelSchema,
  email: EmailSchema.nullable(),
  jobTitle: LabelSchema,
  departmentId: IdSchema,
  managerId: IdSchema.nullable(),
  active: z.boolean({ error: typeError("must be true or false") }),
  /** The first day of employment, if known. */
  startDate: IsoDateSchema.nullable(),
  /** The last day of employment: from the day after, they are a former member of staff. */
  leavingDate: IsoDateSchema.nullable(),
});
/** A member of staff. */
export type StaffMember = z.infer<typeof StaffMemberSchema>;
