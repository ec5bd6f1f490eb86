import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";

import { ACTION_STATUS_LABELS } from "@dapkit/daha";
import { addMonths, formatDate, formatIsoDate, londonToday, readIsoDate } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { NotificationBanner } from "../../components/notification-banner";
import { QueryState } from "../../components/query-state";
import { ResultCount } from "../../components/result-count";
import { ResultPagination } from "../../components/result-pagination";
import { BackLink, PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { useFilters } from "../../lib/search-params";
import { trpc, type Outputs } from "../../trpc";
import { ActionForm, actionPlanChanged } from "./action-form";
import { EvidenceTable } from "./evidence-table";

type Action = Outputs["actionPlan"]["list"]["actions"][number];
type Suggestion = Outputs["actionPlan"]["list"]["suggestions"][number];

const EVIDENCE_PAGE_SIZE = 25;

// A suggestion added in one click is due a month from today; its owner may change it after.
function aMonthFromToday(): string {
  const { date } = readIsoDate(londonToday(new Date()), "today");
  return date == null ? londonToday(new Date()) : formatIsoDate(addMonths(date, 1));
}

function Suggestions({ suggestions, owner }: { suggestions: Suggestion[]; owner: string }) {
  const add = useMutation(trpc.actionPlan.create.mutationOptions({ onSuccess: actionPlanChanged }));
  if (suggestions.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Suggested actions</h2>
      <p className="govuk-body">
        From the gaps readiness found. Adding one puts it in the plan, owned by you and due in a
        month; change either afterwards.
      </p>
      <ul className="govuk-list">
        {suggestions.map((suggestion) => (
          <li key={suggestion.what} className="govuk-!-margin-bottom-4">
            <p className="govuk-body govuk-!-margin-bottom-1">{suggestion.what}</p>
            <p className="govuk-hint govuk-!-margin-bottom-2">Because: {suggestion.reason}</p>
            <Button
              type="button"
              variant="secondary"
              busy={add.isPending && add.variables.what === suggestion.what}
              onClick={() =>
                add.mutate({
                  areaId: suggestion.areaId,
                  what: suggestion.what,
                  owner,
                  dueDate: aMonthFromToday(),
                })
              }
            >
              Add this action<span className="govuk-visually-hidden">: {suggestion.what}</span>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

function ActionsTable({ actions, manage }: { actions: Action[]; manage: boolean }) {
  return (
    <DataTable<Action>
      caption="Actions"
      exportName="action-plan"
      rows={actions}
      rowKey={(action) => action.id}
      empty="No actions have been planned for this area yet."
      columns={[
        { header: "Action", rowHeader: true, cell: (action) => action.what },
        { header: "Owner", cell: (action) => action.owner },
        {
          header: "Due",
          cell: (action) => (
            <>
              {formatDate(action.dueDate)}
              {action.overdue ? (
                <>
                  {" "}
                  <StatusTag status="overdue" />
                </>
              ) : null}
            </>
          ),
        },
        {
          header: "Status",
          cell: (action) => (
            <StatusTag status={action.status} text={ACTION_STATUS_LABELS[action.status]} />
          ),
        },
        {
          header: "Linked to",
          cell: (action) => (
            <ul className="govuk-list govuk-!-margin-bottom-0">
              {action.recommendation == null ? null : (
                <li>
                  <Link className="govuk-link" to={`/recommendations/${action.recommendation.id}`}>
                    Recommendation {action.recommendation.reference}
                  </Link>
                </li>
              )}
              {action.evidence.map((item) => (
                <li key={item.id}>
                  <Link className="govuk-link" to={`/accreditation/evidence/${item.id}`}>
                    {item.title}
                  </Link>
                </li>
              ))}
            </ul>
          ),
        },
        ...(manage
          ? [
              {
                header: "Change",
                cell: (action: Action) => (
                  <Link className="govuk-link" to={`/accreditation/actions/${action.id}`}>
                    Change<span className="govuk-visually-hidden"> {action.what}</span>
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** One priority area: its readiness, action plan, suggested actions and evidence. */
export function AreaPage() {
  const { areaId = "" } = useParams();
  const user = useCurrentUser();
  const manage = can(user, "manageEvidence");
  // Each action added starts the form afresh, ready for the next.
  const [added, setAdded] = useState<{ count: number; what: string } | null>(null);
  const readiness = useQuery(trpc.evidence.readiness.queryOptions({}));
  const plan = useQuery(trpc.actionPlan.list.queryOptions({ areaId }));
  // The area's evidence is paged in the address, so Next and Previous keep the rest of the page.
  const pages = useFilters([]);
  const evidence = useQuery({
    ...trpc.evidence.list.queryOptions({
      areaId,
      page: pages.page,
      ...pages.position,
      pageSize: EVIDENCE_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const area = readiness.data?.areas.find((each) => each.areaId === areaId);
  usePageTitle(area?.areaName ?? "Priority area");
  return (
    <>
      <BackLink to="/accreditation/readiness">Back to readiness</BackLink>
      <FlashBanner />
      {added == null ? null : (
        <NotificationBanner kind="success" key={added.count}>
          Action added: {added.what}
        </NotificationBanner>
      )}
      <QueryState query={readiness} what="readiness">
        {() =>
          area === undefined ? (
            <p className="govuk-body">This is not one of the framework&rsquo;s priority areas.</p>
          ) : (
            <>
              <PageHeading caption="DAHA priority area">{area.areaName}</PageHeading>
              <p className="govuk-body">
                <StatusTag status={area.rag} />
              </p>
              {area.reasons.length === 0 ? null : (
                <ul className="govuk-list govuk-list--bullet">
                  {area.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
            </>
          )
        }
      </QueryState>
      <QueryState query={plan} what="the action plan">
        {(data) => (
          <>
            <ActionsTable actions={data.actions} manage={manage} />
            {manage ? <Suggestions suggestions={data.suggestions} owner={user.name} /> : null}
          </>
        )}
      </QueryState>
      {manage && area !== undefined ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Add an action</span>
          </summary>
          <div className="govuk-details__text">
            <ActionForm
              key={added?.count ?? 0}
              areaId={areaId}
              done={(saved) =>
                setAdded((last) => ({ count: (last?.count ?? 0) + 1, what: saved.what }))
              }
            />
          </div>
        </details>
      ) : null}
      <h2 className="govuk-heading-m">Evidence</h2>
      <QueryState query={evidence} what="evidence">
        {(result) => (
          <>
            <ResultCount
              result={result}
              noun="evidence items"
              empty="No evidence has been added for this area yet."
            />
            {result.total === 0 ? null : (
              <EvidenceTable
                items={result.items}
                caption={`Evidence for ${area?.areaName ?? "this area"}`}
                empty="No evidence on this page: go back to the first page."
              />
            )}
            <ResultPagination result={result} hrefFor={pages.hrefFor} />
          </>
        )}
      </QueryState>
    </>
  );
}
