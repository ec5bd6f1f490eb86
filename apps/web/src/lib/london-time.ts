// Sessions are stored as UTC instants but people type London wall-clock times, which shift by
// an hour between GMT and BST; these helpers convert both ways without a date library.

const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function londonParts(instant: Date): Record<string, number> {
  return Object.fromEntries(
    PARTS.formatToParts(instant)
      .filter((part) => part.type !== "literal")
      .map((part) => [part.type, Number(part.value)]),
  );
}

/** A London date ("2026-03-27") and time ("09:30") as a UTC ISO instant. */
export function londonToIso(dateIso: string, time: string): string {
  const [year = 0, month = 1, day = 1] = dateIso.split("-").map(Number);
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  // London's offset at that moment: how far a UTC reading of the wall time is from London's.
  const parts = londonParts(new Date(wanted));
  const shown = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day,
    parts.hour,
    parts.minute,
  );
  return new Date(wanted - (shown - wanted)).toISOString().replace(".000Z", "Z");
}

/** A UTC instant as the London date ("2026-03-27") and time ("09:30") it reads as. */
export function isoToLondon(iso: string): { date: string; time: string } {
  const parts = londonParts(new Date(iso));
  const pad = (value: number | undefined) => String(value ?? 0).padStart(2, "0");
  return {
    date: `${parts.year ?? 0}-${pad(parts.month)}-${pad(parts.day)}`,
    time: `${pad(parts.hour)}:${pad(parts.minute)}`,
  };
}

/**
 * A time as people type it ("9:30", "09:30", "9.30am", "2pm", "14:00") in 24-hour "HH:MM", or
 * null when it is not a time.
 */
export function parseTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (match == null) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? "0");
  const period = match[3]?.toLowerCase();
  if (period !== undefined) {
    if (hour < 1 || hour > 12) return null;
    if (period === "pm" && hour !== 12) hour += 12;
    if (period === "am" && hour === 12) hour = 0;
  } else if (match[2] === undefined) {
    return null;
  }
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
