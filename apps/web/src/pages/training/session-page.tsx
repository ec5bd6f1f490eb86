import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { formatDate, formatTime, plural } from "@dapkit/schemas";

import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { DownloadLink } from "../../components/download-link";
import { BackLink, PageHeading } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { usePageTitle } from "../../lib/page-title";
import { trpc, type Outputs } from "../../trpc";
import { MessagesSection } from "../messages/messages-section";
import { SessionActions, SessionStatusNotice, SessionStatusTag } from "./session-lifecycle";
import { eligibilityRows } from "./session-eligibility-summary";
import { SessionNominations } from "./session-nominations";

type Session = Outputs["training"]["sessions"]["get"];

function SessionDetails({ session }: { session: Session }) {
  const waiting = session.nominations
    .filter((nomination) => nomination.state === "waitlisted")
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  return (
    <>
      <FlashBanner />
      <PageHeading caption="Training session">
        {session.courseTitle}: {formatDate(session.startsAt)}
      </PageHeading>
      <SessionStatusNotice session={session} />
      <SummaryList
        rows={[
          { key: "Status", value: <SessionStatusTag session={session} /> },
          { key: "Date", value: formatDate(session.startsAt) },
          {
            key: "Time",
            value: `${formatTime(session.startsAt)} to ${formatTime(session.endsAt)}`,
          },
          { key: "Location", value: session.location },
          { key: "Trainer", value: session.trainer },
          {
            key: "Places",
            value: `${session.booked} booked of ${session.capacity} (${plural(session.placesLeft, "place")} left)`,
          },
          {
            key: "Waiting list",
            value:
              session.waitlisted === 0
                ? "Nobody waiting"
                : plural(session.waitlisted, "person", "people"),
          },
          ...eligibilityRows(session),
        ]}
      />
      <SessionActions session={session} />
      <p className="govuk-body">
        <a className="govuk-link" href={`/api/sessions/${session.id}/sign-in-sheet.pdf`} download>
          Print the sign-in sheet (PDF)
        </a>
      </p>
      {waiting.length === 0 ? null : (
        <>
          <h2 className="govuk-heading-m">Waiting list</h2>
          <p className="govuk-body">
            When a place comes free, the first person on the list is booked into it.
          </p>
          <ol className="govuk-list govuk-list--number">
            {waiting.map((nomination) => (
              <li key={nomination.id}>{nomination.staffName}</li>
            ))}
          </ol>
        </>
      )}
      <SessionNominations session={session} />
      <DownloadLink
        name="nominations"
        description="this session's nominations"
        query={{ sessionId: session.id }}
      />
      <MessagesSection sessionId={session.id} />
    </>
  );
}

export function SessionPage() {
  const { sessionId = "" } = useParams();
  const query = useQuery(trpc.training.sessions.get.queryOptions({ id: sessionId }));
  usePageTitle(
    query.data === undefined
      ? "Training session"
      : `${query.data.courseTitle}, ${formatDate(query.data.startsAt)}`,
  );
  return (
    <>
      <BackLink to="/training">Back to training sessions</BackLink>
      <QueryState query={query} what="session">
        {(session) => <SessionDetails session={session} />}
      </QueryState>
    </>
  );
}
