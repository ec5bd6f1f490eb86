import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";

import { IsoDateSchema } from "@dapkit/schemas";

import { neverTrained } from "../services/reports/never-trained";
import { refreshersDue } from "../services/reports/refreshers-due";
import { uptakeByManager, uptakeSummary } from "../services/reports/uptake";
import { pageSchema, PageInputSchema } from "../services/pagination";
import { scopeOf } from "../services/scope";
import { permittedProcedure } from "../trpc";
import { StaffOutputSchema } from "./staff-schemas";

const readProcedure = permittedProcedure("readTraining");

const FunnelSchema = z.object({
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

const NamedFunnelSchema = FunnelSchema.extend({ key: z.string().nullable(), name: z.string() });

const DateRangeSchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

function inOrder(range: z.output<typeof DateRangeSchema>): boolean {
  return range.from === undefined || range.to === undefined || range.from <= range.to;
}

const notBeforeFrom = { path: ["to"], message: "must not be before the from date" };

const UptakeInputSchema = DateRangeSchema.refine(inOrder, notBeforeFrom).prefault({});

const UptakeByManagerInputSchema = DateRangeSchema.extend(PageInputSchema.shape)
  .refine(inOrder, notBeforeFrom)
  .prefault({});

const RefreshersInputSchema = z
  .object({
    asOf: IsoDateSchema.optional(),
    withinDays: z
      .int({ error: "must be a whole number of days" })
      .min(0, "must not be negative")
      .max(366, "must be at most 366 days")
      .optional(),
  })
  .prefault({});

const RefresherDueOutputSchema = z.object({
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

export const reportsRouter = {
  uptake: readProcedure
    .input(UptakeInputSchema)
    .output(
      z.object({
        overall: FunnelSchema,
        byDepartment: z.array(NamedFunnelSchema),
      }),
    )
    .query(({ ctx, input }) => uptakeSummary(scopeOf(ctx), input)),

  uptakeByManager: readProcedure
    .input(UptakeByManagerInputSchema)
    .output(pageSchema(NamedFunnelSchema))
    .query(({ ctx, input }) => uptakeByManager(scopeOf(ctx), input)),

  refreshersDue: readProcedure
    .input(RefreshersInputSchema)
    .output(z.array(RefresherDueOutputSchema))
    .query(({ ctx, input }) => refreshersDue(scopeOf(ctx), input)),

  neverTrained: readProcedure
    .output(z.array(StaffOutputSchema))
    .query(({ ctx }) => neverTrained(scopeOf(ctx))),
} satisfies TRPCRouterRecord;
