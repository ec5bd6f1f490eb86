import { useQuery } from "@tanstack/react-query";

import { formatDate } from "@dapkit/schemas";
import { formatRate } from "@dapkit/training";

import { QueryState } from "../../components/query-state";
import { BackLink, InsetText, PageHeading } from "../../components/small-parts";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { PackDownload } from "./pack-download";
import { DownloadLink } from "../../components/download-link";
import { ReadinessTaskList } from "./readiness-task-list";

export function ReadinessPage() {
  usePageTitle("Readiness for DAHA accreditation");
  const readiness = useQuery(trpc.evidence.readiness.queryOptions({}));
  return (
    <>
      <BackLink to="/accreditation">Back to the evidence library</BackLink>
      <PageHeading caption="DAHA accreditation">Readiness by priority area</PageHeading>
      <QueryState query={readiness} what="readiness">
        {(data) => {
          const ready = data.areas.filter((area) => area.rag === "green").length;
          return (
            <>
              <p className="govuk-body-l">
                {ready} of {data.areas.length} priority areas are ready, as at{" "}
                {formatDate(data.asOf)}.
              </p>
              <InsetText>
                Staff development uses live training figures: {data.trainingUptake.attended} of{" "}
                {data.trainingUptake.nominated} nominated staff attended (
                {formatRate(data.trainingUptake.attendanceRate)}).
              </InsetText>
              <ReadinessTaskList readiness={data} />
              <h2 className="govuk-heading-m">Action plan</h2>
              <p className="govuk-body">
                Each area&rsquo;s page holds its actions and evidence. An action past its due date
                turns its area amber until it is done.
              </p>
              <DownloadLink name="action-plan" description="the action plan" />
              <PackDownload />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
