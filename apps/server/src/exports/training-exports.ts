import { NOMINATION_STATE_LABELS } from "@dapkit/training";

import { allPages, defineExport, queryFilter } from "./define-export";

// A session page's download carries its session, so the file holds that session's nominations.
const NOMINATION_FILTERS = ["sessionId", "courseId", "departmentId", "staffId"] as const;

export const nominationsExport = defineExport({
  name: "nominations",
  title: "Nominations",
  rows: (caller, query) => {
    const filter = queryFilter(query, NOMINATION_FILTERS);
    return allPages((page) => caller.training.nominations.list({ ...filter, ...page }));
  },
  columns: [
    { header: "Employee number", value: (nomination) => nomination.employeeNumber },
    { header: "Name", value: (nomination) => nomination.staffName },
    { header: "Department", value: (nomination) => nomination.departmentName },
    { header: "Course", value: (nomination) => nomination.courseTitle },
    { header: "Session starts", value: (nomination) => nomination.startsAt, format: "dateTime" },
    { header: "Status", value: (nomination) => NOMINATION_STATE_LABELS[nomination.state] },
    { header: "Mandatory", value: (nomination) => nomination.mandatory },
    { header: "Reason", value: (nomination) => nomination.reason },
    { header: "Nominated by", value: (nomination) => nomination.nominatedBy },
    { header: "Nominated", value: (nomination) => nomination.createdAt, format: "dateTime" },
    {
      header: "Status changed",
      value: (nomination) => nomination.stateChangedAt,
      format: "dateTime",
    },
  ],
});

export const sessionsExport = defineExport({
  name: "sessions",
  title: "Training sessions",
  rows: (caller) => allPages((page) => caller.training.sessions.list(page)),
  columns: [
    { header: "Course", value: (session) => session.courseTitle },
    { header: "Level", value: (session) => session.courseLevel },
    { header: "Date", value: (session) => session.startsAt, format: "date" },
    { header: "Starts", value: (session) => session.startsAt, format: "time" },
    { header: "Ends", value: (session) => session.endsAt, format: "time" },
    { header: "Location", value: (session) => session.location },
    { header: "Trainer", value: (session) => session.trainer },
    { header: "Capacity", value: (session) => session.capacity },
    { header: "Booked", value: (session) => session.booked },
    { header: "Waiting list", value: (session) => session.waitlisted },
    { header: "Places left", value: (session) => session.placesLeft },
  ],
});

export const coursesExport = defineExport({
  name: "courses",
  title: "Courses",
  rows: (caller) => caller.training.courses.list(),
  columns: [
    { header: "Title", value: (course) => course.title },
    { header: "Level", value: (course) => course.level },
    { header: "Refresher every (months)", value: (course) => course.refresherIntervalMonths },
    { header: "Description", value: (course) => course.description },
  ],
});
