import { and, eq, gt, isNull, lte } from "drizzle-orm";

import { londonToday, londonWallClock, readIsoDate, toDayNumber } from "@dapkit/schemas";

import type { Db } from "../../db/client";
import { inIds } from "../../db/id-list";
import {
  evidenceItems,
  nominations,
  organisations,
  staff,
  trainingSessions,
  users,
} from "../../db/schema";
import { queueFollowUpInvitations } from "../evaluation/evaluation-invitations";
import { refreshersDue } from "../reports/refreshers-due";
import { sessionOfNomination } from "../training/nomination-items";
import { composeMessage } from "./compose-message";
import {
  aboutBooking,
  nominationFacts,
  nominationLink,
  queueBookingMessage,
  targetOf,
  type MessageTarget,
} from "./nomination-messages";
import { messageConfig } from "./message-config";
import { queueMessage } from "./queue-message";

const DAY_MS = 24 * 60 * 60_000;
/** How far ahead refreshers and evidence reviews are announced. */
export const DUE_NOTICE_DAYS = 30;
/** A follow-up missed for longer than this (the server was off) is not sent late. */
const LATE_LIMIT_DAYS = 7;

function dayNumber(isoDate: string): number {
  const { date } = readIsoDate(isoDate, "date");
  if (date == null) throw new Error(`Not a date: ${isoDate}`);
  return toDayNumber(date);
}

const londonDayOf = (instant: string) => dayNumber(londonWallClock(instant).date);

// Monday to Friday. England and Wales bank holidays are not counted out (yet): a follow-up due
// on one goes that day.
function nextWorkingDay(day: number): number {
  let next = day + 1;
  // Day number 0 is 1 January 1970, a Thursday: (n + 4) % 7 is 0 on a Sunday, 6 on a Saturday.
  while ((next + 4) % 7 === 0 || (next + 4) % 7 === 6) next += 1;
  return next;
}

/**
 * Which reminder is due for a session `daysUntil` days away: the nearest reminder day not yet
 * passed (with 7 and 1, five days before it is the 7-day one), unless the booking was made inside
 * that window, when its confirmation already said everything. Null when none is due.
 */
export function dueReminder(
  reminderDays: readonly number[],
  daysUntil: number,
  bookedDaysBefore: number,
): number | null {
  const window = [...reminderDays].sort((a, b) => a - b).find((days) => daysUntil <= days);
  if (window === undefined || bookedDaysBefore <= window) return null;
  return window;
}

/**
 * The organisation's nominations now in `state` on sessions (not cancelled) starting after
 * `startsAfter` and, if given, by `startsBy`, with when each reached that state.
 */
function nominationsInState(
  db: Db,
  organisationId: string,
  filter: { state: "booked" | "no_show"; startsAfter: string; startsBy?: string },
): { id: string; at: string }[] {
  return db
    .select({ id: nominations.id, at: nominations.stateChangedAt })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .where(
      and(
        eq(nominations.organisationId, organisationId),
        eq(nominations.state, filter.state),
        isNull(trainingSessions.cancelledAt),
        gt(trainingSessions.startsAt, filter.startsAfter),
        filter.startsBy === undefined ? undefined : lte(trainingSessions.startsAt, filter.startsBy),
      ),
    )
    .all();
}

function queueReminders(db: Db, target: MessageTarget, now: Date): number {
  const days = target.settings.reminderDays;
  if (days.length === 0) return 0;
  const today = dayNumber(londonToday(now));
  const horizon = new Date(now.getTime() + (Math.max(...days) + 2) * DAY_MS).toISOString();
  const booked = nominationsInState(db, target.organisationId, {
    state: "booked",
    startsAfter: now.toISOString(),
    startsBy: horizon,
  });
  const bookedAt = new Map(booked.map((row) => [row.id, row.at]));
  let queued = 0;
  for (const facts of nominationFacts(db, target.organisationId, [...bookedAt.keys()])) {
    const sessionDay = londonDayOf(facts.session.startsAt);
    const window = dueReminder(
      days,
      sessionDay - today,
      sessionDay - londonDayOf(bookedAt.get(facts.nominationId) ?? now.toISOString()),
    );
    if (window == null) continue;
    // The session's date is in the key: a moved session is reminded again before its new date.
    const key = `reminder:${facts.nominationId}:${window}:${londonWallClock(facts.session.startsAt).date}`;
    const daysBefore = sessionDay - today;
    if (
      queueBookingMessage(db, target, { kind: "reminder", key, facts, calendar: null, daysBefore })
    )
      queued += 1;
  }
  return queued;
}

function queueNoShowFollowUps(db: Db, target: MessageTarget, now: Date): number {
  const today = dayNumber(londonToday(now));
  const since = new Date(now.getTime() - (LATE_LIMIT_DAYS + 4) * DAY_MS).toISOString();
  const ids = nominationsInState(db, target.organisationId, {
    state: "no_show",
    startsAfter: since,
  }).map((row) => row.id);
  let queued = 0;
  for (const facts of nominationFacts(db, target.organisationId, ids)) {
    const due = nextWorkingDay(londonDayOf(facts.session.startsAt));
    if (facts.manager == null || today < due || today > due + LATE_LIMIT_DAYS) continue;
    const composed = composeMessage("no_show", {
      organisationName: target.organisationName,
      recipientName: facts.manager.name,
      personName: facts.name,
      session: facts.session,
      daysBefore: null,
      due: null,
      link: nominationLink(facts.nominationId),
    });
    const written = queueMessage(db, target, {
      kind: "no_show",
      key: `no_show:${facts.nominationId}:${londonWallClock(facts.session.startsAt).date}`,
      recipient: { ...facts.manager, staffId: facts.manager.id },
      about: aboutBooking(facts),
      ...composed,
    });
    if (written) queued += 1;
  }
  return queued;
}

function queueRefreshers(db: Db, target: MessageTarget, now: Date): number {
  // As the organisation's HR sees it: everyone, not one manager's team.
  const scope = {
    db,
    now,
    user: {
      id: "",
      organisationId: target.organisationId,
      email: "",
      name: "",
      role: "hr" as const,
      staffId: null,
    },
  };
  const due = refreshersDue(scope, {
    asOf: londonToday(now),
    fallingDue: { withinDays: DUE_NOTICE_DAYS },
  });
  if (due.length === 0) return 0;
  const emails = new Map(
    staffEmails(db, target.organisationId, [...new Set(due.map((row) => row.staffId))]),
  );
  let queued = 0;
  for (const row of due) {
    const composed = composeMessage("refresher_due", {
      organisationName: target.organisationName,
      recipientName: row.staffName,
      personName: row.staffName,
      session: null,
      daysBefore: null,
      due: { date: row.dueOn, title: row.courseTitle },
      link: `${messageConfig().publicUrl}/training`,
    });
    const written = queueMessage(db, target, {
      kind: "refresher_due",
      key: `refresher_due:${row.staffId}:${row.courseId}:${row.dueOn}`,
      recipient: {
        name: row.staffName,
        email: emails.get(row.staffId) ?? null,
        staffId: row.staffId,
      },
      about: { staffId: row.staffId },
      ...composed,
    });
    if (written) queued += 1;
  }
  return queued;
}

// The email addresses of staff records, by id.
function staffEmails(
  db: Db,
  organisationId: string,
  staffIds: readonly string[],
): [string, string | null][] {
  return db
    .select({ id: staff.id, email: staff.email })
    .from(staff)
    .where(and(eq(staff.organisationId, organisationId), inIds(staff.id, staffIds)))
    .all()
    .map((row) => [row.id, row.email]);
}

function queueEvidenceDates(db: Db, target: MessageTarget, now: Date): number {
  const today = dayNumber(londonToday(now));
  const announced = (date: string | null): date is string =>
    date != null && dayNumber(date) >= today && dayNumber(date) <= today + DUE_NOTICE_DAYS;
  const rows = db
    .select({
      id: evidenceItems.id,
      title: evidenceItems.title,
      owner: evidenceItems.owner,
      reviewDate: evidenceItems.reviewDate,
      expiryDate: evidenceItems.expiryDate,
      creatorName: users.name,
      creatorEmail: users.email,
      creatorId: users.id,
    })
    .from(evidenceItems)
    .innerJoin(users, eq(users.id, evidenceItems.createdBy))
    .where(
      and(
        eq(evidenceItems.organisationId, target.organisationId),
        eq(evidenceItems.status, "approved"),
      ),
    )
    .all();
  let queued = 0;
  for (const row of rows) {
    // The owner is a name or an address; a name is reached through whoever added the evidence.
    const ownerIsAddress = /^[^@\s]+@[^@\s]+$/.test(row.owner);
    const recipient = ownerIsAddress
      ? { name: row.owner, email: row.owner }
      : { name: row.creatorName, email: row.creatorEmail, userId: row.creatorId };
    const dates = [
      { what: "review" as const, date: row.reviewDate },
      { what: "expiry" as const, date: row.expiryDate },
    ];
    for (const { what, date } of dates) {
      if (!announced(date)) continue;
      const composed = composeMessage("evidence_due", {
        organisationName: target.organisationName,
        recipientName: recipient.name,
        personName: recipient.name,
        session: null,
        daysBefore: null,
        due: { date, title: row.title, what },
        link: `${messageConfig().publicUrl}/accreditation/evidence/${row.id}`,
      });
      const written = queueMessage(db, target, {
        kind: "evidence_due",
        key: `evidence_due:${row.id}:${what}:${date}`,
        recipient,
        about: {},
        ...composed,
      });
      if (written) queued += 1;
    }
  }
  return queued;
}

/**
 * Works out from the data which scheduled messages are due now, for every organisation, and writes
 * any not yet written. The keys carry the dates they depend on, so a pass after a restart writes
 * exactly the ones missed, and a moved session's reminders are due again for its new date.
 */
export function queueScheduledMessages(db: Db, now: Date): number {
  let queued = 0;
  for (const { id } of db.select({ id: organisations.id }).from(organisations).all()) {
    // Each message is written on its own; the keys make a repeated or interrupted pass harmless.
    const target = targetOf(db, id, now);
    queued +=
      queueReminders(db, target, now) +
      queueNoShowFollowUps(db, target, now) +
      queueRefreshers(db, target, now) +
      queueEvidenceDates(db, target, now) +
      queueFollowUpInvitations(db, target, now);
  }
  return queued;
}
