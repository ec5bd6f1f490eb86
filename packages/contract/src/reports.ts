import * as z from "zod";

import { IsoDateSchema } from "@dapkit/schemas";

import { query } from "./define-procedure";
import { PageInputSchema, pageSchema } from "./pagination";
import { StaffOutputSchema } from "./staff";

/** How far nominations got, counted; the uptake reports show one per group. */
export const FunnelSchema = z.object({
  nominated: z.int(),
  booked: z.int(),
  attended: z.int(),
  fullyAttended: z.int(),
  partiallyAttended: z.int(),
  noShow: z.int(),
  unableToAttend: z.int(),
  cancelled: z.int(),
  declined: z.int(),
  waitlisted: z.int(),
  /** attended ÷ nominated, from 0 to 1. */
  attendanceRate: z.number(),
});

/** A funnel for one department or manager (`key` null for staff with none). */
export const NamedFunnelSchema = FunnelSchema.extend({
  key: z.string().nullable(),
  name: z.string(),
});

/** A range of days, either end of which may be left out. */
export const DateRangeSchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

/** True unless the range ends before it starts. */
export function inOrder(range: z.output<typeof DateRangeSchema>): boolean {
  return range.from === undefined || range.to === undefined || range.from <= range.to;
}

/** Where and how a range that ends before it starts is refused. */
export const notBeforeFrom = { path: ["to"], message: "must not be before the from date" };

/** Sessions starting between two dates (either may be left out). */
export const UptakeInputSchema = DateRangeSchema.refine(inOrder, notBeforeFrom).prefault({});

/** A page of managers' funnels, for sessions between two dates. */
export const UptakeByManagerInputSchema = DateRangeSchema.extend(PageInputSchema.shape)
  .refine(inOrder, notBeforeFrom)
  .prefault({});

/** Refreshers due on a date (today when left out), or within some days of it, a page at a time. */
export const RefreshersInputSchema = PageInputSchema.extend({
  asOf: IsoDateSchema.optional(),
  withinDays: z
    .int({ error: "must be a whole number of days" })
    .min(0, "must not be negative")
    .max(366, "must be at most 366 days")
    .optional(),
}).prefault({});

/** One person's refresher of one course, overdue or due soon. */
export const RefresherDueOutputSchema = z.object({
  courseId: z.string(),
  courseTitle: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  employeeNumber: z.string(),
  departmentName: z.string(),
  lastCompletedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(["overdue", "due_soon"]),
  daysUntilDue: z.int(),
});

/** Training uptake, refreshers due and who has never been trained. */
export const reports = {
  uptake: query({
    access: "readTraining",
    input: UptakeInputSchema,
    output: z.object({ overall: FunnelSchema, byDepartment: z.array(NamedFunnelSchema) }),
  }),
  uptakeByManager: query({
    access: "readTraining",
    input: UptakeByManagerInputSchema,
    output: pageSchema(NamedFunnelSchema),
  }),
  refreshersDue: query({
    access: "readTraining",
    input: RefreshersInputSchema,
    output: pageSchema(RefresherDueOutputSchema).extend({
      /** How many of the whole list (every page) are overdue, and how many due soon. */
      overdue: z.int(),
      dueSoon: z.int(),
    }),
  }),
  neverTrained: query({
    access: "readTraining",
    input: PageInputSchema.prefault({}),
    output: pageSchema(StaffOutputSchema),
  }),
};
