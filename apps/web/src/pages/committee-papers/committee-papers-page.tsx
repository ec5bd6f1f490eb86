import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatDate, formatDateTime } from "@dapkit/schemas";

import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc, type Outputs } from "../../trpc";

type Paper = Outputs["committeePapers"]["list"][number];

/** The committee papers drafted so far, the latest meeting first. */
export function CommitteePapersPage() {
  usePageTitle("Committee papers");
  const list = useQuery(trpc.committeePapers.list.queryOptions());
  const manage = can(useCurrentUser(), "manageRecommendations");
  return (
    <>
      <BackLink to="/recommendations">Back to recommendations</BackLink>
      <FlashBanner />
      <PageHeading caption="Recommendations">Committee papers</PageHeading>
      <p className="govuk-body-l">
        Reports to a scrutiny committee or board in the standard council format. You write the
        narrative; the figures come from the tracker when the paper is shown or downloaded, so they
        are always current.
      </p>
      {manage ? (
        <Link className="govuk-button" to="/recommendations/committee-papers/new">
          Draft a committee paper
        </Link>
      ) : null}
      <QueryState query={list} what="committee papers">
        {(papers) => (
          <DataTable<Paper>
            caption="Papers"
            rows={papers}
            rowKey={(paper) => paper.id}
            downloadable={false}
            empty="No committee papers have been drafted yet."
            columns={[
              {
                header: "Title",
                rowHeader: true,
                cell: (paper) => (
                  <Link className="govuk-link" to={`/recommendations/committee-papers/${paper.id}`}>
                    {paper.title}
                  </Link>
                ),
              },
              { header: "To", cell: (paper) => paper.committee },
              { header: "Meeting", cell: (paper) => formatDate(paper.meetingDate) },
              { header: "Report of", cell: (paper) => paper.reportOf },
              {
                header: "Last saved",
                cell: (paper) => `${formatDateTime(paper.updatedAt)} by ${paper.updatedByName}`,
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
