import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { ConfirmAction } from "../../../components/confirm-action";
import { NotFoundContent } from "../../../components/error-pages";
import { QueryState } from "../../../components/query-state";
import { BackLink } from "../../../components/small-parts";
import { useNavigateWithFlash } from "../../../lib/flash";
import { usePageTitle } from "../../../lib/page-title";
import { trpc } from "../../../trpc";
import { frameworkChanged, levelName, ruleCovers } from "./framework-data";

/** Asks before removing a requirement (`/partnership/framework/rules/:ruleId/remove`). */
export function RemoveLevelRulePage() {
  usePageTitle("Remove a requirement");
  const { ruleId } = useParams();
  const flash = useNavigateWithFlash();
  const query = useQuery(trpc.trainingFramework.get.queryOptions());
  const remove = useMutation(
    trpc.trainingFramework.removeRule.mutationOptions({
      onSuccess: async () => {
        await frameworkChanged();
        flash("/partnership/framework", "Requirement removed");
      },
    }),
  );
  return (
    <>
      <BackLink to="/partnership/framework">Back to framework and compliance</BackLink>
      <QueryState query={query} what="training framework">
        {(framework) => {
          const rule = framework.rules.find((item) => item.id === ruleId);
          if (rule === undefined) return <NotFoundContent />;
          return (
            <ConfirmAction
              question="Remove this requirement?"
              action="Remove requirement"
              busy={remove.isPending}
              error={remove.error}
              onConfirm={() => remove.mutate({ id: rule.id })}
              cancelTo="/partnership/framework"
            >
              <p className="govuk-body">
                {ruleCovers(rule)} will no longer be counted as needing{" "}
                {levelName(framework, rule.requiredLevel)}, unless another requirement says so.
              </p>
            </ConfirmAction>
          );
        }}
      </QueryState>
    </>
  );
}
