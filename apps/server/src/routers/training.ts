import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { runImportFor } from "../services/imports/import-runner";
import { scopeOf } from "../services/scope";
import { applyToMany } from "../services/training/apply-many";
import { cancelSession } from "../services/training/cancel-session";
import { closeSession } from "../services/training/close-session";
import {
  createCourse,
  listCourses,
  setCourseArchived,
  updateCourse,
} from "../services/training/courses";
import { getNomination } from "../services/training/get-nomination";
import { getSession } from "../services/training/get-session";
import { listNominations } from "../services/training/list-nominations";
import { listSessions } from "../services/training/list-sessions";
import { markAttendance, markAttendanceBulk } from "../services/training/mark-attendance";
import { moveSession } from "../services/training/move-session";
import { nominate } from "../services/training/nominate";
import {
  approveNomination,
  bookNomination,
  cancelNomination,
  declineNomination,
} from "../services/training/nomination-actions";
import { sessionCandidates } from "../services/training/session-candidates";
import { createSession, updateSession } from "../services/training/save-session";
import { substitute } from "../services/training/substitute";
import { undoLastAttendance } from "../services/training/undo-attendance";
import { addUnscheduledAttendee } from "../services/training/unscheduled-attendee";
import { procedureFor } from "../trpc";

const { courses, sessions, nominations, attendance } = contract.training;

export const trainingRouter = {
  courses: {
    list: procedureFor(courses.list, ({ ctx }) => listCourses(scopeOf(ctx))),
    create: procedureFor(courses.create, ({ ctx, input }) => createCourse(scopeOf(ctx), input)),
    update: procedureFor(courses.update, ({ ctx, input }) => updateCourse(scopeOf(ctx), input)),
    archive: procedureFor(courses.archive, ({ ctx, input }) =>
      setCourseArchived(scopeOf(ctx), { id: input.id, archived: true }),
    ),
    unarchive: procedureFor(courses.unarchive, ({ ctx, input }) =>
      setCourseArchived(scopeOf(ctx), { id: input.id, archived: false }),
    ),
  },

  sessions: {
    list: procedureFor(sessions.list, ({ ctx, input }) => listSessions(scopeOf(ctx), input)),
    get: procedureFor(sessions.get, ({ ctx, input }) => getSession(scopeOf(ctx), input.id)),
    candidates: procedureFor(sessions.candidates, ({ ctx, input }) =>
      sessionCandidates(scopeOf(ctx), input),
    ),
    create: procedureFor(sessions.create, ({ ctx, input }) => createSession(scopeOf(ctx), input)),
    update: procedureFor(sessions.update, ({ ctx, input }) => updateSession(scopeOf(ctx), input)),
    cancel: procedureFor(sessions.cancel, ({ ctx, input }) => cancelSession(scopeOf(ctx), input)),
    move: procedureFor(sessions.move, ({ ctx, input }) => moveSession(scopeOf(ctx), input)),
    close: procedureFor(sessions.close, ({ ctx, input }) => closeSession(scopeOf(ctx), input)),
  },

  nominations: {
    list: procedureFor(nominations.list, ({ ctx, input }) => listNominations(scopeOf(ctx), input)),
    get: procedureFor(nominations.get, ({ ctx, input }) => getNomination(scopeOf(ctx), input.id)),
    create: procedureFor(nominations.create, ({ ctx, input }) => nominate(scopeOf(ctx), input)),
    approve: procedureFor(nominations.approve, ({ ctx, input }) =>
      approveNomination(scopeOf(ctx), input),
    ),
    decline: procedureFor(nominations.decline, ({ ctx, input }) =>
      declineNomination(scopeOf(ctx), input),
    ),
    book: procedureFor(nominations.book, ({ ctx, input }) => bookNomination(scopeOf(ctx), input)),
    cancel: procedureFor(nominations.cancel, ({ ctx, input }) =>
      cancelNomination(scopeOf(ctx), input),
    ),
    applyMany: procedureFor(nominations.applyMany, ({ ctx, input }) =>
      applyToMany(scopeOf(ctx), input),
    ),
    cancelMany: procedureFor(nominations.cancelMany, ({ ctx, input }) =>
      applyToMany(scopeOf(ctx), { ...input, action: "cancel" }),
    ),
    substitute: procedureFor(nominations.substitute, ({ ctx, input }) =>
      substitute(scopeOf(ctx), input),
    ),
    importCsv: procedureFor(nominations.importCsv, ({ ctx, input }) =>
      runImportFor(ctx, "nominations", input),
    ),
  },

  attendance: {
    mark: procedureFor(attendance.mark, ({ ctx, input }) => markAttendance(scopeOf(ctx), input)),
    markMany: procedureFor(attendance.markMany, ({ ctx, input }) =>
      markAttendanceBulk(scopeOf(ctx), input),
    ),
    importCsv: procedureFor(attendance.importCsv, ({ ctx, input }) =>
      runImportFor(ctx, "attendance", input),
    ),
    undo: procedureFor(attendance.undo, ({ ctx, input }) => ({
      undone: undoLastAttendance(scopeOf(ctx), input),
    })),
    addUnscheduled: procedureFor(attendance.addUnscheduled, ({ ctx, input }) =>
      addUnscheduledAttendee(scopeOf(ctx), input),
    ),
  },
} satisfies TRPCRouterRecord;
