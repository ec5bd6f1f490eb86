import {
  FOLLOW_UP_CLOSES_DAYS,
  FOLLOW_UP_OPENS_DAYS,
  type EvaluationStage,
} from "@dapkit/contract";
import { formatUkDate, londonToday, londonWallClock, type NominationState } from "@dapkit/schemas";

/** The states of a booking whose person attended, in full or in part. */
export const ATTENDED_STATES = ["fully_attended", "partially_attended"] as const;

/** A day in milliseconds. */
export const DAY_MS = 24 * 60 * 60_000;

/** The UK calendar date `days` after the UK day a session starts on. */
export function daysAfterSession(startsAt: string, days: number): string {
  const day = londonWallClock(startsAt).date;
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function attended(state: NominationState): boolean {
  return (ATTENDED_STATES as readonly NominationState[]).includes(state);
}

/**
 * Why a booking's questionnaire at `stage` cannot be answered at `now`, or null when it can.
 * Before: while booked and the session has not started. After: once attendance is marked
 * attended, until the follow-up opens. Follow-up: for those who attended, from 6 weeks after the
 * session's day to 8 weeks after it.
 */
export function stageProblem(
  stage: EvaluationStage,
  booking: { state: NominationState; startsAt: string },
  now: Date,
): string | null {
  const opens = daysAfterSession(booking.startsAt, FOLLOW_UP_OPENS_DAYS);
  const today = londonToday(now);
  if (stage === "before") {
    if (booking.state !== "booked") return "This questionnaire is for people booked on the session";
    if (now.toISOString() >= booking.startsAt) {
      return "The session has started, so the questionnaire before it has closed";
    }
    return null;
  }
  if (!attended(booking.state)) return "This questionnaire is for people who attended the session";
  if (stage === "after") {
    return today >= opens ? "The questionnaire after the session has closed" : null;
  }
  if (today < opens) return `This questionnaire opens on ${formatUkDate(opens)}`;
  const closes = daysAfterSession(booking.startsAt, FOLLOW_UP_CLOSES_DAYS);
  return today > closes ? `This questionnaire closed on ${formatUkDate(closes)}` : null;
}
