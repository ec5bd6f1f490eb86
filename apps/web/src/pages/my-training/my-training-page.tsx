import { useQuery } from "@tanstack/react-query";

import { formatDate } from "@dapkit/schemas";

import { ButtonGroup, ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { InsetText, PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc, type Outputs } from "../../trpc";
import { EvaluationsToComplete } from "../evaluation/evaluations-to-complete";
import { RefreshersTable } from "../staff/refreshers-table";
import { sessionWhen } from "./session-when";

type MyTraining = Outputs["myTraining"]["overview"];
type Entry = MyTraining["upcoming"][number];

const nominationColumns = [
  { header: "Course", rowHeader: true, cell: (row: Entry) => row.courseTitle },
  { header: "When", cell: (row: Entry) => sessionWhen(row) },
  { header: "Where", cell: (row: Entry) => row.location },
  {
    header: "Status",
    cell: (row: Entry) => (
      <>
        <StatusTag status={row.state} />
        {row.selfRequested ? <span className="govuk-body-s"> (you asked)</span> : null}
      </>
    ),
  },
];

// Upcoming and past nominations are shown alike, each with its status.
function Nominations({
  caption,
  rows,
  empty,
}: {
  caption: string;
  rows: readonly Entry[];
  empty: string;
}) {
  return (
    <DataTable
      caption={caption}
      captionSize="m"
      rows={rows}
      rowKey={(row) => row.nominationId}
      empty={empty}
      downloadable={false}
      columns={nominationColumns}
    />
  );
}

function NotLinked() {
  return (
    <InsetText>
      Your account is not linked to your staff record, so there is no training to show and you
      cannot ask for a place yet. Ask an administrator to link your account to your staff record on
      the users page.
    </InsetText>
  );
}

function Training({ mine }: { mine: MyTraining }) {
  return (
    <>
      <EvaluationsToComplete />
      <Nominations
        caption="Upcoming"
        rows={mine.upcoming}
        empty="No upcoming training. Ask for a place on a session."
      />
      <RefreshersTable
        refreshers={mine.refreshers}
        captionSize="m"
        empty="No completed course of yours has a refresher."
      />
      <DataTable
        caption="Certificates"
        captionSize="m"
        rows={mine.certificates}
        rowKey={(row) => row.nominationId}
        empty="A certificate is given for each session you fully attend."
        downloadable={false}
        columns={[
          { header: "Course", rowHeader: true, cell: (row) => row.courseTitle },
          { header: "Date", cell: (row) => formatDate(row.startsAt) },
          {
            header: "Certificate",
            cell: (row) => (
              <a
                className="govuk-link"
                href={`/api/nominations/${row.nominationId}/certificate.pdf`}
                download
              >
                Download certificate (PDF)
                <span className="govuk-visually-hidden"> for {row.courseTitle}</span>
              </a>
            ),
          },
        ]}
      />
      <Nominations caption="History" rows={mine.history} empty="Nothing yet." />
    </>
  );
}

/** The signed-in person's own training, and where to ask for more. */
export function MyTrainingPage() {
  usePageTitle("My training");
  const user = useCurrentUser();
  const query = useQuery(trpc.myTraining.overview.queryOptions());
  return (
    <>
      <FlashBanner />
      <PageHeading caption={user.name}>My training</PageHeading>
      <QueryState query={query} what="your training">
        {(mine) =>
          mine.staff == null ? (
            <NotLinked />
          ) : (
            <>
              <p className="govuk-body">
                {mine.staff.jobTitle}, {mine.staff.departmentName}. Your line manager
                {mine.staff.managerName == null
                  ? " is not recorded, so nobody can approve your requests yet: ask HR to record them."
                  : ` is ${mine.staff.managerName}, who approves or declines your requests; HR then books your place.`}
              </p>
              <ButtonGroup>
                <ButtonLink to="/my-training/sessions">Ask for a place on a session</ButtonLink>
                {can(user, "decideTrainingRequests") ? (
                  <ButtonLink to="/my-training/team-requests" variant="secondary">
                    Your team&apos;s requests
                  </ButtonLink>
                ) : null}
              </ButtonGroup>
              <Training mine={mine} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
