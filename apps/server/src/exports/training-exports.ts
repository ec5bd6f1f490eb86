import { allPages, defineExport, type Caller, type Column } from "./define-export";

type StaffRow = Awaited<ReturnType<Caller["staff"]["list"]>>["items"][number];

/** The columns of a list of staff (the staff export, and the never-trained report). */
export const staffColumns: readonly Column<StaffRow>[] = [
  { header: "Employee number", value: (person) => person.employeeNumber },
  { header: "Name", value: (person) => person.name },
  { header: "Email", value: (person) => person.email },
  { header: "Job title", value: (person) => person.jobTitle },
  { header: "Department", value: (person) => person.departmentName },
  { header: "Manager", value: (person) => person.managerName },
  { header: "Active", value: (person) => person.active },
  { header: "Updated", value: (person) => person.updatedAt },
];

export const staffExport = defineExport({
  name: "staff",
  title: "Staff",
  rows: (caller) => allPages((page) => caller.staff.list(page)),
  columns: staffColumns,
});

export const nominationsExport = defineExport({
  name: "nominations",
  title: "Nominations",
  rows: (caller) => allPages((page) => caller.training.nominations.list(page)),
  columns: [
    { header: "Employee number", value: (nomination) => nomination.employeeNumber },
    { header: "Name", value: (nomination) => nomination.staffName },
    { header: "Department", value: (nomination) => nomination.departmentName },
    { header: "Course", value: (nomination) => nomination.courseTitle },
    { header: "Session starts", value: (nomination) => nomination.startsAt },
    { header: "State", value: (nomination) => nomination.state },
    { header: "Mandatory", value: (nomination) => nomination.mandatory },
    { header: "Reason", value: (nomination) => nomination.reason },
    { header: "Nominated by", value: (nomination) => nomination.nominatedBy },
    { header: "Nominated", value: (nomination) => nomination.createdAt },
    { header: "State changed", value: (nomination) => nomination.stateChangedAt },
  ],
});

export const sessionsExport = defineExport({
  name: "sessions",
  title: "Training sessions",
  rows: (caller) => allPages((page) => caller.training.sessions.list(page)),
  columns: [
    { header: "Course", value: (session) => session.courseTitle },
    { header: "Level", value: (session) => session.courseLevel },
    { header: "Starts", value: (session) => session.startsAt },
    { header: "Ends", value: (session) => session.endsAt },
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
