import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { RECOMMENDATION_TEMPLATES } from "@dapkit/contract";
import { RAG_RATING_LABELS, formatDate } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { NotificationBanner } from "../../components/notification-banner";
import { useCurrentUser } from "../../lib/current-user";
import { can } from "../../lib/permissions";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient } from "../../trpc";

import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { usePageTitle } from "../../lib/page-title";
import { trpc, type Outputs } from "../../trpc";

type Recommendation = Outputs["recommendations"]["list"][number];

const TEMPLATE_LABELS = { template: "Template" };

/** One click adds the Oxfordshire review's nine recommendations; refused if any number exists. */
function StartFromTemplate() {
  const errors = useFormErrors(TEMPLATE_LABELS);
  const start = useMutation(
    trpc.recommendations.startFromTemplate.mutationOptions({
      onSuccess: async () => {
        errors.clear();
        await queryClient.invalidateQueries({ queryKey: trpc.recommendations.pathKey() });
      },
      onError: errors.fromServer,
    }),
  );
  return (
    <>
      {start.data === undefined ? null : (
        <NotificationBanner kind="success">
          {start.data.created} recommendations added from the {start.data.source}
        </NotificationBanner>
      )}
      <ErrorSummary errors={errors.errors} />
      <p className="govuk-body">
        Tracking the {RECOMMENDATION_TEMPLATES["oxfordshire-2017"]}? Start from its nine
        recommendations and record your own progress against them.
      </p>
      <Button
        type="button"
        variant="secondary"
        id="template"
        busy={start.isPending}
        onClick={() => start.mutate({ template: "oxfordshire-2017" })}
      >
        Start from the Oxfordshire review template
      </Button>
    </>
  );
}

export function RecommendationsPage() {
  usePageTitle("Recommendations");
  const list = useQuery(trpc.recommendations.list.queryOptions());
  const manage = can(useCurrentUser(), "manageRecommendations");
  return (
    <>
      <FlashBanner />
      <PageHeading caption="Partnership reviews">Recommendations</PageHeading>
      <p className="govuk-body-l">
        What reviews asked the partnership to do, who owns each recommendation and how far it has
        got.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/recommendations/committee-papers">
          Committee papers
        </Link>{" "}
        report this progress, with live training and accreditation figures, to a committee or board.
      </p>
      {manage ? (
        <Link className="govuk-button" to="/recommendations/new">
          Add a recommendation
        </Link>
      ) : null}
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
                header: "RAG",
                cell: (row) =>
                  row.rag == null ? (
                    "Not rated"
                  ) : (
                    <StatusTag status={row.rag} text={RAG_RATING_LABELS[row.rag]} />
                  ),
              },
              {
                header: "Target",
                cell: (row) => (row.targetDate == null ? "None" : formatDate(row.targetDate)),
              },
              {
                header: "Last update",
                cell: (row) =>
                  row.latestUpdate == null ? "None yet" : formatDate(row.latestUpdate.date),
              },
            ]}
          />
        )}
      </QueryState>
      {manage ? <StartFromTemplate /> : null}
    </>
  );
}
