import { useMutation, useQuery } from "@tanstack/react-query";

import { MESSAGE_KINDS, MESSAGE_STATE_LABELS, type MessageState } from "@dapkit/contract";
import { formatDateTime } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { TableScroll } from "../../components/data-table";
import { QueryState } from "../../components/query-state";
import type { TagColour } from "../../components/tag";
import { TableHead } from "../../components/table-head";
import { useCurrentUser } from "../../lib/current-user";
import { can } from "../../lib/permissions";
import { queryClient, trpc, type Outputs } from "../../trpc";

type MessageItem = Outputs["messages"]["list"]["items"][number];

// The words are the contract's; colour only reinforces them.
const STATE_COLOURS: Record<MessageState, TagColour> = {
  queued: "blue",
  sent: "green",
  failed: "red",
  not_sent: "grey",
};

function MessageStateTag({ state }: { state: MessageState }) {
  return (
    <strong className={`govuk-tag govuk-tag--${STATE_COLOURS[state]}`}>
      {MESSAGE_STATE_LABELS[state]}
    </strong>
  );
}

function ResendButton({ message }: { message: MessageItem }) {
  const resend = useMutation(
    trpc.messages.resend.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() }),
    }),
  );
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        className="govuk-!-margin-bottom-0"
        busy={resend.isPending}
        onClick={() => resend.mutate({ id: message.id })}
      >
        Send again
        <span className="govuk-visually-hidden">
          {" "}
          {message.subject} to {message.recipientName}
        </span>
      </Button>
      {resend.isError ? (
        <p className="govuk-error-message" role="alert">
          It could not be sent again: {resend.error.message}
        </p>
      ) : null}
    </>
  );
}

/** A message's plain text as it reads in a mail program: paragraphs, and lines within them. */
export function MessageBody({ text }: { text: string }) {
  return (
    <>
      {text
        .trim()
        .split("\n\n")
        .map((paragraph, index) => (
          <p className="govuk-body-s" key={index}>
            {paragraph.split("\n").map((line, at) => (
              <span key={at}>
                {at > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        ))}
    </>
  );
}

function MessageRow({ message }: { message: MessageItem }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">{formatDateTime(message.sentAt ?? message.createdAt)}</td>
      <td className="govuk-table__cell">
        {message.recipientName}
        <br />
        <span className="govuk-hint govuk-!-margin-0">
          {message.recipientEmail ?? "No email address"}
        </span>
      </td>
      <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
        <details className="govuk-details govuk-!-margin-bottom-0">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{message.subject}</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body-s">
              {MESSAGE_KINDS[message.kind].label}
              {message.hasCalendar ? ", with a calendar attachment" : ""}
              {message.resentBy == null ? "" : `, sent again by ${message.resentBy}`}
            </p>
            <MessageBody text={message.bodyText} />
          </div>
        </details>
      </th>
      <td className="govuk-table__cell">
        <MessageStateTag state={message.state} />
        {message.lastError == null || message.state === "sent" ? null : (
          <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
            {message.lastError}
          </p>
        )}
      </td>
      <td className="govuk-table__cell">
        <ResendButton message={message} />
      </td>
    </tr>
  );
}

/**
 * The "Messages" section of a session's or a person's page: what was sent, when, to whom and how
 * its delivery went, newest first, with HR able to send one again. Only for those who manage
 * training (the server checks again).
 */
export function MessagesSection(about: { sessionId: string } | { staffId: string }) {
  const user = useCurrentUser();
  const allowed = can(user, "manageTraining");
  const query = useQuery({
    ...trpc.messages.list.queryOptions(about),
    enabled: allowed,
  });
  if (!allowed) return null;
  return (
    <section aria-labelledby="messages-heading">
      <h2 className="govuk-heading-m" id="messages-heading">
        Messages
      </h2>
      <QueryState query={query} what="messages">
        {({ items, deliveryConfigured }) => (
          <>
            {deliveryConfigured ? null : (
              <div className="govuk-inset-text">
                No mail server is set up, so messages are kept here and not sent. Your administrator
                can set one up with DAPKIT_SMTP_URL.
              </div>
            )}
            {items.length === 0 ? (
              <p className="govuk-body">No messages yet.</p>
            ) : (
              <TableScroll labelledBy="messages-caption">
                <table className="govuk-table">
                  <caption
                    className="govuk-table__caption govuk-visually-hidden"
                    id="messages-caption"
                  >
                    Messages, newest first
                  </caption>
                  <TableHead
                    headers={[
                      "When",
                      "To",
                      "Message",
                      "Delivery",
                      <span className="govuk-visually-hidden">Action</span>,
                    ]}
                  />
                  <tbody className="govuk-table__body">
                    {items.map((message) => (
                      <MessageRow key={message.id} message={message} />
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
