import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { MessageKind } from "@dapkit/contract";
import type { NominationState } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { courses, nominations, staff, trainingSessions } from "../../db/schema";
import type { Scope } from "../scope";
import {
  courseOfSession,
  sessionOfNomination,
  staffOfNomination,
} from "../training/nomination-items";
import { calendarInvite } from "./calendar-invite";
import { composeMessage, type SessionFacts } from "./compose-message";
import { messageConfig } from "./message-config";
import {
  hadInvitation,
  messageSettingsOf,
  nextCalendarSequence,
  organisationNameOf,
  queueMessage,
  sendsKind,
  type MessageSettings,
} from "./queue-message";

const manager = alias(staff, "manager");

/** A nomination with what its messages say and whom they go to. */
export interface NominationFacts {
  nominationId: string;
  staffId: string;
  name: string;
  email: string | null;
  manager: { id: string; name: string; email: string | null } | null;
  session: SessionFacts;
  sessionCancelled: boolean;
}

/** The facts of the organisation's nominations with these ids, in the order of `ids`. */
export function nominationFacts(
  tx: Queryable,
  organisationId: string,
  ids: readonly string[],
): NominationFacts[] {
  if (ids.length === 0) return [];
  const found = tx
    .select({
      nominationId: nominations.id,
      staffId: staff.id,
      name: staff.name,
      email: staff.email,
      managerId: manager.id,
      managerName: manager.name,
      managerEmail: manager.email,
      sessionId: trainingSessions.id,
      courseTitle: courses.title,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      location: trainingSessions.location,
      cancelledAt: trainingSessions.cancelledAt,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .leftJoin(
      manager,
      and(eq(manager.organisationId, staff.organisationId), eq(manager.id, staff.managerId)),
    )
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession)
    .where(and(eq(nominations.organisationId, organisationId), inArray(nominations.id, [...ids])))
    .all()
    .map((row) => ({
      nominationId: row.nominationId,
      staffId: row.staffId,
      name: row.name,
      email: row.email,
      manager:
        row.managerId == null
          ? null
          : { id: row.managerId, name: row.managerName ?? "", email: row.managerEmail },
      session: {
        sessionId: row.sessionId,
        courseTitle: row.courseTitle,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        location: row.location,
      },
      sessionCancelled: row.cancelledAt != null,
    }));
  // SQLite returns the rows in the order of their random ids: messages are written (and listed)
  // in the order the people were asked for instead, the same every time.
  const byId = new Map(found.map((facts) => [facts.nominationId, facts]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What a message about a booking is about: its session, the booking and the person booked. */
export function aboutBooking(facts: NominationFacts): {
  sessionId: string;
  nominationId: string;
  staffId: string;
} {
  return {
    sessionId: facts.session.sessionId,
    nominationId: facts.nominationId,
    staffId: facts.staffId,
  };
}

/** The organisation's messages for one change: its settings, name and the time, read once. */
export interface MessageTarget {
  organisationId: string;
  organisationName: string;
  now: Date;
  settings: MessageSettings;
}

/** The target for messages caused by a change `scope` makes. */
export function targetOf(tx: Queryable, organisationId: string, now: Date): MessageTarget {
  return {
    organisationId,
    organisationName: organisationNameOf(tx, organisationId),
    now,
    settings: messageSettingsOf(tx, organisationId),
  };
}

/** The address of a session's page, which every session message links to. */
export function sessionLink(sessionId: string): string {
  return `${messageConfig().publicUrl}/training/sessions/${sessionId}`;
}

/** The address of a nomination's page (where a manager nominates someone again). */
export function nominationLink(nominationId: string): string {
  return `${messageConfig().publicUrl}/training/nominations/${nominationId}`;
}

/**
 * Queues a message about a booking to the person booked, with its calendar invitation or
 * cancellation when the kind carries one. `key` makes it once-only.
 */
export function queueBookingMessage(
  tx: Queryable,
  target: MessageTarget,
  message: {
    kind: MessageKind;
    key: string;
    facts: NominationFacts;
    calendar: "REQUEST" | "CANCEL" | null;
    daysBefore?: number;
  },
): boolean {
  // Checked before the message and its invitation are written out, which cost more than the rest.
  if (!sendsKind(target.settings, message.kind)) return false;
  const { facts } = message;
  const composed = composeMessage(message.kind, {
    organisationName: target.organisationName,
    recipientName: facts.name,
    personName: facts.name,
    session: facts.session,
    daysBefore: message.daysBefore ?? null,
    due: null,
    link: sessionLink(facts.session.sessionId),
  });
  let calendar: { ics: string; uid: string; sequence: number } | undefined;
  if (message.calendar != null && facts.email != null) {
    const uid = `${facts.nominationId}@dapkit`;
    const sequence = nextCalendarSequence(tx, target.organisationId, facts.nominationId);
    const organiserName = target.settings.senderName || target.organisationName;
    const ics = calendarInvite({
      uid,
      sequence,
      method: message.calendar,
      title: facts.session.courseTitle,
      location: facts.session.location,
      startsAt: facts.session.startsAt,
      endsAt: facts.session.endsAt,
      url: sessionLink(facts.session.sessionId),
      organiser: { name: organiserName, email: messageConfig().fromAddress },
      attendee: { name: facts.name, email: facts.email },
    });
    calendar = { ics, uid, sequence };
  }
  return queueMessage(tx, target, {
    kind: message.kind,
    // A calendar message's key carries its SEQUENCE: each change is a new message.
    key: calendar == null ? message.key : `${message.key}:${calendar.sequence}`,
    recipient: { name: facts.name, email: facts.email, staffId: facts.staffId },
    about: aboutBooking(facts),
    ...composed,
    calendar,
  });
}

// The kinds of message a change to each state may send.
const STATE_CHANGE_KINDS: Partial<Record<NominationState, readonly MessageKind[]>> = {
  booked: ["booked", "promoted"],
  waitlisted: ["waitlisted"],
  cancelled: ["booking_cancelled", "session_cancelled"],
};

/**
 * The messages a nomination's change of state sends, written in the change's transaction: a
 * booking's confirmation with its invitation (or, from the waiting list, saying so), the waiting
 * list, and a cancellation that removes the calendar entry. Other changes send nothing.
 */
export function queueStateChangeMessages(
  tx: Queryable,
  scope: Scope,
  change: {
    nomination: { id: string; state: NominationState };
    to: NominationState;
    action: string;
  },
): void {
  const { to } = change;
  const kinds = STATE_CHANGE_KINDS[to];
  if (kinds === undefined) return;
  const organisationId = scope.user.organisationId;
  const target = targetOf(tx, organisationId, scope.now);
  // An organisation that sends none of the kinds this change could send is not read for them.
  if (!kinds.some((kind) => sendsKind(target.settings, kind))) return;
  const [facts] = nominationFacts(tx, organisationId, [change.nomination.id]);
  if (facts === undefined) return;
  const id = facts.nominationId;
  if (to === "booked") {
    const kind = change.action === "promote" ? "promoted" : "booked";
    queueBookingMessage(tx, target, { kind, key: `${kind}:${id}`, facts, calendar: "REQUEST" });
  } else if (to === "waitlisted") {
    queueBookingMessage(tx, target, {
      kind: "waitlisted",
      key: `waitlisted:${id}:${scope.now.toISOString()}`,
      facts,
      calendar: null,
    });
  } else {
    // Cancelling a session cancels each nomination on it before marking the session cancelled.
    const withSession = facts.sessionCancelled || change.action === "cancel_with_session";
    const kind = withSession ? "session_cancelled" : "booking_cancelled";
    queueBookingMessage(tx, target, {
      kind,
      key: `${kind}:${id}:${scope.now.toISOString()}`,
      facts,
      calendar: hadInvitation(tx, organisationId, id) ? "CANCEL" : null,
    });
  }
}

/** Tells each person newly nominated, with a copy to their manager. */
export function queueNominatedMessages(tx: Queryable, scope: Scope, ids: readonly string[]): void {
  const organisationId = scope.user.organisationId;
  const target = targetOf(tx, organisationId, scope.now);
  for (const facts of nominationFacts(tx, organisationId, ids)) {
    const about = aboutBooking(facts);
    const recipients = [
      { role: "person", name: facts.name, email: facts.email, staffId: facts.staffId },
      ...(facts.manager == null
        ? []
        : [{ role: "manager", ...facts.manager, staffId: facts.manager.id }]),
    ];
    for (const recipient of recipients) {
      const composed = composeMessage("nominated", {
        organisationName: target.organisationName,
        recipientName: recipient.name,
        personName: facts.name,
        session: facts.session,
        daysBefore: null,
        due: null,
        link: sessionLink(facts.session.sessionId),
      });
      queueMessage(tx, target, {
        kind: "nominated",
        key: `nominated:${facts.nominationId}:${recipient.role}`,
        recipient: { name: recipient.name, email: recipient.email, staffId: recipient.staffId },
        about,
        ...composed,
      });
    }
  }
}

/**
 * After a session's time or place changes: everyone booked gets an updated invitation with a
 * higher SEQUENCE, saying what the session is now.
 */
export function queueSessionChangedMessages(tx: Queryable, scope: Scope, sessionId: string): void {
  const organisationId = scope.user.organisationId;
  const booked = tx
    .select({ id: nominations.id })
    .from(nominations)
    .where(
      and(
        eq(nominations.organisationId, organisationId),
        eq(nominations.sessionId, sessionId),
        eq(nominations.state, "booked"),
      ),
    )
    .all()
    .map((row) => row.id);
  const target = targetOf(tx, organisationId, scope.now);
  for (const facts of nominationFacts(tx, organisationId, booked)) {
    queueBookingMessage(tx, target, {
      kind: "session_changed",
      key: `session_changed:${facts.nominationId}:${scope.now.toISOString()}`,
      facts,
      calendar: "REQUEST",
    });
  }
}

/** After a session is edited: its updated invitations if its time or place changed (not capacity). */
export function queueSessionEditedMessages(
  tx: Queryable,
  scope: Scope,
  change: {
    before: { id: string; startsAt: string; endsAt: string; location: string };
    after: { startsAt: string; endsAt: string; location: string };
  },
): void {
  const { before, after } = change;
  const same = (["startsAt", "endsAt", "location"] as const).every(
    (field) => before[field] === after[field],
  );
  if (!same) queueSessionChangedMessages(tx, scope, before.id);
}
