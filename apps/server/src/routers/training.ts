import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";

import { IdSchema } from "@dapkit/schemas";

import { importAttendanceCsv } from "../services/imports/import-attendance";
import { importNominationsCsv } from "../services/imports/import-nominations";
import { pageSchema } from "../services/pagination";
import { scopeOf } from "../services/scope";
import { createCourse, listCourses, updateCourse } from "../services/training/courses";
import { getNomination } from "../services/training/get-nomination";
import { getSession } from "../services/training/get-session";
import { listNominations } from "../services/training/list-nominations";
import { listSessions } from "../services/training/list-sessions";
import { markAttendance, markAttendanceBulk } from "../services/training/mark-attendance";
import { nominate } from "../services/training/nominate";
import {
  approveNomination,
  bookNomination,
  cancelNomination,
  declineNomination,
} from "../services/training/nomination-actions";
import { createSession, updateSession } from "../services/training/save-session";
import { permittedProcedure } from "../trpc";
import { ImportInputSchema, ImportResultSchema } from "./import-schemas";
import {
  CancelOutputSchema,
  CourseOutputSchema,
  CreateCourseInputSchema,
  CreateSessionInputSchema,
  ListNominationsInputSchema,
  ListSessionsInputSchema,
  MarkAttendanceBulkInputSchema,
  MarkAttendanceInputSchema,
  NominateInputSchema,
  NominationNoteInputSchema,
  NominationOutputSchema,
  NominationWithHistoryOutputSchema,
  SessionOutputSchema,
  SessionWithNominationsOutputSchema,
  UpdateCourseInputSchema,
  UpdateSessionInputSchema,
} from "./training-schemas";

const readProcedure = permittedProcedure("readTraining");
const setUpProcedure = permittedProcedure("manageStaff");
const nominateProcedure = permittedProcedure("nominate");
const cancelProcedure = permittedProcedure("cancelNomination");
const manageProcedure = permittedProcedure("manageTraining");

const ById = z.object({ id: IdSchema });

export const trainingRouter = {
  courses: {
    list: readProcedure
      .output(z.array(CourseOutputSchema))
      .query(({ ctx }) => listCourses(scopeOf(ctx))),

    create: setUpProcedure
      .input(CreateCourseInputSchema)
      .output(CourseOutputSchema)
      .mutation(({ ctx, input }) => createCourse(scopeOf(ctx), input)),

    update: setUpProcedure
      .input(UpdateCourseInputSchema)
      .output(CourseOutputSchema)
      .mutation(({ ctx, input }) => updateCourse(scopeOf(ctx), input)),
  },

  sessions: {
    list: readProcedure
      .input(ListSessionsInputSchema)
      .output(pageSchema(SessionOutputSchema))
      .query(({ ctx, input }) => listSessions(scopeOf(ctx), input)),

    get: readProcedure
      .input(ById)
      .output(SessionWithNominationsOutputSchema)
      .query(({ ctx, input }) => getSession(scopeOf(ctx), input.id)),

    create: setUpProcedure
      .input(CreateSessionInputSchema)
      .output(SessionOutputSchema)
      .mutation(({ ctx, input }) => createSession(scopeOf(ctx), input)),

    update: setUpProcedure
      .input(UpdateSessionInputSchema)
      .output(SessionOutputSchema)
      .mutation(({ ctx, input }) => updateSession(scopeOf(ctx), input)),
  },

  nominations: {
    list: readProcedure
      .input(ListNominationsInputSchema)
      .output(pageSchema(NominationOutputSchema))
      .query(({ ctx, input }) => listNominations(scopeOf(ctx), input)),

    get: readProcedure
      .input(ById)
      .output(NominationWithHistoryOutputSchema)
      .query(({ ctx, input }) => getNomination(scopeOf(ctx), input.id)),

    create: nominateProcedure
      .input(NominateInputSchema)
      .output(z.array(NominationOutputSchema))
      .mutation(({ ctx, input }) => nominate(scopeOf(ctx), input)),

    approve: manageProcedure
      .input(NominationNoteInputSchema)
      .output(NominationOutputSchema)
      .mutation(({ ctx, input }) => approveNomination(scopeOf(ctx), input)),

    decline: manageProcedure
      .input(NominationNoteInputSchema)
      .output(NominationOutputSchema)
      .mutation(({ ctx, input }) => declineNomination(scopeOf(ctx), input)),

    book: manageProcedure
      .input(NominationNoteInputSchema)
      .output(NominationOutputSchema)
      .mutation(({ ctx, input }) => bookNomination(scopeOf(ctx), input)),

    cancel: cancelProcedure
      .input(NominationNoteInputSchema)
      .output(CancelOutputSchema)
      .mutation(({ ctx, input }) => cancelNomination(scopeOf(ctx), input)),

    importCsv: manageProcedure
      .input(ImportInputSchema)
      .output(ImportResultSchema)
      .mutation(({ ctx, input }) => importNominationsCsv(scopeOf(ctx), input)),
  },

  attendance: {
    mark: manageProcedure
      .input(MarkAttendanceInputSchema)
      .output(NominationOutputSchema)
      .mutation(({ ctx, input }) => markAttendance(scopeOf(ctx), input)),

    markMany: manageProcedure
      .input(MarkAttendanceBulkInputSchema)
      .output(z.object({ updated: z.int(), unchanged: z.int() }))
      .mutation(({ ctx, input }) => markAttendanceBulk(scopeOf(ctx), input)),

    importCsv: manageProcedure
      .input(ImportInputSchema)
      .output(ImportResultSchema)
      .mutation(({ ctx, input }) => importAttendanceCsv(scopeOf(ctx), input)),
  },
} satisfies TRPCRouterRecord;
