// The messages the service sends, and the words for them, live here once: the server composes and
// records them by these codes, and the settings page, the message lists and any SDK consumer show
// the same names. A new kind (an evaluation invitation, a non-attendance charge, an account link)
// is one more row here and one composer on the server; the database stores kinds as text.

/** What one kind of message is, for the settings page: its name and who receives it. */
export interface MessageKindInfo {
  readonly label: string;
  readonly recipients: string;
  /** Whether the message carries a calendar invitation or cancellation (.ics). */
  readonly calendar: boolean;
  /** Sent on a schedule worked out from the data, rather than at the moment of a change. */
  readonly scheduled: boolean;
}

/** Every kind of message, in the order the settings page lists them. */
export const MESSAGE_KINDS = {
  nominated: {
    label: "Nominated for a session",
    recipients: "The person nominated, with a copy to their manager",
    calendar: false,
    scheduled: false,
  },
  booked: {
    label: "Booking confirmed",
    recipients: "The person booked, with a calendar invitation",
    calendar: true,
    scheduled: false,
  },
  waitlisted: {
    label: "On the waiting list",
    recipients: "The person put on a session's waiting list",
    calendar: false,
    scheduled: false,
  },
  promoted: {
    label: "Booked from the waiting list",
    recipients: "The person given a place that became free, with a calendar invitation",
    calendar: true,
    scheduled: false,
  },
  session_changed: {
    label: "Session moved or changed",
    recipients: "Everyone booked, with an updated calendar invitation",
    calendar: true,
    scheduled: false,
  },
  booking_cancelled: {
    label: "Booking cancelled",
    recipients: "The person whose place was cancelled, removing the calendar entry",
    calendar: true,
    scheduled: false,
  },
  session_cancelled: {
    label: "Session cancelled",
    recipients: "Everyone booked, removing the calendar entry",
    calendar: true,
    scheduled: false,
  },
  reminder: {
    label: "Reminder before a session",
    recipients: "Everyone booked, on each of the reminder days",
    calendar: false,
    scheduled: true,
  },
  no_show: {
    label: "Did not attend",
    recipients: "The person's manager, the next working day, with a link to nominate again",
    calendar: false,
    scheduled: true,
  },
  evaluation_before: {
    label: "Questionnaire before a session",
    recipients: "The person booked, when the course has learning outcomes to rate",
    calendar: false,
    scheduled: false,
  },
  evaluation_after: {
    label: "Questionnaire after a session",
    recipients: "The person who attended, when attendance is marked",
    calendar: false,
    scheduled: false,
  },
  evaluation_follow_up: {
    label: "Follow-up questionnaire",
    recipients: "The person who attended, 6 weeks after the session, with a copy to their manager",
    calendar: false,
    scheduled: true,
  },
  refresher_due: {
    label: "Refresher due",
    recipients: "The person, 30 days before their refresher is due",
    calendar: false,
    scheduled: true,
  },
  evidence_due: {
    label: "Evidence review or expiry due",
    recipients: "The evidence owner, 30 days before its review or expiry date",
    calendar: false,
    scheduled: true,
  },
  account_invitation: {
    label: "Account invitation",
    recipients: "Someone invited to the tracker, with a link to choose their password",
    calendar: false,
    scheduled: false,
  },
  password_reset: {
    label: "Password reset",
    recipients: "Someone whose password an administrator reset, with a link to choose a new one",
    calendar: false,
    scheduled: false,
  },
} as const satisfies Record<string, MessageKindInfo>;

/** A kind of message the service sends. */
export type MessageKind = keyof typeof MESSAGE_KINDS;

/** The kinds, in the settings page's order. */
export const MESSAGE_KIND_CODES = Object.keys(MESSAGE_KINDS) as MessageKind[];

/**
 * Where a message is: waiting to go (or to be tried again), sent, failed after the last retry, or
 * kept unsent (no mail server is set up, or the person has no email address).
 */
export const MESSAGE_STATES = ["queued", "sent", "failed", "not_sent"] as const;

/** A message's delivery state. */
export type MessageState = (typeof MESSAGE_STATES)[number];

/** Each delivery state as people read it. */
export const MESSAGE_STATE_LABELS: Readonly<Record<MessageState, string>> = {
  queued: "Waiting to send",
  sent: "Sent",
  failed: "Failed",
  not_sent: "Not sent",
};

/** The reminder days an organisation starts with: a week before and the day before. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 1];

/** Why a message was kept unsent, as the message lists say it. */
export const NOT_SENT_REASONS = {
  noTransport: "No mail server is set up (DAPKIT_SMTP_URL), so it was kept, not sent",
  noAddress: "No email address on record",
  linkNotNeeded: "The account no longer needs this link (it has a password or was deactivated)",
} as const;
