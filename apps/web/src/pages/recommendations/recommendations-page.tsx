import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatDate } from "@dapkit/schemas";

import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { usePageTitle } from "../../lib/page-title";
import { trpc, type Outputs } from "../../trpc";

type Recommendation = Outputs["recommendations"]["list"][number];

export function RecommendationsPage() {
  usePageTitle("Recommendations");
  const list = useQuery(trpc.recommendations.list.queryOptions());
  return (
    <>
      <FlashBanner />
      <PageHeading caption="Partnership reviews">Recommendations</PageHeading>
      <p className="govuk-body-l">
        What reviews asked the partnership to do, who owns each recommendation and how far it has
        got.
      </p>
      <QueryState query={list} what="recommendations">
        {(recommendations) => (
          <DataTable<Recommendation>
            caption={`${recommendations.length} recommendations`}
            rows={recommendations}
            rowKey={(row) => row.id}
            exportName="recommendations"
            empty="No recommendations have been added yet."
            columns={[
              { header: "Ref", cell: (row) => row.reference, rowHeader: true },
              {
                header: "Recommendation",
                cell: (row) => (
                  <Link className="govuk-link" to={`/recommendations/${row.id}`}>
                    {row.title}
                  </Link>
                ),
              },
              { header: "Owner", cell: (row) => row.owner },
              { header: "Status", cell: (row) => <StatusTag status={row.status} /> },
              {
                header: "Last update",
                cell: (row) =>
                  row.latestUpdate == null ? "None yet" : formatDate(row.latestUpdate.date),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
