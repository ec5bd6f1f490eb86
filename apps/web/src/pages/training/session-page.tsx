import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";

import { NOMINATION_ACTIONS, nominationActions, type NominationAction } from "@dapkit/training";
import { formatDate, formatTime, plural } from "@dapkit/schemas";

import { ButtonGroup, ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { FlashBanner } from "../../components/flash-banner";
import { NotificationBanner } from "../../components/notification-banner";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { StatusTag } from "../../components/tag";
import { formErrorsFrom, type FormErrors } from "../../lib/api-errors";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can, type CurrentUser } from "../../lib/permissions";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Session = Outputs["training"]["sessions"]["get"];
type Nomination = Session["nominations"][number];
type Action = NominationAction;

/** What the user may do with a nomination: what its state allows, and their role permits. */
function actionsFor(nomination: Nomination, user: CurrentUser): Action[] {
  const manage = can(user, "manageTraining");
  const cancel = can(user, "cancelNomination");
  return nominationActions(nomination.state).filter((action) =>
    action === "cancel" ? cancel : manage,
  );
}

function useNominationAction(
  onDone: (message: string) => void,
  onError: (errors: FormErrors) => void,
) {
  // Whose nomination is being changed, for the success message.
  const name = useRef("Nomination");
  const options = (action: Action) => ({
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
      onDone(`${name.current} ${NOMINATION_ACTIONS[action].done}`);
    },
    onError: (error: unknown) => onError(formErrorsFrom(error)),
  });
  const approve = useMutation(
    trpc.training.nominations.approve.mutationOptions(options("approve")),
  );
  const decline = useMutation(
    trpc.training.nominations.decline.mutationOptions(options("decline")),
  );
  const book = useMutation(trpc.training.nominations.book.mutationOptions(options("book")));
  const cancel = useMutation(trpc.training.nominations.cancel.mutationOptions(options("cancel")));
  const mutations = { approve, decline, book, cancel };
  return {
    busy: Object.values(mutations).some((mutation) => mutation.isPending),
    run: (action: Action, nomination: Nomination) => {
      name.current = nomination.staffName;
      mutations[action].mutate({ id: nomination.id });
    },
  };
}

function NominationActions({
  nomination,
  user,
  run,
  busy,
}: {
  nomination: Nomination;
  user: CurrentUser;
  run: (action: Action, nomination: Nomination) => void;
  busy: boolean;
}) {
  const actions = actionsFor(nomination, user);
  if (actions.length === 0) return null;
  return (
    <div className="govuk-button-group govuk-!-margin-bottom-0">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={`govuk-button govuk-!-margin-bottom-0 ${action === "cancel" || action === "decline" ? "govuk-button--warning" : "govuk-button--secondary"}`}
          disabled={busy}
          onClick={() => run(action, nomination)}
        >
          {NOMINATION_ACTIONS[action].label}
          <span className="govuk-visually-hidden"> {nomination.staffName}</span>
        </button>
      ))}
    </div>
  );
}

function SessionDetails({ session }: { session: Session }) {
  const user = useCurrentUser();
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const actions = useNominationAction(
    (text) => {
      setErrors(null);
      setMessage(text);
    },
    (found) => {
      setMessage(null);
      setErrors(found);
    },
  );
  const waiting = session.nominations
    .filter((nomination) => nomination.state === "waitlisted")
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const canMark =
    can(user, "manageTraining") &&
    session.nominations.some((n) => n.state !== "cancelled" && n.state !== "declined");
  return (
    <>
      {/* The latest success replaces the one this page was opened with. */}
      {message == null ? (
        <FlashBanner />
      ) : (
        <NotificationBanner kind="success">{message}</NotificationBanner>
      )}
      <ErrorSummary errors={errors} />
      <PageHeading caption="Training session">
        {session.courseTitle}: {formatDate(session.startsAt)}
      </PageHeading>
      <SummaryList
        rows={[
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
        ]}
      />
      <ButtonGroup>
        {can(user, "nominate") ? (
          <ButtonLink to={`/training/sessions/${session.id}/nominate`}>Nominate staff</ButtonLink>
        ) : null}
        {canMark ? (
          <ButtonLink to={`/training/sessions/${session.id}/attendance`} variant="secondary">
            Mark attendance
          </ButtonLink>
        ) : null}
        {can(user, "manageStaff") ? (
          <ButtonLink to={`/training/sessions/${session.id}/edit`} variant="secondary">
            Change session
          </ButtonLink>
        ) : null}
      </ButtonGroup>
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
      <DataTable<Nomination>
        caption={`Nominations (${session.nominations.length})`}
        rows={session.nominations}
        rowKey={(row) => row.id}
        empty="Nobody has been nominated for this session yet."
        columns={[
          {
            header: "Name",
            rowHeader: true,
            cell: (row) => (
              <Link className="govuk-link" to={`/training/nominations/${row.id}`}>
                {row.staffName}
              </Link>
            ),
          },
          { header: "Department", cell: (row) => row.departmentName },
          {
            header: "Status",
            cell: (row) => (
              <>
                <StatusTag status={row.state} />
                {row.waitlistPosition == null ? null : (
                  <span className="govuk-body-s"> Number {row.waitlistPosition}</span>
                )}
                {row.mandatory ? <span className="govuk-body-s"> (mandatory)</span> : null}
              </>
            ),
          },
          { header: "Since", cell: (row) => formatDate(row.stateChangedAt) },
          {
            header: <span className="govuk-visually-hidden">Actions</span>,
            notExported: true,
            cell: (row) => (
              <NominationActions
                nomination={row}
                user={user}
                run={actions.run}
                busy={actions.busy}
              />
            ),
          },
        ]}
      />
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
