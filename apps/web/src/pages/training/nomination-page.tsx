import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { formatDate, formatDateTime } from "@dapkit/schemas";
import { isAttendanceOutcome, NOMINATION_ACTIONS, nominationActions } from "@dapkit/training";

import { ButtonGroup, ButtonLink } from "../../components/button";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { StatusTag } from "../../components/tag";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc, type Outputs } from "../../trpc";

type Nomination = Outputs["training"]["nominations"]["get"];

/**
 * Cancel or decline, each on its own confirmation page with a reason: never one click; once the
 * session is closed, HR corrects a mark on its own page, with a reason.
 */
function EndingLinks({ nomination }: { nomination: Nomination }) {
  const user = useCurrentUser();
  const marked = isAttendanceOutcome(nomination.state) && can(user, "manageTraining");
  const session = useQuery({
    ...trpc.training.sessions.get.queryOptions({ id: nomination.sessionId }),
    enabled: marked,
  });
  const allowed = nominationActions(nomination.state);
  const links = (["decline", "cancel"] as const).filter(
    (action) =>
      allowed.includes(action) &&
      can(user, action === "cancel" ? "cancelNomination" : "manageTraining"),
  );
  const correctable = marked && session.data?.status === "closed";
  if (links.length === 0 && !correctable) return null;
  return (
    <ButtonGroup>
      {correctable ? (
        <ButtonLink to={`/training/nominations/${nomination.id}/correct`} variant="secondary">
          Correct attendance
        </ButtonLink>
      ) : null}
      {links.map((action) => (
        <ButtonLink
          key={action}
          to={`/training/nominations/${nomination.id}/${action}`}
          variant="warning"
        >
          {`${NOMINATION_ACTIONS[action].label} nomination`}
        </ButtonLink>
      ))}
    </ButtonGroup>
  );
}

export function NominationPage() {
  const { nominationId = "" } = useParams();
  const query = useQuery(trpc.training.nominations.get.queryOptions({ id: nominationId }));
  usePageTitle(
    query.data === undefined
      ? "Nomination history"
      : `Nomination history for ${query.data.staffName}`,
  );
  return (
    <>
      <BackLink
        to={query.data === undefined ? "/training" : `/training/sessions/${query.data.sessionId}`}
      >
        Back to the session
      </BackLink>
      <QueryState query={query} what="nomination">
        {(nomination) => (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <FlashBanner />
              <PageHeading
                caption={`${nomination.courseTitle}, ${formatDate(nomination.startsAt)}`}
              >
                {nomination.staffName}
              </PageHeading>
              <SummaryList
                rows={[
                  { key: "Status", value: <StatusTag status={nomination.state} /> },
                  { key: "Department", value: nomination.departmentName },
                  { key: "Employee number", value: nomination.employeeNumber },
                  { key: "Mandatory", value: nomination.mandatory ? "Yes" : "No" },
                  {
                    key: "Reason",
                    value: nomination.reason === "" ? "None given" : nomination.reason,
                  },
                  { key: "Nominated", value: formatDate(nomination.createdAt) },
                ]}
              />
              <EndingLinks nomination={nomination} />
              {nomination.state === "fully_attended" ? (
                <p className="govuk-body">
                  <a
                    className="govuk-link"
                    href={`/api/nominations/${nomination.id}/certificate.pdf`}
                    download
                  >
                    Download the certificate (PDF)
                  </a>
                </p>
              ) : null}
              <h2 className="govuk-heading-m">History</h2>
              <ol className="app-timeline" aria-label="Changes to this nomination, oldest first">
                {nomination.history.map((entry, index) => (
                  <li className="app-timeline__item" key={index}>
                    <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                      <StatusTag status={entry.state} />
                    </h3>
                    <p className="govuk-body govuk-!-margin-bottom-1">
                      {formatDateTime(entry.at)} by {entry.by}
                    </p>
                    {entry.note === "" ? null : (
                      <p className="govuk-body-s govuk-!-margin-bottom-0">Note: {entry.note}</p>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          </div>
        )}
      </QueryState>
    </>
  );
}
