import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatDate, formatTime, plural } from "@dapkit/schemas";

import { ButtonGroup, ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { DownloadLink } from "../../components/download-link";
import { FlashBanner } from "../../components/flash-banner";
import { Pagination } from "../../components/pagination";
import { QueryState } from "../../components/query-state";
import { PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { useFilters } from "../../lib/search-params";
import { trpc, type Outputs } from "../../trpc";

type Session = Outputs["training"]["sessions"]["list"]["items"][number];

const PAGE_SIZE = 25;

export function SessionsPage() {
  usePageTitle("Training sessions");
  const user = useCurrentUser();
  const filters = useFilters(["course"] as const);
  const courses = useQuery(trpc.training.courses.list.queryOptions());
  const course = filters.values.course;
  const query = useQuery({
    ...trpc.training.sessions.list.queryOptions({
      page: filters.page,
      ...filters.position,
      pageSize: PAGE_SIZE,
      ...(course === "" ? {} : { courseId: course }),
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <FlashBanner />
      <PageHeading caption="Training">Training sessions</PageHeading>
      <ButtonGroup>
        {can(user, "manageStaff") ? (
          <ButtonLink to="/training/sessions/new">Add a session</ButtonLink>
        ) : null}
        <ButtonLink to="/training/courses" variant="secondary">
          Courses
        </ButtonLink>
      </ButtonGroup>
      <DownloadLink name="nominations" description="every nomination, all sessions" />
      {courses.data === undefined || courses.data.length < 2 ? null : (
        <nav aria-label="Sessions by course" className="govuk-!-margin-bottom-6">
          <ul className="govuk-list govuk-list--inline app-course-filter">
            <li>
              {course === "" ? (
                <strong>All courses</strong>
              ) : (
                <Link className="govuk-link" to="?">
                  All courses
                </Link>
              )}
            </li>
            {courses.data.map((item) => (
              <li key={item.id}>
                {item.id === course ? (
                  <strong>{item.title}</strong>
                ) : (
                  <Link className="govuk-link" to={`?course=${encodeURIComponent(item.id)}`}>
                    {item.title}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
      <QueryState query={query} what="sessions">
        {(result) => (
          <>
            <DataTable<Session>
              caption={`${plural(result.total, "session")}`}
              rows={result.items}
              rowKey={(row) => row.id}
              exportName="sessions"
              empty="There are no sessions yet."
              columns={[
                {
                  header: "Session",
                  rowHeader: true,
                  cell: (row) => (
                    <Link className="govuk-link" to={`/training/sessions/${row.id}`}>
                      {row.courseTitle}
                      <span className="govuk-visually-hidden"> on {formatDate(row.startsAt)}</span>
                    </Link>
                  ),
                },
                {
                  header: "Date",
                  cell: (row) => (
                    <>
                      {formatDate(row.startsAt)}
                      <br />
                      <span className="govuk-body-s">
                        {formatTime(row.startsAt)} to {formatTime(row.endsAt)}
                      </span>
                    </>
                  ),
                },
                { header: "Location", cell: (row) => row.location },
                {
                  header: "Booked",
                  numeric: true,
                  cell: (row) => `${row.booked} of ${row.capacity}`,
                },
                { header: "Places left", numeric: true, cell: (row) => row.placesLeft },
                { header: "Waiting list", numeric: true, cell: (row) => row.waitlisted },
              ]}
            />
            <Pagination
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              hrefFor={filters.hrefFor}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
