import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { runImportFor } from "../services/imports/import-runner";
import { scopeOf } from "../services/scope";
import { createDepartment, listDepartments, updateDepartment } from "../services/staff/departments";
import { getStaff } from "../services/staff/get-staff";
import { listStaff } from "../services/staff/list-staff";
import { createStaff, updateStaff } from "../services/staff/save-staff";
import { procedureFor } from "../trpc";

const { staff } = contract;

export const staffRouter = {
  departments: {
    list: procedureFor(staff.departments.list, ({ ctx }) => listDepartments(scopeOf(ctx))),
    create: procedureFor(staff.departments.create, ({ ctx, input }) =>
      createDepartment(scopeOf(ctx), input),
    ),
    update: procedureFor(staff.departments.update, ({ ctx, input }) =>
      updateDepartment(scopeOf(ctx), input),
    ),
  },
  list: procedureFor(staff.list, ({ ctx, input }) => listStaff(scopeOf(ctx), input)),
  get: procedureFor(staff.get, ({ ctx, input }) => getStaff(scopeOf(ctx), input.id)),
  create: procedureFor(staff.create, ({ ctx, input }) => createStaff(scopeOf(ctx), input)),
  update: procedureFor(staff.update, ({ ctx, input }) => updateStaff(scopeOf(ctx), input)),
  importCsv: procedureFor(staff.importCsv, ({ ctx, input }) => runImportFor(ctx, "staff", input)),
} satisfies TRPCRouterRecord;
