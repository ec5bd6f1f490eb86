import { useMutation } from "@tanstack/react-query";

import { formatDate, plural } from "@dapkit/schemas";
import {
  NOMINATION_STATE_LABELS,
  SESSION_STATUS_LABELS,
  sessionAllows,
  sessionRefusal,
  type SessionAction,
} from "@dapkit/training";

import { Button, ButtonGroup, ButtonLink } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { NotificationBanner } from "../../components/notification-banner";
import { InsetText } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { formErrorsFrom } from "../../lib/api-errors";
import { useCurrentUser } from "../../lib/current-user";
import { can } from "../../lib/permissions";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Session = Outputs["training"]["sessions"]["get"];

/** The session's status as a tag, in @dapkit/training's words. */
export function SessionStatusTag({ session }: { session: Session }) {
  return <StatusTag status={session.status} text={SESSION_STATUS_LABELS[session.status]} />;
}

/** Why a cancelled session was cancelled, or when attendance opens: what the status means now. */
export function SessionStatusNotice({ session }: { session: Session }) {
  const user = useCurrentUser();
  if (session.status === "cancelled") {
    return (
      <NotificationBanner title="Cancelled">
        <p className="govuk-notification-banner__heading">
          This session was cancelled
          {session.cancelledAt == null ? "" : ` on ${formatDate(session.cancelledAt)}`}.
        </p>
        <p className="govuk-body">Reason: {session.cancelReason}</p>
      </NotificationBanner>
    );
  }
  const marking = sessionRefusal(session, "markAttendance", new Date());
  if (can(user, "manageTraining") && marking != null) return <InsetText>{marking}</InsetText>;
  return null;
}

/** Undoes the last attendance change, saying whose marks went back to what. */
function UndoAttendance({ session }: { session: Session }) {
  const undo = useMutation(
    trpc.training.attendance.undo.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
      },
    }),
  );
  return (
    <>
      <ErrorSummary errors={undo.error == null ? null : formErrorsFrom(undo.error)} />
      {undo.data === undefined ? null : (
        <NotificationBanner kind="success">
          <p className="govuk-notification-banner__heading">
            Undone: {plural(undo.data.undone.length, "mark")} put back.
          </p>
          <ul className="govuk-list">
            {undo.data.undone.map((row) => (
              <li key={row.id}>
                {row.staffName}: {NOMINATION_STATE_LABELS[row.to]}
              </li>
            ))}
          </ul>
        </NotificationBanner>
      )}
      <Button
        type="button"
        variant="secondary"
        busy={undo.isPending}
        onClick={() => undo.mutate({ sessionId: session.id })}
      >
        Undo the last attendance change
      </Button>
    </>
  );
}

/** What the user may do to the session now: only what its status and their role allow. */
export function SessionActions({ session }: { session: Session }) {
  const user = useCurrentUser();
  const allows = (action: SessionAction) => sessionAllows(session.status, action);
  const manage = can(user, "manageTraining");
  const booked = session.booked > 0;
  const base = `/training/sessions/${session.id}`;
  const changeable = session.status !== "cancelled" && session.status !== "closed";
  return (
    <>
      <ButtonGroup>
        {can(user, "nominate") && allows("nominate") ? (
          <ButtonLink to={`${base}/nominate`}>Nominate staff</ButtonLink>
        ) : null}
        {manage && booked && allows("markAttendance") ? (
          <ButtonLink to={`${base}/attendance`} variant="secondary">
            Mark attendance
          </ButtonLink>
        ) : null}
        {can(user, "manageStaff") && changeable ? (
          <ButtonLink to={`${base}/edit`} variant="secondary">
            Change session
          </ButtonLink>
        ) : null}
        {manage && allows("move") ? (
          <ButtonLink to={`${base}/move`} variant="secondary">
            Move to a new date
          </ButtonLink>
        ) : null}
        {manage && allows("close") ? (
          <ButtonLink to={`${base}/close`} variant="secondary">
            Close session
          </ButtonLink>
        ) : null}
        {manage && allows("cancel") ? (
          <ButtonLink to={`${base}/cancel`} variant="warning">
            Cancel session
          </ButtonLink>
        ) : null}
      </ButtonGroup>
      {manage && booked && allows("undoAttendance") ? <UndoAttendance session={session} /> : null}
    </>
  );
}
