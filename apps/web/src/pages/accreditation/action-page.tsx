import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { ActionForm } from "./action-form";

/** Changes one action of the plan: its wording, owner, due date, status and links. */
export function ActionPage() {
  usePageTitle("Change an action");
  const { actionId = "" } = useParams();
  const navigate = useNavigateWithFlash();
  const plan = useQuery(trpc.actionPlan.list.queryOptions({}));
  return (
    <QueryState query={plan} what="the action plan">
      {(data) => {
        const action = data.actions.find((each) => each.id === actionId);
        if (action === undefined) return <p className="govuk-body">Action not found.</p>;
        const areaPage = `/accreditation/areas/${encodeURIComponent(action.areaId)}`;
        return (
          <>
            <BackLink to={areaPage}>{`Back to ${action.areaName}`}</BackLink>
            <PageHeading caption={action.areaName}>Change an action</PageHeading>
            <ActionForm
              areaId={action.areaId}
              action={action}
              done={() => navigate(areaPage, "Action saved")}
            />
          </>
        );
      }}
    </QueryState>
  );
}
