import { createEvent, type DateArray } from "ics";

import { LONDON_TIME_ZONE, londonWallClock } from "@dapkit/schemas";

/** What a calendar entry for one booking says. */
export interface CalendarEntry {
  /** Stable for the booking, so every update and the cancellation reach the same entry. */
  uid: string;
  /** Higher on every change: calendars ignore an update that does not raise it. */
  sequence: number;
  method: "REQUEST" | "CANCEL";
  title: string;
  location: string;
  startsAt: string;
  endsAt: string;
  url: string;
  organiser: { name: string; email: string };
  attendee: { name: string; email: string };
}

// Europe/London as RFC 5545 describes a zone: summer time from 1am GMT on the last Sunday of March
// to 1am GMT (2am BST) on the last Sunday of October, the rule in force since 1996. `ics` cannot
// write a VTIMEZONE or a TZID (its pull request for them is still open), so the entry is written
// with London wall-clock times and this block and the TZID parameters are added after.
const LONDON_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${LONDON_TIME_ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

// The London wall-clock reading of an instant as the date array `ics` takes for a local time.
function londonDateArray(instant: string): DateArray {
  const { date, time } = londonWallClock(instant);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return [year, month, day, hour, minute];
}

/** Thrown when `ics` refuses an entry (a value it cannot write). */
export class CalendarError extends Error {
  override name = "CalendarError";
}

/**
 * A booking's iCalendar object: an invitation (`METHOD:REQUEST`) that lands in Outlook and Google
 * calendars as a meeting, or its cancellation (`METHOD:CANCEL`), with times in Europe/London.
 */
export function calendarInvite(entry: CalendarEntry): string {
  const local = { startInputType: "local", startOutputType: "local" } as const;
  const result = createEvent({
    productId: "-//dapkit//training//EN",
    method: entry.method,
    uid: entry.uid,
    sequence: entry.sequence,
    title: entry.title,
    location: entry.location,
    url: entry.url,
    start: londonDateArray(entry.startsAt),
    end: londonDateArray(entry.endsAt),
    ...local,
    endInputType: "local",
    endOutputType: "local",
    status: entry.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    organizer: entry.organiser,
    attendees: [
      { ...entry.attendee, rsvp: false, partstat: "NEEDS-ACTION", role: "REQ-PARTICIPANT" },
    ],
  });
  if (result.error != null || result.value == null) {
    throw new CalendarError(`The calendar entry could not be written: ${result.error?.message}`);
  }
  return result.value
    .replace(/^(DTSTART|DTEND):(\d{8}T\d{6})\r?$/gm, `$1;TZID=${LONDON_TIME_ZONE}:$2\r`)
    .replace(/^BEGIN:VEVENT\r?$/m, `${LONDON_VTIMEZONE.join("\r\n")}\r\nBEGIN:VEVENT\r`);
}
