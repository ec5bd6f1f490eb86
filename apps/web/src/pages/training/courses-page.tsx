import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatDate } from "@dapkit/schemas";

import { ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Course = Outputs["training"]["courses"]["list"][number];

/**
 * Archives a course (no new sessions; its sessions and history stay) or brings it back. Neither
 * loses anything, so neither asks for confirmation.
 */
function ArchiveButton({ course }: { course: Course }) {
  const options = {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() }),
  };
  const archive = useMutation(trpc.training.courses.archive.mutationOptions(options));
  const unarchive = useMutation(trpc.training.courses.unarchive.mutationOptions(options));
  const archived = course.archivedAt != null;
  const run = archived ? unarchive : archive;
  return (
    <button
      type="button"
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
      disabled={run.isPending}
      onClick={() => run.mutate({ id: course.id })}
    >
      {archived ? "Bring back" : "Archive"}
      <span className="govuk-visually-hidden"> {course.title}</span>
    </button>
  );
}

export function CoursesPage() {
  usePageTitle("Courses");
  const user = useCurrentUser();
  const manage = can(user, "manageStaff");
  const query = useQuery(trpc.training.courses.list.queryOptions());
  return (
    <>
      <BackLink to="/training">Back to training sessions</BackLink>
      <FlashBanner />
      <PageHeading caption="Training">Courses</PageHeading>
      {manage ? <ButtonLink to="/training/courses/new">Add a course</ButtonLink> : null}
      <QueryState query={query} what="courses">
        {(courses) => (
          <DataTable<Course>
            caption="Courses"
            captionSize="visually-hidden"
            rows={courses}
            rowKey={(row) => row.id}
            exportName="courses"
            empty="No courses have been added yet."
            columns={[
              {
                header: "Course",
                rowHeader: true,
                cell: (row) => (
                  <Link
                    className="govuk-link"
                    to={`/training?course=${encodeURIComponent(row.id)}`}
                  >
                    {row.title}
                  </Link>
                ),
              },
              { header: "Level", numeric: true, cell: (row) => row.level },
              {
                header: "Refresher",
                cell: (row) =>
                  row.refresherIntervalMonths == null
                    ? "Not needed"
                    : `Every ${row.refresherIntervalMonths} months`,
              },
              {
                header: "Offered",
                cell: (row) =>
                  row.archivedAt == null ? "Yes" : `No: archived on ${formatDate(row.archivedAt)}`,
              },
              ...(manage
                ? [
                    {
                      header: <span className="govuk-visually-hidden">Actions</span>,
                      notExported: true,
                      cell: (row: Course) => (
                        <ul className="govuk-list">
                          <li>
                            <Link className="govuk-link" to={`/training/courses/${row.id}/edit`}>
                              Change<span className="govuk-visually-hidden"> {row.title}</span>
                            </Link>
                          </li>
                          <li>
                            <ArchiveButton course={row} />
                          </li>
                        </ul>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
