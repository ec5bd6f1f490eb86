import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";

import { IsoDateSchema } from "@dapkit/schemas";

import { neverTrained } from "../services/reports/never-trained";
import { refreshersDue } from "../services/reports/refreshers-due";
import { uptakeReport } from "../services/reports/uptake";
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

const UptakeInputSchema = z
  .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .refine((range) => range.from === undefined || range.to === undefined || range.from <= range.to, {
    path: ["to"],
    message: "must not be before the from date",
  })
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
        byManager: z.array(NamedFunnelSchema),
      }),
    )
    .query(({ ctx, input }) => uptakeReport(scopeOf(ctx), input)),

  refreshersDue: readProcedure
    .input(RefreshersInputSchema)
    .output(z.array(RefresherDueOutputSchema))
    .query(({ ctx, input }) => refreshersDue(scopeOf(ctx), input)),

  neverTrained: readProcedure
    .output(z.array(StaffOutputSchema))
    .query(({ ctx }) => neverTrained(scopeOf(ctx))),
} satisfies TRPCRouterRecord;
