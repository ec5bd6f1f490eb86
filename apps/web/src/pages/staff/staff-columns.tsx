import { Link } from "react-router";

import type { Column } from "../../components/data-table";

// The first column of a table of people: each name links to that person's staff record.
function nameColumn<T>(staffId: (row: T) => string, name: (row: T) => string): Column<T> {
  return {
    header: "Name",
    rowHeader: true,
    cell: (row) => (
      <Link className="govuk-link" to={`/staff/${staffId(row)}`}>
        {name(row)}
      </Link>
    ),
  };
}

/** The name column of a list of staff records. */
export function staffNameColumn<T extends { id: string; name: string }>(): Column<T> {
  return nameColumn(
    (row) => row.id,
    (row) => row.name,
  );
}

/** Where a person works: their job title, department and line manager. */
export function staffRoleColumns<
  T extends { jobTitle: string; departmentName: string; managerName: string | null },
>(): Column<T>[] {
  return [
    { header: "Job title", cell: (row) => row.jobTitle },
    { header: "Department", cell: (row) => row.departmentName },
    { header: "Manager", cell: (row) => row.managerName ?? "None" },
  ];
}

/** Whose refresher of which course: the person, their department and the course. */
export function refresherColumns<
  T extends { staffId: string; staffName: string; departmentName: string; courseTitle: string },
>(): Column<T>[] {
  return [
    nameColumn<T>(
      (row) => row.staffId,
      (row) => row.staffName,
    ),
    { header: "Department", cell: (row) => row.departmentName },
    { header: "Course", cell: (row) => row.courseTitle },
  ];
}
