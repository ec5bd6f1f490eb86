import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatRate } from "@dapkit/training";
import { formatCount } from "@dapkit/schemas";

import { InlineBar } from "../../components/inline-bar";
import { QueryState } from "../../components/query-state";
import { DataTable } from "../../components/data-table";
import { exportUrl } from "../../components/download-link";
import { PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc, type Outputs } from "../../trpc";
import { ReadinessTable } from "../accreditation/readiness-table";
import { UptakeSummary } from "./uptake-summary";
import { URGENT_REFRESHERS, UrgentRefreshers } from "./urgent-refreshers";

type Department = Outputs["reports"]["uptake"]["byDepartment"][number];

function DepartmentUptake({ rows }: { rows: readonly Department[] }) {
  return (
    <DataTable<Department>
      caption="Uptake by department"
      rows={rows}
      rowKey={(row) => row.key ?? row.name}
      empty="No one has been nominated yet."
      columns={[
        { header: "Department", rowHeader: true, cell: (row) => row.name },
        { header: "Nominated", numeric: true, cell: (row) => formatCount(row.nominated) },
        { header: "Booked", numeric: true, cell: (row) => formatCount(row.booked) },
        { header: "Attended", numeric: true, cell: (row) => formatCount(row.attended) },
        {
          header: "Attendance rate",
          cell: (row) => (
            <span className="app-nowrap">
              <InlineBar rate={row.attendanceRate} />
              {formatRate(row.attendanceRate)}
            </span>
          ),
        },
      ]}
    />
  );
}

function Readiness() {
  const readiness = useQuery(trpc.evidence.readiness.queryOptions({}));
  return (
    <section aria-labelledby="readiness-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="readiness-heading">
        DAHA accreditation readiness
      </h2>
      <QueryState query={readiness} what="readiness">
        {(data) => <ReadinessTable readiness={data} caption="Readiness by priority area" />}
      </QueryState>
      <p className="govuk-body">
        <Link className="govuk-link" to="/accreditation">
          Go to the evidence library
        </Link>
      </p>
    </section>
  );
}

export function DashboardPage() {
  usePageTitle("Dashboard");
  const user = useCurrentUser();
  const uptake = useQuery(trpc.reports.uptake.queryOptions({}));
  const refreshers = useQuery(
    trpc.reports.refreshersDue.queryOptions({ pageSize: URGENT_REFRESHERS }),
  );
  // People who nominate but do not run training (managers) see only the staff they manage.
  const teamOnly = can(user, "nominate") && !can(user, "manageTraining");
  return (
    <>
      <PageHeading caption={teamOnly ? "Your team" : "Domestic abuse partnership"}>
        Dashboard
      </PageHeading>
      {teamOnly ? <p className="govuk-body-l">Training for the staff you manage.</p> : null}
      <p className="govuk-body">
        <a className="govuk-link" href={exportUrl("reports", "xlsx")} download>
          Download the training reports as an Excel workbook
        </a>
      </p>
      <QueryState query={uptake} what="training figures">
        {(report) => (
          <>
            <UptakeSummary figures={report.overall} />
            <DepartmentUptake rows={report.byDepartment} />
          </>
        )}
      </QueryState>
      <QueryState query={refreshers} what="refreshers">
        {(result) => <UrgentRefreshers result={result} />}
      </QueryState>
      {can(user, "readEvidence") ? <Readiness /> : null}
    </>
  );
}
