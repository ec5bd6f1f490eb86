import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";

import { IdSchema } from "@dapkit/schemas";

import { importStaffCsv } from "../services/imports/import-staff";
import { pageSchema } from "../services/pagination";
import { scopeOf } from "../services/scope";
import { createDepartment, listDepartments, updateDepartment } from "../services/staff/departments";
import { getStaff } from "../services/staff/get-staff";
import { listStaff } from "../services/staff/list-staff";
import { createStaff, updateStaff } from "../services/staff/save-staff";
import { permittedProcedure } from "../trpc";
import { ImportInputSchema, StaffImportResultSchema } from "./import-schemas";
import {
  CreateStaffInputSchema,
  DepartmentInputSchema,
  DepartmentOutputSchema,
  ListStaffInputSchema,
  StaffOutputSchema,
  StaffRecordOutputSchema,
  UpdateStaffInputSchema,
} from "./staff-schemas";

const readProcedure = permittedProcedure("readTraining");
const manageProcedure = permittedProcedure("manageStaff");

export const staffRouter = {
  departments: {
    list: readProcedure
      .output(z.array(DepartmentOutputSchema))
      .query(({ ctx }) => listDepartments(scopeOf(ctx))),

    create: manageProcedure
      .input(DepartmentInputSchema)
      .output(DepartmentOutputSchema)
      .mutation(({ ctx, input }) => createDepartment(scopeOf(ctx), input)),

    update: manageProcedure
      .input(z.object({ id: IdSchema, data: DepartmentInputSchema.partial() }))
      .output(DepartmentOutputSchema)
      .mutation(({ ctx, input }) => updateDepartment(scopeOf(ctx), input)),
  },

  list: readProcedure
    .input(ListStaffInputSchema)
    .output(pageSchema(StaffOutputSchema))
    .query(({ ctx, input }) => listStaff(scopeOf(ctx), input)),

  get: readProcedure
    .input(z.object({ id: IdSchema }))
    .output(StaffRecordOutputSchema)
    .query(({ ctx, input }) => getStaff(scopeOf(ctx), input.id)),

  create: manageProcedure
    .input(CreateStaffInputSchema)
    .output(StaffOutputSchema)
    .mutation(({ ctx, input }) => createStaff(scopeOf(ctx), input)),

  update: manageProcedure
    .input(UpdateStaffInputSchema)
    .output(StaffOutputSchema)
    .mutation(({ ctx, input }) => updateStaff(scopeOf(ctx), input)),

  importCsv: manageProcedure
    .input(ImportInputSchema)
    .output(StaffImportResultSchema)
    .mutation(({ ctx, input }) => importStaffCsv(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
