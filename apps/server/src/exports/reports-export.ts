import { ratePercent, REFRESHER_STATUS_LABELS } from "@dapkit/training";

import {
  allPages,
  sheet,
  type Caller,
  type Column,
  type ExportDefinition,
  type SheetDeclaration,
} from "./define-export";

type Uptake = Awaited<ReturnType<Caller["reports"]["uptake"]>>;
type Funnel = Uptake["overall"];
type NamedFunnel = Uptake["byDepartment"][number];

const funnelColumns: readonly Column<Funnel>[] = [
  { header: "Nominated", value: (funnel) => funnel.nominated },
  { header: "Booked", value: (funnel) => funnel.booked },
  { header: "Attended", value: (funnel) => funnel.attended },
  { header: "Fully attended", value: (funnel) => funnel.fullyAttended },
  { header: "Partially attended", value: (funnel) => funnel.partiallyAttended },
  { header: "No show", value: (funnel) => funnel.noShow },
  { header: "Unable to attend", value: (funnel) => funnel.unableToAttend },
  { header: "Cancelled", value: (funnel) => funnel.cancelled },
  { header: "Declined", value: (funnel) => funnel.declined },
  { header: "Waiting list", value: (funnel) => funnel.waitlisted },
  // The percentage the dashboard shows (rounded as it rounds), as a fraction in a percentage cell.
  {
    header: "Attendance rate",
    value: (funnel) => ratePercent(funnel.attendanceRate) / 100,
    format: "percent",
  },
];

function uptakeBy(title: string, heading: string, rows: SheetDeclaration<NamedFunnel>["rows"]) {
  return sheet({
    title,
    rows,
    columns: [{ header: heading, value: (row) => row.name }, ...funnelColumns],
  });
}

/** The training reports as one workbook, a sheet each (so XLSX only). */
export const reportsExport: ExportDefinition = {
  name: "reports",
  title: "Training reports",
  sheets: [
    sheet({
      title: "Uptake",
      rows: async (caller) => [(await caller.reports.uptake()).overall],
      columns: funnelColumns,
    }),
    uptakeBy(
      "Uptake by department",
      "Department",
      async (caller) => (await caller.reports.uptake()).byDepartment,
    ),
    uptakeBy("Uptake by manager", "Manager", (caller) =>
      allPages((page) => caller.reports.uptakeByManager(page)),
    ),
    sheet({
      title: "Refreshers due",
      rows: (caller) => allPages((page) => caller.reports.refreshersDue(page)),
      columns: [
        { header: "Employee number", value: (due) => due.employeeNumber },
        { header: "Name", value: (due) => due.staffName },
        { header: "Department", value: (due) => due.departmentName },
        { header: "Course", value: (due) => due.courseTitle },
        { header: "Last completed", value: (due) => due.lastCompletedOn, format: "date" },
        { header: "Due", value: (due) => due.dueOn, format: "date" },
        { header: "Status", value: (due) => REFRESHER_STATUS_LABELS[due.status] },
        { header: "Days until due", value: (due) => due.daysUntilDue },
      ],
    }),
    sheet({
      title: "Never trained",
      rows: (caller) => allPages((page) => caller.reports.neverTrained(page)),
      columns: [
        { header: "Employee number", value: (person) => person.employeeNumber },
        { header: "Name", value: (person) => person.name },
        { header: "Job title", value: (person) => person.jobTitle },
        { header: "Department", value: (person) => person.departmentName },
        { header: "Manager", value: (person) => person.managerName },
      ],
    }),
  ],
};
