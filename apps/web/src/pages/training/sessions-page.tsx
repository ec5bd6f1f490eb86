import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate, formatTime, plural } from "@dapkit/schemas";

import { Button, ButtonGroup, ButtonLink } from "../../components/button";
import { DateInput } from "../../components/date-input";
import { ErrorSummary } from "../../components/error-summary";
import { DataTable } from "../../components/data-table";
import { DownloadLink } from "../../components/download-link";
import { FlashBanner } from "../../components/flash-banner";
import { ResultPagination } from "../../components/result-pagination";
import { QueryState } from "../../components/query-state";
import { PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { optionalIsoFromParts, partsFromIso } from "../../lib/date-parts";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { useFilters } from "../../lib/search-params";
import { useForm } from "../../lib/use-form";
import { trpc, type Outputs } from "../../trpc";

type Session = Outputs["training"]["sessions"]["list"]["items"][number];

const PAGE_SIZE = 25;

// Sessions are soonest first; a date goes straight to those from that day, then Next and Previous
// carry on from there.
function GoToDate({ from, apply }: { from: string; apply: (from: string) => void }) {
  const form = useForm({ from: partsFromIso(from) }, { from: "Sessions from" });
  usePageTitle("Training sessions", { error: form.invalid });
  function submit(event: FormEvent) {
    event.preventDefault();
    const date = optionalIsoFromParts(form.values.from, "Sessions from");
    const ok = form.validate(contract.training.sessions.list.input, {}, [
      "error" in date ? { field: "from", message: date.error } : null,
    ]);
    if (ok && "iso" in date) apply(date.iso);
  }
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate className="app-filters" aria-label="Go to a date">
        <DateInput
          legend="Sessions from"
          hint="For example, 1 4 2026. Leave empty for every date."
          {...form.date("from")}
        />
        <Button variant="secondary">Go to date</Button>
      </form>
    </>
  );
}

export function SessionsPage() {
  const user = useCurrentUser();
  const filters = useFilters(["course", "from"] as const);
  const courses = useQuery(trpc.training.courses.list.queryOptions());
  const course = filters.values.course;
  const query = useQuery({
    ...trpc.training.sessions.list.queryOptions({
      page: filters.page,
      ...filters.position,
      pageSize: PAGE_SIZE,
      ...(course === "" ? {} : { courseId: course }),
      ...(filters.values.from === "" ? {} : { from: filters.values.from }),
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
      <GoToDate
        key={filters.values.from}
        from={filters.values.from}
        apply={(from) => filters.set({ from })}
      />
      <QueryState query={query} what="sessions">
        {(result) => (
          <>
            <DataTable<Session>
              caption={`${plural(result.total, "session")}`}
              rows={result.items}
              rowKey={(row) => row.id}
              exportName="sessions"
              empty={
                filters.values.from === ""
                  ? "There are no sessions yet."
                  : "There are no sessions on or after this date."
              }
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
            <ResultPagination result={result} hrefFor={filters.hrefFor} />
          </>
        )}
      </QueryState>
    </>
  );
}
