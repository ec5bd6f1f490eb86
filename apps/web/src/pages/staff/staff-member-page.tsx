import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { formatDate } from "@dapkit/schemas";

import { ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { StatusTag } from "../../components/tag";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { MessagesSection } from "../messages/messages-section";
import { trpc } from "../../trpc";
import { RefreshersTable } from "./refreshers-table";

export function StaffMemberPage() {
  const user = useCurrentUser();
  const { staffId = "" } = useParams();
  const query = useQuery(trpc.staff.get.queryOptions({ id: staffId }));
  usePageTitle(query.data?.name ?? "Staff member");
  return (
    <>
      <BackLink to="/staff">Back to staff</BackLink>
      <FlashBanner />
      <QueryState query={query} what="staff record">
        {(person) => (
          <>
            <PageHeading caption="Staff member">{person.name}</PageHeading>
            {can(user, "manageStaff") ? (
              <ButtonLink to={`/staff/${person.id}/edit`} variant="secondary">
                Change this record
              </ButtonLink>
            ) : null}
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <SummaryList
                  rows={[
                    { key: "Employee number", value: person.employeeNumber },
                    { key: "Job title", value: person.jobTitle },
                    { key: "Department", value: person.departmentName },
                    { key: "Manager", value: person.managerName ?? "None" },
                    ...(user.runsAsPartnership
                      ? [{ key: "Agency", value: person.agencyName ?? "None" }]
                      : []),
                    { key: "Email", value: person.email ?? "Not recorded" },
                    {
                      key: "Start date",
                      value:
                        person.startDate == null ? "Not recorded" : formatDate(person.startDate),
                    },
                    {
                      key: "Leaving date",
                      value: person.leavingDate == null ? "None" : formatDate(person.leavingDate),
                    },
                    {
                      key: "Status",
                      value: (
                        <StatusTag
                          status={person.active ? "active" : "inactive"}
                          text={person.active ? "Current" : "Left"}
                        />
                      ),
                    },
                  ]}
                />
              </div>
            </div>
            <h2 className="govuk-heading-m">Training record</h2>
            <DataTable
              caption="Completed courses"
              captionSize="s"
              rows={person.completions}
              rowKey={(row) => row.courseId}
              empty="No courses completed yet."
              columns={[
                { header: "Course", rowHeader: true, cell: (row) => row.courseTitle },
                { header: "Completed", cell: (row) => formatDate(row.completedOn) },
              ]}
            />
            <RefreshersTable
              refreshers={person.refreshers}
              captionSize="s"
              empty="No completed course has a refresher."
            />
            <DataTable
              caption="Nominations"
              captionSize="s"
              rows={person.nominations}
              rowKey={(row) => row.nominationId}
              empty="Not nominated for any session yet."
              columns={[
                {
                  header: "Course",
                  rowHeader: true,
                  cell: (row) => (
                    <Link className="govuk-link" to={`/training/sessions/${row.sessionId}`}>
                      {row.courseTitle}
                    </Link>
                  ),
                },
                { header: "Session date", cell: (row) => formatDate(row.startsAt) },
                { header: "Status", cell: (row) => <StatusTag status={row.state} /> },
                {
                  header: "History",
                  cell: (row) => (
                    <Link className="govuk-link" to={`/training/nominations/${row.nominationId}`}>
                      View history
                      <span className="govuk-visually-hidden"> of {row.courseTitle}</span>
                    </Link>
                  ),
                },
              ]}
            />
            <MessagesSection staffId={person.id} />
          </>
        )}
      </QueryState>
    </>
  );
}
