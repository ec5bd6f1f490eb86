import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { PROGRAMME_COST_CATEGORY_LABELS } from "@dapkit/contract";
import { formatMoney } from "@dapkit/funding";

import { ConfirmAction } from "../../../components/confirm-action";
import { NotFoundContent } from "../../../components/error-pages";
import { QueryState } from "../../../components/query-state";
import { BackLink } from "../../../components/small-parts";
import { useNavigateWithFlash } from "../../../lib/flash";
import { usePageTitle } from "../../../lib/page-title";
import { trpc } from "../../../trpc";
import { costsPath, programmeCostsChanged, useProgrammeYear } from "./programme-year";

/** Asks before removing a cost line (`/partnership/costs/:costId/remove?year=2026`). */
export function RemoveProgrammeCostPage() {
  usePageTitle("Remove a cost");
  const { costId } = useParams();
  const year = useProgrammeYear();
  const flash = useNavigateWithFlash();
  const query = useQuery(trpc.programmeCosts.get.queryOptions({ financialYearStart: year }));
  const remove = useMutation(
    trpc.programmeCosts.remove.mutationOptions({
      onSuccess: async () => {
        await programmeCostsChanged();
        flash(costsPath(year), "Cost removed");
      },
    }),
  );
  return (
    <>
      <BackLink to={costsPath(year)}>Back to programme costs</BackLink>
      <QueryState query={query} what="programme cost">
        {(programme) => {
          const line = programme.lines.find((item) => item.id === costId);
          if (line === undefined) return <NotFoundContent />;
          return (
            <ConfirmAction
              question={`Remove ${line.description}?`}
              action={`Remove ${line.description}`}
              busy={remove.isPending}
              error={remove.error}
              onConfirm={() => remove.mutate({ id: line.id })}
              cancelTo={costsPath(year)}
            >
              <p className="govuk-body">
                {PROGRAMME_COST_CATEGORY_LABELS[line.category]}, {formatMoney(line.amountPence)},
                comes off the {programme.financialYear} programme cost and every agency&apos;s share
                is worked out again.
              </p>
            </ConfirmAction>
          );
        }}
      </QueryState>
    </>
  );
}
