import { ACCOUNT_LINK_LIFETIME_HOURS, type MessageKind } from "@dapkit/contract";
import { formatDate, formatTime } from "@dapkit/schemas";

/** A session as a message describes it: course, time and place, nothing else. */
export interface SessionFacts {
  sessionId: string;
  courseTitle: string;
  startsAt: string;
  endsAt: string;
  location: string;
}

/**
 * Everything a message may say. The types hold only course, time, place, names and links: a
 * nomination's reason, evidence contents and case details have no field here, so no composer can
 * put them in a message.
 */
export interface MessageFacts {
  organisationName: string;
  recipientName: string;
  /** The person the message is about, when it goes to someone else (a manager's copy). */
  personName: string;
  session: SessionFacts | null;
  /** Days until the session, for a reminder. */
  daysBefore: number | null;
  /**
   * A refresher's, evidence review's or evidence expiry's due date (ISO calendar date), what it
   * is for, and (for evidence) which of the two falls due.
   */
  due: { date: string; title: string; what?: "review" | "expiry" } | null;
  /** The page the message links to, as a full address. */
  link: string;
}

/** A message's words. */
export interface ComposedMessage {
  subject: string;
  bodyText: string;
}

function sessionLines(session: SessionFacts): string[] {
  return [
    `Course: ${session.courseTitle}`,
    `Date: ${formatDate(session.startsAt)}`,
    `Time: ${formatTime(session.startsAt)} to ${formatTime(session.endsAt)}`,
    `Place: ${session.location}`,
  ];
}

function whenText(days: number): string {
  return days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
}

function needSession(facts: MessageFacts): SessionFacts {
  if (facts.session == null) throw new Error("This message needs a session");
  return facts.session;
}

function needDue(facts: MessageFacts): NonNullable<MessageFacts["due"]> {
  if (facts.due == null) throw new Error("This message needs a due date");
  return facts.due;
}

// The opening sentence and subject of each kind; the session, link and sign-off are common.
const COMPOSERS: Record<MessageKind, (facts: MessageFacts) => { subject: string; lead: string }> = {
  nominated: (facts) => {
    const course = needSession(facts).courseTitle;
    return facts.personName === facts.recipientName
      ? {
          subject: `You have been nominated for ${course}`,
          lead: `You have been nominated for a training session. You will hear again when your place is booked.`,
        }
      : {
          subject: `${facts.personName} has been nominated for ${course}`,
          lead: `${facts.personName}, who you manage, has been nominated for a training session.`,
        };
  },
  booked: (facts) => ({
    subject: `Booking confirmed: ${needSession(facts).courseTitle}`,
    lead: "Your place is booked. The calendar invitation attached adds it to your calendar.",
  }),
  waitlisted: (facts) => ({
    subject: `On the waiting list: ${needSession(facts).courseTitle}`,
    lead: "This session is full, so you are on its waiting list. If a place becomes free you will be booked and told.",
  }),
  promoted: (facts) => ({
    subject: `A place became free: ${needSession(facts).courseTitle}`,
    lead: "A place became free, so you have been booked from the waiting list. The calendar invitation attached adds it to your calendar.",
  }),
  session_changed: (facts) => ({
    subject: `Session changed: ${needSession(facts).courseTitle}`,
    lead: "The time or place of a session you are booked on has changed. The updated calendar invitation attached moves it in your calendar.",
  }),
  booking_cancelled: (facts) => ({
    subject: `Booking cancelled: ${needSession(facts).courseTitle}`,
    lead: "Your place on this session has been cancelled. If it was in your calendar, the attachment removes it.",
  }),
  session_cancelled: (facts) => ({
    subject: `Session cancelled: ${needSession(facts).courseTitle}`,
    lead: "This session has been cancelled. The attachment removes it from your calendar.",
  }),
  reminder: (facts) => ({
    subject: `Reminder: ${needSession(facts).courseTitle} ${whenText(facts.daysBefore ?? 0)}`,
    lead: `A reminder that you are booked on this session ${whenText(facts.daysBefore ?? 0)}.`,
  }),
  no_show: (facts) => ({
    subject: `${facts.personName} did not attend ${needSession(facts).courseTitle}`,
    lead: `${facts.personName}, who you manage, was booked on this session but did not attend. You can nominate them again from the link below.`,
  }),
  evaluation_before: (facts) => ({
    subject: `Before your session: ${needSession(facts).courseTitle}`,
    lead: "Before the session, please say how confident you feel about each of the course's learning outcomes. It takes a few minutes, and shows what the training changes.",
  }),
  evaluation_after: (facts) => ({
    subject: `After your session: ${needSession(facts).courseTitle}`,
    lead: "Thank you for attending. While the session is fresh, please say how confident you now feel about each of the course's learning outcomes.",
  }),
  evaluation_follow_up: (facts) => {
    const course = needSession(facts).courseTitle;
    return facts.personName === facts.recipientName
      ? {
          subject: `Six weeks on: ${course}`,
          lead: "It is six weeks since this session. Please sit down with your manager and say how confident you now feel about each of the course's learning outcomes.",
        }
      : {
          subject: `Six weeks on: ${facts.personName}, ${course}`,
          lead: `It is six weeks since ${facts.personName}, who you manage, attended this session. Please find time with them to answer a short questionnaire, which they send from their My training page.`,
        };
  },
  refresher_due: (facts) => ({
    subject: `Refresher due: ${needDue(facts).title}`,
    lead: `Your refresher for ${needDue(facts).title} is due on ${formatDate(needDue(facts).date)}. Ask your manager to nominate you for a session.`,
  }),
  evidence_due: (facts) => {
    const { title, date, what } = needDue(facts);
    return what === "expiry"
      ? {
          subject: `Evidence expiry due: ${title}`,
          lead: `The evidence "${title}" expires on ${formatDate(date)}. Add its replacement before then.`,
        }
      : {
          subject: `Evidence review due: ${title}`,
          lead: `The evidence "${title}" is due for review on ${formatDate(date)}.`,
        };
  },
  // Subjects say nothing of the service's subject: an inbox may be read over someone's shoulder.
  account_invitation: (facts) => ({
    subject: `Your ${facts.organisationName} training tracker account`,
    lead: `You have been given an account on the training tracker. Use the link below to choose your password. It works once, within ${ACCOUNT_LINK_LIFETIME_HOURS} hours.`,
  }),
  password_reset: () => ({
    subject: "Choose a new password for the training tracker",
    lead: `An administrator has reset your password. Use the link below to choose a new one. It works once, within ${ACCOUNT_LINK_LIFETIME_HOURS} hours. If you did not expect this, tell your administrator.`,
  }),
};

/** The subject and plain-text body of a message of `kind`. */
export function composeMessage(kind: MessageKind, facts: MessageFacts): ComposedMessage {
  const { subject, lead } = COMPOSERS[kind](facts);
  const body = [
    `Dear ${facts.recipientName},`,
    "",
    lead,
    ...(facts.session == null ? [] : ["", ...sessionLines(facts.session)]),
    "",
    facts.link,
    "",
    `${facts.organisationName}`,
  ];
  return { subject, bodyText: `${body.join("\n")}\n` };
}
