import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { ACTION_STATUS_LABELS } from "@dapkit/daha";
import {
  RAG_RATING_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  londonToday,
  formatDate,
} from "@dapkit/schemas";

import { Button } from "../../components/button";
import { DateInput } from "../../components/date-input";
import { ErrorSummary } from "../../components/error-summary";
import { FlashBanner } from "../../components/flash-banner";
import { NotificationBanner } from "../../components/notification-banner";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { BackLink, PageHeading } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { StatusTag } from "../../components/tag";
import { Textarea } from "../../components/textarea";
import { useCurrentUser } from "../../lib/current-user";
import { isoFromParts, partsFromIso } from "../../lib/date-parts";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Recommendation = Outputs["recommendations"]["get"];

const LABELS = { date: "Date of the update", note: "Progress update", status: "Status" };

function AddUpdateForm({ recommendation }: { recommendation: Recommendation }) {
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(
    { date: partsFromIso(londonToday(new Date())), note: "", status: recommendation.status },
    LABELS,
  );
  const add = useMutation(
    trpc.recommendations.addUpdate.mutationOptions({
      onSuccess: async () => {
        form.set("note", "");
        setSaved("Progress update added");
        await queryClient.invalidateQueries({ queryKey: trpc.recommendations.pathKey() });
      },
      onError: form.fromServer,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const { date, note, status } = form.values;
    const parsed = isoFromParts(date, "Date of the update");
    const input = {
      id: recommendation.id,
      date: "iso" in parsed ? parsed.iso : "",
      note,
      status,
    };
    const ok = form.validate(contract.recommendations.addUpdate.input, input, [
      "error" in parsed ? { field: "date", message: parsed.error } : null,
    ]);
    if (ok) add.mutate(input);
  }

  return (
    <>
      {saved == null ? null : <NotificationBanner kind="success">{saved}</NotificationBanner>}
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <h2 className="govuk-heading-m">Add a progress update</h2>
        <DateInput legend="Date of the update" {...form.date("date")} />
        <Textarea
          label="What has happened"
          hint="Say what was done, by whom, and what is next."
          {...form.text("note")}
        />
        <Select
          label="Status after this update"
          options={Object.entries(RECOMMENDATION_STATUS_LABELS).map(([value, text]) => ({
            value,
            text,
          }))}
          {...form.text("status")}
        />
        <Button busy={add.isPending}>Add update</Button>
      </form>
    </>
  );
}

export function RecommendationPage() {
  const { recommendationId = "" } = useParams();
  const user = useCurrentUser();
  const query = useQuery(trpc.recommendations.get.queryOptions({ id: recommendationId }));
  const framework = useQuery(trpc.evidence.framework.queryOptions());
  const areaName = (id: string) => framework.data?.areas.find((area) => area.id === id)?.name ?? id;
  usePageTitle(
    query.data === undefined ? "Recommendation" : `Recommendation ${query.data.reference}`,
  );
  return (
    <>
      <BackLink to="/recommendations">Back to recommendations</BackLink>
      <FlashBanner />
      <QueryState query={query} what="recommendation">
        {(recommendation) => (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <PageHeading caption={`Recommendation ${recommendation.reference}`}>
                {recommendation.title}
              </PageHeading>
              <SummaryList
                rows={[
                  { key: "Status", value: <StatusTag status={recommendation.status} /> },
                  {
                    key: "RAG rating",
                    value:
                      recommendation.rag == null ? (
                        "Not rated"
                      ) : (
                        <StatusTag
                          status={recommendation.rag}
                          text={RAG_RATING_LABELS[recommendation.rag]}
                        />
                      ),
                  },
                  {
                    key: "Target date",
                    value:
                      recommendation.targetDate == null
                        ? "None"
                        : formatDate(recommendation.targetDate),
                  },
                  { key: "Owner", value: recommendation.owner },
                  {
                    key: "DAHA priority areas",
                    value:
                      recommendation.areaIds.length === 0 ? (
                        "None"
                      ) : (
                        <ul className="govuk-list govuk-!-margin-bottom-0">
                          {recommendation.areaIds.map((id) => (
                            <li key={id}>
                              <Link
                                className="govuk-link"
                                to={`/accreditation/areas/${encodeURIComponent(id)}`}
                              >
                                {areaName(id)}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      ),
                  },
                  { key: "From", value: recommendation.source },
                  { key: "Added", value: formatDate(recommendation.createdAt) },
                ]}
              />
              {can(user, "manageRecommendations") ? (
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/recommendations/${recommendation.id}/edit`}>
                    Change this recommendation
                  </Link>
                </p>
              ) : null}
              <h2 className="govuk-heading-m">Actions in the DAHA action plan</h2>
              {recommendation.actions.length === 0 ? (
                <p className="govuk-body">No action in the plan serves this recommendation yet.</p>
              ) : (
                <ul className="govuk-list">
                  {recommendation.actions.map((action) => (
                    <li key={action.id}>
                      <Link
                        className="govuk-link"
                        to={`/accreditation/areas/${encodeURIComponent(action.areaId)}`}
                      >
                        {action.what}
                      </Link>{" "}
                      (due {formatDate(action.dueDate)}){" "}
                      <StatusTag
                        status={action.status}
                        text={ACTION_STATUS_LABELS[action.status]}
                      />
                    </li>
                  ))}
                </ul>
              )}
              <h2 className="govuk-heading-m">Progress</h2>
              {recommendation.updates.length === 0 ? (
                <p className="govuk-body">No progress has been recorded yet.</p>
              ) : (
                <ol className="app-timeline" aria-label="Progress updates, newest first">
                  {recommendation.updates.map((update) => (
                    <li className="app-timeline__item" key={update.id}>
                      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                        {formatDate(update.date)} <StatusTag status={update.status} />
                      </h3>
                      <p className="govuk-body govuk-!-margin-bottom-1">{update.note}</p>
                      <p className="govuk-body-s govuk-!-margin-bottom-0">By {update.byName}</p>
                    </li>
                  ))}
                </ol>
              )}
              {can(user, "manageRecommendations") ? (
                <AddUpdateForm recommendation={recommendation} />
              ) : null}
            </div>
          </div>
        )}
      </QueryState>
    </>
  );
}
